import { addDays } from '../dates';
import { nameKey, normalizeDocumentNumber } from '../identity/names';
import type { RuleSettings } from './settings';
import type { PersonFacts, RuleHit, RuleId, StayFact } from './types';

// The alert rules: pure functions from one person's facts to hits. Each hit says why in an
// i18n key with values, and carries a key that stays the same while the facts behind it do,
// so a false positive, once resolved, is not raised again for the same facts.

type Rule = (facts: PersonFacts, settings: RuleSettings) => RuleHit[];

const present = (s: StayFact) => !s.cancelled && s.departureDate === null;
const live = (s: StayFact) => !s.cancelled;
const regencyOf = (code: string) => code.split('.').slice(0, 2).join('.');
const DAY_MS = 86_400_000;
/** whole days from a to b (both YYYY-MM-DD) */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

const hit = (rule: RuleId, severity: RuleHit['severity'], stay: { regionCode: string; id?: string } | null, regionCode: string,
  key: string, explanation: string, params: Record<string, string | number>): RuleHit =>
  ({ rule, severity, regionCode, stayId: stay?.id ?? null, key: `${rule}:${key}`, explanation: { key: `rule.${explanation}`, params } });

/** Present after the permit's last day. */
export const overstay: Rule = ({ stays, today }) => stays.filter(present)
  .filter((s) => s.permitValidUntil !== null && today > s.permitValidUntil)
  .map((s) => hit('overstay', 'high', s, s.regionCode, `${s.id}:${s.permitValidUntil}`, 'overstay',
    { until: s.permitValidUntil!, days: daysBetween(s.permitValidUntil!, today) }));

/**
 * Present with a permit ending soon: medium inside `soonDays`, low inside `warnDays`. The long
 * warning is for long-term permits (ITAS and the like) only: a 30-day visit permit is "within
 * 30 days" from its first day, and would alert on every visitor the moment they check in.
 */
export const permitExpiring: Rule = ({ stays, today }, { permitExpiring: cfg, visitPermits }) => stays.filter(present).flatMap((s) => {
  if (s.permitValidUntil === null || s.permitValidUntil < today) return [];
  const days = daysBetween(today, s.permitValidUntil);
  const longTerm = !visitPermits.includes(s.permitKind);
  const window = days <= cfg.soonDays ? cfg.soonDays : longTerm && days <= cfg.warnDays ? cfg.warnDays : null;
  if (window === null) return [];
  return [hit('permit_expiring', window === cfg.soonDays ? 'medium' : 'low', s, s.regionCode, `${s.id}:${s.permitValidUntil}:${window}`,
    'permit_expiring', { until: s.permitValidUntil, days, window })];
});

/** Present on a passport past its expiry date. */
export const passportExpired: Rule = ({ stays, today }) => stays.filter(present)
  .filter((s) => s.documentExpiry !== null && s.documentExpiry < today)
  .map((s) => hit('passport_expired', 'medium', s, s.regionCode, `${s.id}:${s.documentExpiry}`, 'passport_expired', { expiry: s.documentExpiry! }));

/** Arrivals at `lodgings` or more different lodgings inside `withinDays`, the last of them recent. */
export const frequentMover: Rule = ({ stays, today }, { frequentMover: cfg }) => {
  const arrivals = stays.filter((s) => live(s) && s.kind === 'lodging').sort((a, b) => a.arrivalDate.localeCompare(b.arrivalDate));
  let best: StayFact[] | null = null;
  for (let end = 0; end < arrivals.length; end++) {
    const last = arrivals[end]!;
    if (daysBetween(last.arrivalDate, today) > cfg.withinDays) continue; // only recent movement is news
    const window = arrivals.filter((s, i) => i <= end && daysBetween(s.arrivalDate, last.arrivalDate) < cfg.withinDays);
    if (new Set(window.map((s) => s.reporterId)).size >= cfg.lodgings && (!best || window.length > best.length)) best = window;
  }
  if (!best) return [];
  const last = best[best.length - 1]!;
  return [hit('frequent_mover', 'medium', last, last.regionCode, best.map((s) => s.id).join(','), 'frequent_mover', {
    lodgings: new Set(best.map((s) => s.reporterId)).size, days: cfg.withinDays, from: best[0]!.arrivalDate, to: last.arrivalDate,
  })];
};

/**
 * On a visit permit while a work report is open or a field officer saw the person working. A work
 * report on a visit permit is the mismatch itself, but only when no lodging stay on a visit permit
 * says so already: one employer's report must not raise the same alert twice.
 */
export const visaActivityMismatch: Rule = ({ stays, sightings, today }, cfg) => {
  const visits = stays.filter((s) => present(s) && cfg.visitPermits.includes(s.permitKind));
  const work = stays.filter((s) => present(s) && s.kind === 'work');
  const seenWorking = sightings.filter((s) => s.activity === 'work' && daysBetween(s.seenOn, today) <= cfg.sightingWindowDays);
  const staysOnVisit = visits.filter((s) => s.kind !== 'work');
  const reported = staysOnVisit.length
    ? staysOnVisit.flatMap((visit) => work.map((w) => [visit, w] as const))
    : work.filter((w) => visits.includes(w)).map((w) => [w, w] as const);
  return [
    ...reported.map(([visit, w]) => hit('visa_activity_mismatch', 'high', visit, w.regionCode, `${visit.id}:${w.id}`, 'visa_work_report',
      { permit: String(visit.permitKind), since: w.arrivalDate })),
    ...visits.flatMap((visit) => seenWorking.filter((s) => s.seenOn >= visit.arrivalDate).map((s) => hit('visa_activity_mismatch', 'high', visit, s.regionCode,
      `${visit.id}:${s.id}`, 'visa_work_sighting', { permit: String(visit.permitKind), seenOn: s.seenOn }))),
  ];
};

/** Still open well after the planned departure, or after the permit's end when no departure was planned. */
export const stayNotClosed: Rule = ({ stays, today }, { stayNotClosed: cfg }) => stays.filter(present).flatMap((s) => {
  const due = s.plannedDeparture ?? s.permitValidUntil;
  if (due === null || today <= addDays(due, cfg.graceDays)) return [];
  return [hit('stay_not_closed', 'low', s, s.regionCode, `${s.id}:${due}`, s.plannedDeparture ? 'not_closed_planned' : 'not_closed_permit',
    { due, days: daysBetween(due, today) })];
});

/** One document reported with different names or birth dates. */
export const identityConflict: Rule = ({ identityClaims, stays }) => {
  const byDocument = new Map<string, PersonFacts['identityClaims']>();
  for (const c of identityClaims) {
    const doc = `${c.issuingState}/${normalizeDocumentNumber(c.documentNumber)}`;
    byDocument.set(doc, [...(byDocument.get(doc) ?? []), c]);
  }
  return [...byDocument].flatMap(([doc, claims]) => {
    const versions = new Map(claims.map((c) => [`${nameKey(c.surname)}|${nameKey(c.givenNames)}|${c.dateOfBirth}`, c]));
    if (versions.size < 2) return [];
    const latest = claims.map((c) => stays.find((s) => s.id === c.stayId)).filter((s) => s !== undefined)
      .sort((a, b) => b!.reportedAt.localeCompare(a!.reportedAt))[0];
    return [hit('identity_conflict', 'medium', latest ?? null, latest?.regionCode ?? '', `${doc}:${[...versions.keys()].sort().join(';')}`,
      'identity_conflict', { document: doc, versions: versions.size })];
  });
};

/** Seen in an area where no report places the person on that day. */
export const unregisteredPresence: Rule = ({ sightings, stays, today }, cfg) => sightings
  .filter((seen) => daysBetween(seen.seenOn, today) <= cfg.sightingWindowDays)
  .filter((seen) => !stays.some((s) => live(s) && regencyOf(s.regionCode) === regencyOf(seen.regionCode)
    && s.arrivalDate <= seen.seenOn && (s.departureDate === null || s.departureDate >= seen.seenOn)))
  .map((seen) => hit('unregistered_presence', 'medium', null, seen.regionCode, seen.id, 'unregistered_presence', { seenOn: seen.seenOn }));

/**
 * Reported more than `afterHours` after arrival. With only an arrival date, the guest is given the
 * benefit of the doubt: the arrival counts from the end of that local day. A stay reported after
 * the guest had already left (a lodging's back-filed history, an import) is on record but not news.
 */
export const lateReport: Rule = ({ stays, utcOffsetMinutes }, { lateReport: cfg }) => stays
  .filter((s) => live(s) && s.kind === 'lodging')
  .filter((s) => s.departureDate === null || s.departureDate >= s.reportedAt.slice(0, 10))
  .flatMap((s) => {
    const arrived = s.arrivedAt ? Date.parse(s.arrivedAt) : Date.parse(`${addDays(s.arrivalDate, 1)}T00:00:00Z`) - utcOffsetMinutes * 60_000;
    const hours = (Date.parse(s.reportedAt) - arrived) / 3_600_000;
    return hours > cfg.afterHours
      ? [hit('late_report', 'low', s, s.regionCode, s.id, 'late_report', { hours: Math.floor(hours), limit: cfg.afterHours })]
      : [];
  });

export const RULES: Record<RuleId, Rule> = {
  overstay, permit_expiring: permitExpiring, passport_expired: passportExpired, frequent_mover: frequentMover,
  visa_activity_mismatch: visaActivityMismatch, stay_not_closed: stayNotClosed, identity_conflict: identityConflict,
  unregistered_presence: unregisteredPresence, late_report: lateReport,
};

/** Every enabled rule over one person's facts. */
export function evaluateRules(facts: PersonFacts, settings: RuleSettings): RuleHit[] {
  return (Object.keys(RULES) as RuleId[]).filter((id) => settings.enabled[id]).flatMap((id) => RULES[id](facts, settings));
}
