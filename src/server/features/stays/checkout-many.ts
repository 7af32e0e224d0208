import type { Kysely } from 'kysely';
import { localDate } from '../../../domain/regions';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import type { MessageKey } from '../../i18n/messages';
import { outboxRow } from '../../events/bus';
import { can } from '../../policies';
import { regionTimeZone } from '../reference/queries';
import { canSee } from './commands';
import { loadStayRecord } from './queries';

// Several guests leave at once (a tour group, the end of a conference): one request, one
// transaction, a result per stay. A stay that cannot be checked out (not found, already out,
// cancelled, date before its arrival) is reported and left alone; the others are checked out.

export const MAX_BULK_CHECKOUT = 200;

export interface BulkResult { id: string; status: 200 | 400 | 403 | 404 | 409; problem: MessageKey | null }

export async function checkOutMany(
  db: Kysely<Database>, actor: Actor, input: { stayIds: string[]; departureDate: string }, now = new Date(),
): Promise<BulkResult[]> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const results: BulkResult[] = [];
    const todayOf = new Map<string, string>();
    for (const id of input.stayIds) {
      const stay = await loadStayRecord(trx, id);
      const fail = (status: BulkResult['status'], problem: MessageKey | null) => results.push({ id, status, problem });
      // outside the caller's scope is the same answer as nonexistent: nothing is learnt
      if (!stay || !canSee(actor, stay)) { fail(404, 'problem.not_found'); continue; }
      if (stay.cancelled_at) { fail(409, 'detail.stay_cancelled'); continue; }
      if (stay.departure_date) { fail(409, 'detail.already_checked_out'); continue; }
      if (!can(actor, 'stay', 'checkout', stay)) { fail(403, 'problem.forbidden'); continue; }
      if (input.departureDate < stay.arrival_date) { fail(400, 'field.before_arrival'); continue; }
      const zone = stay.region_code.slice(0, 2);
      if (!todayOf.has(zone)) todayOf.set(zone, localDate(now, await regionTimeZone(trx, stay.region_code)));
      if (input.departureDate > todayOf.get(zone)!) { fail(400, 'field.date_in_future'); continue; }
      const at = now.toISOString();
      await trx.updateTable('stays').set({ departure_date: input.departureDate, checked_out_at: at, checked_out_by: actor.id })
        .where('id', '=', id).execute();
      await appendAudit(trx, actor, {
        action: 'stay.check_out', resourceType: 'stay', resourceId: id, regionCode: stay.region_code,
        detail: { departureDate: input.departureDate, bulk: true },
      }, now);
      await trx.insertInto('outbox').values(outboxRow('stay.checked_out', stay.region_code, {
        stayId: id, regionCode: stay.region_code, lodgingId: stay.lodging_id, nationality: stay.nationality, permitKind: stay.permit_kind, at,
      }, now)).execute();
      results.push({ id, status: 200, problem: null });
    }
    return results;
  });
}
