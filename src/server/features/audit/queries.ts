import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

// The audit trail as the auditor reads it: who, whom, what, when and why. Entries carry ids
// (person ids, receipt numbers) but never join person names: the auditor sees no personal data.

export interface EntryFilter {
  actor?: string; resourceId?: string; action?: string; from?: string; to?: string; q?: string; page: number; pageSize: number;
}

const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();

export async function listEntries(db: Kysely<Database>, f: EntryFilter) {
  let q = db.selectFrom('audit_log');
  if (f.actor) q = q.where('actor_username', '=', f.actor.trim().toLowerCase());
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', `${f.from}T00:00:00.000Z`);
  if (f.to) q = q.where('at', '<', dayAfter(f.to));
  // whom: the resource itself, or a person/receipt named in the entry's detail
  if (f.resourceId) {
    const id = f.resourceId.trim();
    q = q.where(sql<boolean>`(resource_id = ${id} or detail like ${likeText(`"${id}"`)} escape '\\')`);
  }
  if (f.q) q = q.where(sql<boolean>`lower(detail) like ${likeText(f.q.trim().toLowerCase())} escape '\\'`);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy('seq', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { total, items: rows.map(presentEntry) };
}

function presentEntry(r: Database['audit_log']) {
  let detail: Record<string, unknown> = {};
  try { detail = JSON.parse(r.detail) as Record<string, unknown>; } catch { /* kept as an empty object */ }
  return {
    seq: Number(r.seq), at: r.at, actor: r.actor_username, action: r.action, resourceType: r.resource_type, resourceId: r.resource_id,
    regionCode: r.region_code, purpose: typeof detail.purpose === 'string' ? detail.purpose : null, detail, hash: r.hash,
  };
}

export async function listCheckpoints(db: Kysely<Database>, page: number, pageSize: number) {
  const total = Number((await db.selectFrom('audit_checkpoints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { total, items: rows.map((r) => ({ seq: Number(r.seq), hash: r.hash, at: r.at, keyId: r.key_id, signature: r.signature })) };
}

const LAST_VERIFICATION = 'audit_last_verification';
export interface VerificationResult { ok: boolean; entries: number; firstBroken: { seq: number; reason: string } | null; at: string; by: string }

export async function storeVerification(db: Kysely<Database>, result: VerificationResult): Promise<void> {
  const value = JSON.stringify(result);
  await db.insertInto('settings').values({ key: LAST_VERIFICATION, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

export async function auditStatus(db: Kysely<Database>) {
  const [last, head, pending, checkpoint] = await Promise.all([
    db.selectFrom('settings').select('value').where('key', '=', LAST_VERIFICATION).executeTakeFirst(),
    db.selectFrom('audit_log').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('audit_pending').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('audit_checkpoints').select(['seq', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst(),
  ]);
  return {
    lastVerification: last ? (JSON.parse(last.value) as VerificationResult) : null,
    head: head ? { seq: Number(head.seq), hash: head.hash, at: head.at } : null,
    pending: Number(pending.n),
    lastCheckpoint: checkpoint ? { seq: Number(checkpoint.seq), at: checkpoint.at } : null,
  };
}
