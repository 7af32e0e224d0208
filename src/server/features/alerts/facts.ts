import type { Kysely } from 'kysely';
import { localDate, timeZoneOfRegion, utcOffsetHours } from '../../../domain/regions';
import type { PersonFacts, StayFact } from '../../../domain/rules';
import type { Database } from '../../db/schema';

// One person's facts for the alert rules, read from what was reported about them. A stay's
// report kind and cancellation come from columns later migrations may add; absent, a stay is a
// lodging report that stands.

/** Reports older than this do not feed the rules (a mover two years ago is history). */
const LOOKBACK_DAYS = 120;

export async function loadPersonFacts(db: Kysely<Database>, personId: string, now: Date): Promise<PersonFacts | null> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const rows = await db.selectFrom('stays').innerJoin('person_documents', 'person_documents.id', 'stays.document_id')
    .selectAll('stays')
    .select(['person_documents.number as document_number', 'person_documents.issuing_state as document_state'])
    .where('stays.person_id', '=', personId)
    .where((eb) => eb.or([eb('stays.departure_date', 'is', null), eb('stays.arrival_date', '>=', since)]))
    .orderBy('stays.created_at').execute();
  if (rows.length === 0) return null;
  const latest = rows[rows.length - 1]!;
  const zone = timeZoneOfRegion(latest.region_code);
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
    personId, today: localDate(now, zone), utcOffsetMinutes: utcOffsetHours(zone) * 60, stays, sightings: [],
    identityClaims: rows.filter((r) => r.reported_surname !== null).map((r) => ({
      stayId: r.id, documentNumber: r.document_number, issuingState: r.document_state, surname: r.reported_surname!,
      givenNames: r.reported_given_names ?? '', dateOfBirth: r.reported_date_of_birth ?? '',
    })),
  };
}
