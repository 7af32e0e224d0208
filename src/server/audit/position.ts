import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Where a stay's check-in sits in the audit chain, as printed on its receipt: "#<seq> <first
 * 16 hex of the entry's hash>". Anyone holding the receipt can later ask whether the log still
 * contains that entry. Null for stays reported before positions were kept.
 */
export async function receiptAuditPosition(db: Kysely<Database>, stayId: string): Promise<string | null> {
  const row = await db.selectFrom('stays').innerJoin('audit_log', 'audit_log.seq', 'stays.audit_seq')
    .select(['audit_log.seq', 'audit_log.hash']).where('stays.id', '=', stayId).executeTakeFirst();
  return row ? `#${Number(row.seq)} ${row.hash.slice(0, 16)}` : null;
}
