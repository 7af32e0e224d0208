import type { Insertable, Transaction } from 'kysely';
import { personNameKey, personSearchTokens } from '../../../domain/identity/name-index';
import { normalizeDocumentNumber, normalizeName } from '../../../domain/identity/names';
import type { ReportKind } from '../../../domain/reports/kinds';
import { appendEntries, auditDetail, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import { newId } from '../../db/ids';
import { insertRows } from '../../db/insert-rows';
import { prepared } from '../../db/prepared';
import type { Database, IdentityConflictsTable } from '../../db/schema';
import { outboxRow } from '../../events/bus';
import { identityConflictFor, type PersonFacts, type ReportedIdentity } from './identity';
import { passportKey } from './duplicates';
import type { CheckInInput } from './schemas';
import type { CheckInFinding } from './validation';

// Storing guests' stays, any number at once: one guest at the desk, a family, or a chunk of an
// import. Every table gets one statement per hundred rows instead of one per guest, so a
// 1,000-row import chunk makes about a hundred statements, not fifteen thousand. The records
// are the same as one guest at a time would make (test/integration/record-check-ins.test.ts).

export interface GuestToStore {
  input: CheckInInput;
  guest: CheckInInput['guest'];
  findings: CheckInFinding[];
  receiptNumber: string;
  receiptGroup: string;
  /** a past stay (an import's): stored checked out on this day */
  departureDate?: string;
}
export interface StoredGuest { id: string; receiptNumber: string; personId: string }
export interface StayLodging { id: string; village_code: string }

type Document = { type: string; number: string; issuingState: string; expiryDate: string };

/**
 * Finds each guest's person by issuing state + document number, or creates person and document
 * from the report. The reports' passports are distinct (validateCheckIn and recordCheckIns see to it).
 */
export async function linkPersons(
  trx: Transaction<Database>, reports: readonly { document: Document; reported: ReportedIdentity }[], at: string,
  known?: KnownPersons,
): Promise<{ personId: string; documentId: string; matched: PersonFacts | null }[]> {
  known ??= await knownPersons(trx, reports.map((r) => r.document));
  const persons: Insertable<Database['persons']>[] = [];
  const documents: Insertable<Database['person_documents']>[] = [];
  const tokens: { token: string; person_id: string }[] = [];
  const linked = reports.map(({ document, reported }) => {
    const number = normalizeDocumentNumber(document.number);
    const key = passportKey(document.issuingState, document.number);
    const existing = known.get(key);
    if (existing) return { personId: existing.id, documentId: existing.document_id, matched: existing };
    const personId = newId();
    const documentId = newId();
    persons.push({
      id: personId, surname: reported.surname, given_names: reported.given_names, sex: reported.sex as 'M' | 'F' | 'X',
      date_of_birth: reported.date_of_birth, nationality: reported.nationality, created_at: at, updated_at: at, name_key: personNameKey(reported),
    });
    for (const token of personSearchTokens(reported)) tokens.push({ token, person_id: personId });
    documents.push({ id: documentId, person_id: personId, type: document.type, number, issuing_state: document.issuingState, expiry_date: document.expiryDate, created_at: at });
    return { personId, documentId, matched: null };
  });
  // each in the order of its scattered index (name key, token, passport): a page of the index
  // is then visited once, not once per row landing on it (the new ids sort last either way)
  await insertRows(trx, 'persons', sortedByKey(persons, (p) => p.name_key!));
  await insertRows(trx, 'person_name_tokens', sortedByKey(tokens, (t) => t.token), { onConflictDoNothing: true });
  await insertRows(trx, 'person_documents', sortedByKey(documents, (d) => `${d.issuing_state}/${d.number}`));
  return linked;
}

/** The rows in the order of a text key (code-unit order, as SQLite's BINARY collation), each key made once. */
export function sortedByKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** Persons already known, with the document of theirs that was asked for, by passportKey. */
export type KnownPersons = ReadonlyMap<string, PersonFacts>;

// compiled once per number of passports (db/prepared.ts): every group commit of check-ins asks
const personsByPassport = prepared((trx, states: string[], numbers: string[]) => trx.selectFrom('person_documents')
  .innerJoin('persons', 'persons.id', 'person_documents.person_id')
  .select(['persons.id', 'persons.surname', 'persons.given_names', 'persons.sex', 'persons.date_of_birth', 'persons.nationality',
    'person_documents.id as document_id', 'person_documents.expiry_date as document_expiry', 'person_documents.issuing_state', 'person_documents.number'])
  .where((eb) => eb(eb.refTuple('person_documents.issuing_state', 'person_documents.number'), 'in', states.map((state, i) => eb.tuple(state, numbers[i]!)))));

/** The persons behind these passports, by "state/number" (the unique key of person_documents). */
export async function knownPersons(trx: Transaction<Database>, documents: readonly Pick<Document, 'issuingState' | 'number'>[]): Promise<Map<string, PersonFacts>> {
  const wanted = new Map(documents.map((d) => [passportKey(d.issuingState, d.number), { state: d.issuingState, number: normalizeDocumentNumber(d.number) }]));
  const found = new Map<string, PersonFacts>();
  const all = [...wanted.values()];
  for (let at = 0; at < all.length; at += 200) {
    const slice = all.slice(at, at + 200);
    const rows = await personsByPassport(trx, slice.map((d) => d.state), slice.map((d) => d.number));
    for (const { issuing_state, number, ...facts } of rows) found.set(passportKey(issuing_state, number), facts);
  }
  return found;
}

/**
 * Records the guests' stays in the caller's transaction, in order: person links, identity
 * conflicts, one audit entry per guest (its chain position is printed on the receipt), the
 * stays, and one outbox event per stay.
 */
export async function storeGuestStays(
  trx: Transaction<Database>, actor: Actor, lodging: StayLodging, guests: readonly GuestToStore[], now: Date, reportKind: ReportKind,
  /** the guests' passports already on file (knownPersons), read once with the duplicate check */
  known: KnownPersons,
): Promise<StoredGuest[]> {
  const at = now.toISOString();
  const reports = guests.map(({ guest: g }) => ({
    document: g.document,
    reported: {
      surname: normalizeName(g.surname), given_names: normalizeName(g.givenNames ?? ''), sex: g.sex, date_of_birth: g.dateOfBirth, nationality: g.nationality,
    },
  }));
  const links = await linkPersons(trx, reports, at, known);
  const stayIds = guests.map(() => newId());
  const conflicts: Insertable<IdentityConflictsTable>[] = [];
  const conflictIds = links.map(({ matched }, i) => {
    const conflict = matched
      ? identityConflictFor(matched, stayIds[i]!, lodging.village_code, { ...reports[i]!.reported, document_expiry: guests[i]!.guest.document.expiryDate }, at)
      : null;
    if (conflict) conflicts.push(conflict);
    return conflict?.id ?? null;
  });
  await lockWrites(trx);
  const chained = await appendEntries(trx, guests.map(({ receiptNumber, receiptGroup, findings }, i) => ({
    at, actor_id: actor.id, actor_username: actor.username, action: 'stay.check_in', resource_type: 'stay', resource_id: stayIds[i]!,
    region_code: lodging.village_code,
    detail: auditDetail(actor, {
      action: 'stay.check_in', resourceType: 'stay',
      detail: {
        receiptNumber, ...(receiptGroup !== receiptNumber ? { receiptGroup } : {}), personId: links[i]!.personId, lodgingId: lodging.id,
        personMatched: Boolean(links[i]!.matched), identityConflict: conflictIds[i], findings,
      },
    }),
  })));
  const stays = guests.map(({ input, guest: g, findings, receiptNumber, receiptGroup, departureDate }, i) => {
    const reported = reports[i]!.reported;
    return {
      id: stayIds[i]!, receipt_number: receiptNumber, receipt_group: receiptGroup, person_id: links[i]!.personId, document_id: links[i]!.documentId,
      lodging_id: lodging.id, region_code: lodging.village_code, arrival_date: input.arrivalDate, arrival_time: input.arrivalTime ?? null,
      planned_departure: input.plannedDeparture ?? null, departure_date: departureDate ?? null, room: input.room?.trim() || null, permit_kind: g.permit.kind,
      permit_number: g.permit.number?.trim() || null, permit_valid_from: g.permit.validFrom, permit_valid_until: g.permit.validUntil ?? null,
      reported_by: actor.id, reported_surname: reported.surname, reported_given_names: reported.given_names, reported_sex: reported.sex,
      reported_date_of_birth: reported.date_of_birth, reported_nationality: reported.nationality, reported_document_expiry: g.document.expiryDate,
      findings: JSON.stringify(findings), created_at: at, changed_at: at, checked_out_at: departureDate ? at : null,
      checked_out_by: departureDate ? actor.id : null, audit_seq: chained[i]!.seq,
      report_kind: reportKind,
    };
  });
  await insertRows(trx, 'stays', stays);
  await insertRows(trx, 'identity_conflicts', conflicts);
  await insertRows(trx, 'outbox', guests.map(({ guest: g }, i) => outboxRow('stay.checked_in', lodging.village_code, {
    stayId: stayIds[i]!, regionCode: lodging.village_code, lodgingId: lodging.id, nationality: g.nationality, permitKind: g.permit.kind, reportKind, at,
  }, now)));
  return guests.map(({ receiptNumber }, i) => ({ id: stayIds[i]!, receiptNumber, personId: links[i]!.personId }));
}
