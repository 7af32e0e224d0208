import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import { forgetKeyLookups, newApiKey } from '../../auth/api-keys';
import type { ApiKeysTable, Database } from '../../db/schema';
import { notFound } from '../../errors';
import { authorize } from '../../policies';

// A reporter's API keys. The key is returned once; the table keeps its SHA-256. Creating and
// revoking are audited (never the key itself). A revoked key is refused from the next request.

export async function createApiKey(db: Kysely<Database>, actor: Actor, input: { name: string }, now = new Date()) {
  authorize(actor, 'apiKey', 'manage');
  const { key, hash, prefix } = newApiKey();
  const row: ApiKeysTable = {
    id: randomUUID(), user_id: actor.id, reporter_org_id: actor.reporterOrg?.id ?? null, name: input.name.trim(), prefix, key_hash: hash,
    created_at: now.toISOString(), last_used_at: null, revoked_at: null, revoked_by: null,
  };
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    await trx.insertInto('api_keys').values(row).execute();
    await appendAudit(trx, actor, {
      action: 'api_key.create', resourceType: 'api_key', resourceId: row.id, regionCode: actor.reporterOrg?.villageCode ?? null,
      detail: { name: row.name, prefix, reporterOrgId: row.reporter_org_id },
    }, now);
  });
  return { row, key };
}

/** Revokes one of the actor's own keys (another's answers 404: nobody learns it exists). Revoking twice changes nothing. */
export async function revokeApiKey(db: Kysely<Database>, actor: Actor, id: string, now = new Date()): Promise<ApiKeysTable> {
  authorize(actor, 'apiKey', 'manage');
  const key = await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const row = await trx.selectFrom('api_keys').selectAll().where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
    if (!row) throw notFound();
    if (row.revoked_at) return row;
    const revoked = { ...row, revoked_at: now.toISOString(), revoked_by: actor.id };
    await trx.updateTable('api_keys').set({ revoked_at: revoked.revoked_at, revoked_by: actor.id }).where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'api_key.revoke', resourceType: 'api_key', resourceId: id, regionCode: actor.reporterOrg?.villageCode ?? null,
      detail: { name: row.name, prefix: row.prefix },
    }, now);
    return revoked;
  });
  forgetKeyLookups(db);
  return key;
}
