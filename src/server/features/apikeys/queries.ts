import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { ApiKeysTable, Database } from '../../db/schema';

/** The actor's keys, newest first, revoked ones too (their history matters). */
export function listApiKeys(db: Kysely<Database>, actor: Actor) {
  return db.selectFrom('api_keys').selectAll().where('user_id', '=', actor.id).orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Every field a client receives about a key: never its hash. */
export const presentApiKey = (k: ApiKeysTable) => ({
  id: k.id, name: k.name, prefix: k.prefix, createdAt: k.created_at, lastUsedAt: k.last_used_at, revokedAt: k.revoked_at,
});
