// one-shot hash: a third of createHash().update().digest()'s time on short input, and every
// check-in and import row appends an entry
import { hash as hashText } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/actor';
import type { AuditLogTable, Database } from '../db/schema';
import { isPostgres } from '../db/dialect';
import { insertRows } from '../db/insert-rows';
import { prepared } from '../db/prepared';

// Append-only, hash-chained audit log. Each entry's hash covers its own fields and the
// previous entry's hash, so editing or deleting any row breaks every hash after it.

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit_head';

export interface AuditInput {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  regionCode?: string | null;
  detail?: Record<string, unknown>;
}

type Hashed = Omit<AuditLogTable, 'hash'>;

export function hashEntry(entry: Hashed): string {
  const canonical = JSON.stringify([
    entry.seq, entry.at, entry.actor_id, entry.actor_username, entry.action, entry.resource_type,
    entry.resource_id, entry.region_code, entry.detail, entry.prev_hash,
  ]);
  return hashText('sha256', canonical);
}

/**
 * Serialises writers on PostgreSQL (transaction-scoped advisory lock) so the chain stays
 * linear; SQLite already runs one write transaction at a time. Call first in a write transaction.
 */
export async function lockWrites(trx: Kysely<Database>): Promise<void> {
  // a transaction that holds the lock keeps it to its end: asking again is a wasted round trip
  if (!isPostgres(trx) || locked.has(trx)) return;
  await sql`select pg_advisory_xact_lock(7301200)`.execute(trx);
  if (trx.isTransaction) locked.add(trx);
}
const locked = new WeakSet<Kysely<Database>>();


/** Who an entry names: the account, and the API key when the call came with one. */
export type AuditActor = Pick<Actor, 'id' | 'username' | 'apiKeyId'>;

/** The entry's detail as stored: a call made with an API key says which key (`apiKey`). */
export function auditDetail(actor: AuditActor | null, input: AuditInput): string {
  return JSON.stringify(actor?.apiKeyId ? { ...input.detail, apiKey: actor.apiKeyId } : input.detail ?? {});
}

/** Appends one entry inside the caller's transaction (call lockWrites first on PostgreSQL). Returns its seq. */
export async function appendAudit(trx: Kysely<Database>, actor: AuditActor | null, input: AuditInput, now = new Date()): Promise<number> {
  await lockWrites(trx);
  const [entry] = await appendEntries(trx, [{
    at: now.toISOString(), actor_id: actor?.id ?? null, actor_username: actor?.username ?? null, action: input.action,
    resource_type: input.resourceType, resource_id: input.resourceId ?? null, region_code: input.regionCode ?? null,
    detail: auditDetail(actor, input),
  }]);
  return entry!.seq;
}

export type UnchainedEntry = Omit<AuditLogTable, 'seq' | 'prev_hash' | 'hash'>;

// built once: every group commit of check-ins appends entries (db/prepared.ts)
const chainHead = prepared((db) => db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1));
const recordHead = prepared((db, head: string) => db.insertInto('settings').values({ key: HEAD_KEY, value: head })
  .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))));

/** Chains entries after the current head, in order, and moves the head. The caller holds the lock. */
export async function appendEntries(trx: Kysely<Database>, entries: UnchainedEntry[]): Promise<{ seq: number; hash: string }[]> {
  if (entries.length === 0) return [];
  const [last] = await chainHead(trx);
  let seq = last ? Number(last.seq) : 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows: AuditLogTable[] = [];
  for (const e of entries) {
    const entry: Hashed = { seq: ++seq, ...e, prev_hash: prevHash };
    prevHash = hashEntry(entry);
    rows.push({ ...entry, hash: prevHash });
  }
  await insertRows(trx, 'audit_log', rows);
  // The head is kept apart too, so removing entries from the end shows as well.
  await recordHead(trx, `${seq}:${prevHash}`);
  return rows.map((r) => ({ seq: r.seq, hash: r.hash }));
}

export interface ChainReport { ok: boolean; entries: number; firstBroken?: { seq: number; reason: string } }

/** Walks the whole chain in pages; reports the first entry whose link or hash does not hold. */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq)
      .orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) {
      const head = await db.selectFrom('settings').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
      // Once entries exist the head must too: deleting it with the last entries is a break.
      if (!head && entries > 0) {
        return { ok: false, entries, firstBroken: { seq: entries, reason: `the recorded head is missing (entries may have been removed from the end)` } };
      }
      if (head && head.value !== `${entries}:${prevHash}`) {
        return { ok: false, entries, firstBroken: { seq: entries + 1, reason: `the log ends at entry ${entries}, but its recorded head is entry ${head.value.split(':')[0]} (entries removed from the end)` } };
      }
      return { ok: true, entries };
    }
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, entries, firstBroken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing` } };
      if (row.prev_hash !== prevHash) return { ok: false, entries, firstBroken: { seq, reason: 'prev_hash does not match the previous entry' } };
      const { hash, ...rest } = row;
      if (hashEntry({ ...rest, seq }) !== hash) return { ok: false, entries, firstBroken: { seq, reason: 'content does not match its hash (edited)' } };
      prevHash = hash;
      expectedSeq++;
      entries++;
    }
  }
}
