import type { Kysely } from 'kysely';
import { localDate, timeZoneOfRegion, utcOffsetHours } from '../../../domain/regions';
import type { PersonFacts, SightingFact, StayFact } from '../../../domain/rules';
import { ruleActivity } from '../../../domain/sightings';
import { prepared } from '../../db/prepared';
import type { Database } from '../../db/schema';

// One person's facts for the alert rules, read from what was reported about them. A stay's
// report kind and cancellation come from columns later migrations may add; absent, a stay is a
// lodging report that stands.

/** Reports older than this do not feed the rules (a mover two years ago is history). */
const LOOKBACK_DAYS = 120;

export async function loadPersonFacts(db: Kysely<Database>, personId: string, now: Date): Promise<PersonFacts | null> {
  return (await loadPersonFactsOf(db, [personId], now)).get(personId) ?? null;
}

/** Several persons' facts in a few queries (a batch of reports, a page of the sweep); persons with none are left out. */
export async function loadPersonFactsOf(db: Kysely<Database>, personIds: readonly string[], now: Date): Promise<Map<string, PersonFacts>> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const staysOf = new Map<string, StayRow[]>();
  const sightingsOf = new Map<string, SightingFact[]>();
  for (let at = 0; at < personIds.length; at += 500) {
    const ids = personIds.slice(at, at + 500);
    for (const r of await stayRows(db, ids, since)) push(staysOf, r.person_id, r);
    for (const s of await linkedSightings(db, ids, since)) push(sightingsOf, s.personId, s.fact);
  }
  const out = new Map<string, PersonFacts>();
  for (const personId of personIds) {
    const rows = staysOf.get(personId) ?? [];
    const sightings = sightingsOf.get(personId) ?? [];
    if (rows.length === 0 && sightings.length === 0) continue;
    out.set(personId, factsOf(personId, rows, sightings, now));
  }
  return out;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

type StayRow = Awaited<ReturnType<typeof stayRows>>[number];

/** The persons' stays still present or arrived within the look-back, each person's in report order. */
// compiled once per number of persons (db/prepared.ts), as the sightings below: each group commit's check-ins are run through the rules
const stayRows = prepared((db, personIds: readonly string[], since: string) => db.selectFrom('stays')
  .innerJoin('person_documents', 'person_documents.id', 'stays.document_id')
  .selectAll('stays')
  .select(['person_documents.number as document_number', 'person_documents.issuing_state as document_state'])
  .where('stays.person_id', 'in', personIds)
  .where((eb) => eb.or([eb('stays.departure_date', 'is', null), eb('stays.arrival_date', '>=', since)]))
  .orderBy('stays.created_at').orderBy('stays.id'));

function factsOf(personId: string, rows: StayRow[], sightings: SightingFact[], now: Date): PersonFacts {
  const zone = timeZoneOfRegion(rows.at(-1)?.region_code ?? sightings.at(-1)!.regionCode);
  const stays: StayFact[] = rows.map((r) => {
    const extra = r as unknown as { report_kind?: string; cancelled_at?: string | null; status?: string };
    return {
      id: r.id, kind: (extra.report_kind ?? 'lodging') as StayFact['kind'], reporterId: r.lodging_id, regionCode: r.region_code,
      arrivalDate: r.arrival_date, plannedDeparture: r.planned_departure, departureDate: r.departure_date, reportedAt: r.created_at,
      permitKind: r.permit_kind, permitValidUntil: r.permit_valid_until, documentExpiry: r.reported_document_expiry,
      cancelled: Boolean(extra.cancelled_at) || extra.status === 'cancelled',
    };
  });
  return {
    personId, today: localDate(now, zone), utcOffsetMinutes: utcOffsetHours(zone) * 60, stays, sightings,
    identityClaims: rows.filter((r) => r.reported_surname !== null).map((r) => ({
      stayId: r.id, documentNumber: r.document_number, issuingState: r.document_state, surname: r.reported_surname!,
      givenNames: r.reported_given_names ?? '', dateOfBirth: r.reported_date_of_birth ?? '',
    })),
  };
}

const sightingRows = prepared((db, personIds: readonly string[], since: string) => db.selectFrom('sightings')
  .select(['id', 'person_id', 'village_code', 'observed_at', 'category'])
  .where('person_id', 'in', personIds).where('status', '!=', 'dismissed').where('observed_at', '>=', since)
  .orderBy('observed_at').orderBy('id'));

/** Sightings a triage officer linked to the persons (dismissed ones say nothing), seen on the local day of the village. */
async function linkedSightings(db: Kysely<Database>, personIds: readonly string[], since: string): Promise<{ personId: string; fact: SightingFact }[]> {
  const rows = await sightingRows(db, personIds, since);
  return rows.map((s) => ({
    personId: s.person_id!,
    fact: { id: s.id, regionCode: s.village_code, seenOn: localDate(new Date(s.observed_at), timeZoneOfRegion(s.village_code)), activity: ruleActivity(s.category) },
  }));
}
