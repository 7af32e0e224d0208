import type { Kysely } from 'kysely';
import { normalizeDocumentNumber } from '../../../domain/identity/names';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';

// One passport is present at one lodging once: a second check-in of the same passport (issuing
// state + number) while the first stay is open is refused with a link to that stay. The same
// passport at another lodging is allowed: lodging-hopping is for supervision to see, not to refuse.

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

/** Refuses a check-in whose passport is already present at the lodging (each guest of a group). */
export async function refuseIfPresent(db: Kysely<Database>, lodgingId: string, guests: { document: { issuingState: string; number: string } }[]) {
  for (const [i, g] of guests.entries()) {
    const existing = await presentAtLodging(db, lodgingId, g.document);
    if (existing) throw alreadyPresent(existing, i === 0 ? 'guest.document.number' : `members.${i - 1}.document.number`);
  }
}
