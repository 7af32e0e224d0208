import type { PermitStatus } from '../../../domain/permits/kinds';
import type { Actor } from '../../auth/actor';
import { ifSees, sees } from '../../policies/fields';
import { presentEmployment, visibleFindings } from '../stays/presenters';
import type { PersonRecord, PersonStay } from './queries';
import type { PersonListRow } from './search';

// Every field a client receives about a person, each asked of the field matrix.

const lodgingOf = (s: PersonStay) => ({ id: s.lodging_id, name: s.lodging_name });

/** Distinct identities as the reports gave them, each with the lodgings that reported it. */
function reportedIdentities(actor: Actor, stays: PersonStay[]) {
  const byKey = new Map<string, { stay: PersonStay; lodgings: Map<string, { id: string; name: string }> }>();
  for (const s of stays) {
    const key = [s.reported_surname, s.reported_given_names, s.reported_sex, s.reported_nationality, s.reported_date_of_birth].join('\u0000');
    const entry = byKey.get(key) ?? { stay: s, lodgings: new Map() };
    entry.lodgings.set(s.lodging_id, lodgingOf(s));
    byKey.set(key, entry);
  }
  return [...byKey.values()].map(({ stay: s, lodgings }) => ({
    surname: ifSees(actor, 'identity', s.reported_surname), givenNames: ifSees(actor, 'identity', s.reported_given_names),
    sex: ifSees(actor, 'identity', s.reported_sex), nationality: ifSees(actor, 'identity', s.reported_nationality),
    dateOfBirth: ifSees(actor, 'document', s.reported_date_of_birth),
    lodgings: sees(actor, 'whereabouts') ? [...lodgings.values()] : null,
  }));
}

function whereabouts(stays: PersonStay[]) {
  const present = stays.find((s) => s.departure_date === null && !s.cancelled_at);
  if (present) return { status: 'present' as const, lodging: lodgingOf(present), since: present.arrival_date, departedOn: null };
  const latest = stays[0];
  if (latest) return { status: 'departed' as const, lodging: lodgingOf(latest), since: null, departedOn: latest.departure_date };
  return { status: 'unknown' as const, lodging: null, since: null, departedOn: null };
}

export function presentPerson(actor: Actor, r: PersonRecord, permitStatus: PermitStatus | null) {
  const p = r.person;
  const latest = r.stays[0] ?? null;
  const where = <T>(v: T) => ifSees(actor, 'whereabouts', v);
  const permit = <T>(v: T) => ifSees(actor, 'permit', v);
  return {
    id: p.id,
    identity: {
      surname: ifSees(actor, 'identity', p.surname), givenNames: ifSees(actor, 'identity', p.given_names),
      sex: ifSees(actor, 'identity', p.sex), nationality: ifSees(actor, 'identity', p.nationality),
    },
    dateOfBirth: ifSees(actor, 'document', p.date_of_birth),
    documents: ifSees(actor, 'document', r.documents.map((d) => ({ type: d.type, number: d.number, issuingState: d.issuing_state, expiryDate: d.expiry_date }))),
    reportedIdentities: reportedIdentities(actor, r.stays),
    whereabouts: where(whereabouts(r.stays)),
    permit: permit({ status: permitStatus, kind: latest?.permit_kind ?? null, validUntil: latest?.permit_valid_until ?? null }),
    timeline: r.stays.map((s) => ({
      stayId: s.id, regionCode: s.region_code,
      arrivalDate: where(s.arrival_date), departureDate: where(s.departure_date), present: s.departure_date === null && !s.cancelled_at,
      lodging: where(lodgingOf(s)), permitKind: permit(s.permit_kind), findings: visibleFindings(actor, s.findings),
      reportKind: s.report_kind, employment: presentEmployment(actor, s),
    })),
  };
}

export function presentPersonListItem(actor: Actor, r: PersonListRow) {
  return {
    id: r.id,
    surname: ifSees(actor, 'identity', r.surname), givenNames: ifSees(actor, 'identity', r.given_names),
    nationality: ifSees(actor, 'identity', r.nationality),
    lastSeen: ifSees(actor, 'whereabouts', r.last_seen as string | null), present: Number(r.present) === 1,
  };
}
