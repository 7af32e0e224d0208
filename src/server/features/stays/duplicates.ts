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
  let q = db.selectFrom('stays').innerJoin('person_documents as doc', 'doc.id', 'stays.document_id')
    .select(['stays.id', 'stays.receipt_number'])
    .where('doc.issuing_state', '=', document.issuingState).where('doc.number', '=', normalizeDocumentNumber(document.number))
    .where('stays.lodging_id', '=', lodgingId).where('stays.departure_date', 'is', null).where('stays.cancelled_at', 'is', null);
  if (exceptStayId) q = q.where('stays.id', '!=', exceptStayId);
  return q.executeTakeFirst();
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
