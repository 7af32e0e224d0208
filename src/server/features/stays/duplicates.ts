import type { Kysely } from 'kysely';
import { normalizeDocumentNumber } from '../../../domain/identity/names';
import { prepared } from '../../db/prepared';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';

// One passport is present at one lodging once: a second check-in of the same passport (issuing
// state + number) while the first stay is open is refused with a link to that stay. The same
// passport at another lodging is allowed: lodging-hopping is for supervision to see, not to refuse.

/** A passport as one key: issuing state and normalised number. */
export const passportKey = (issuingState: string, number: string) => `${issuingState}/${normalizeDocumentNumber(number)}`;

export async function presentAtLodging(
  db: Kysely<Database>, lodgingId: string, document: { issuingState: string; number: string }, exceptStayId?: string,
) {
  // the document first, then its stays: joined in one query, SQLite without statistics walked
  // every stay of the lodging (a 100,000-row import at one hotel grew quadratically)
  // (issuing state, number) is unique: one document at most
  const doc = await db.selectFrom('person_documents').select('id')
    .where('issuing_state', '=', document.issuingState).where('number', '=', normalizeDocumentNumber(document.number)).executeTakeFirst();
  if (!doc) return undefined;
  // the lodging is checked here, not in SQL: given both, SQLite's planner still preferred the lodging's index
  const open = await db.selectFrom('stays').select(['id', 'receipt_number', 'lodging_id'])
    .where('document_id', '=', doc.id).where('departure_date', 'is', null).where('cancelled_at', 'is', null).execute();
  const found = open.find((s) => s.lodging_id === lodgingId && s.id !== exceptStayId);
  return found ? { id: found.id, receipt_number: found.receipt_number } : undefined;
}

/** 409 problem+json naming the field and carrying `existing: { id, receiptNumber, href }`. */
export function alreadyPresent(existing: { id: string; receipt_number: string }, field: string): AppError {
  return new AppError(409, 'conflict', [{ field, key: 'detail.already_present', params: { receipt: existing.receipt_number } }],
    'detail.already_present', { receipt: existing.receipt_number },
    { existing: { id: existing.id, receiptNumber: existing.receipt_number, href: `/api/v1/stays/${existing.id}` } });
}

// compiled once per number of documents (db/prepared.ts): every group commit of check-ins asks
const openStaysOf = prepared((db, documentIds: string[]) => db.selectFrom('stays').select(['id', 'receipt_number', 'lodging_id', 'document_id'])
  .where('document_id', 'in', documentIds).where('departure_date', 'is', null).where('cancelled_at', 'is', null));

/**
 * Refuses check-ins whose passport is already present at the lodging: every guest of every
 * check-in, in one query however many there are. `documents` are the passports already on file
 * (passportKey to document id), read once by the caller for the person links too.
 * The first found is named as its check-in names it (`guest.document.number`, `members.<i>.document.number`).
 */
export async function refuseIfPresent(
  db: Kysely<Database>, lodgingId: string, checkIns: readonly (readonly { document: { issuingState: string; number: string } }[])[],
  documents: ReadonlyMap<string, string>,
) {
  if (documents.size === 0) return;
  // the lodging is checked here, not in SQL (see presentAtLodging)
  const present = new Map<string, { id: string; receipt_number: string }>();
  const ids = [...documents.values()];
  for (let at = 0; at < ids.length; at += 500) {
    const open = await openStaysOf(db, ids.slice(at, at + 500));
    for (const s of open) if (s.lodging_id === lodgingId && !present.has(s.document_id)) present.set(s.document_id, s);
  }
  for (const guests of checkIns) {
    for (const [i, g] of guests.entries()) {
      const documentId = documents.get(passportKey(g.document.issuingState, g.document.number));
      const existing = documentId === undefined ? undefined : present.get(documentId);
      if (existing) throw alreadyPresent(existing, i === 0 ? 'guest.document.number' : `members.${i - 1}.document.number`);
    }
  }
}
