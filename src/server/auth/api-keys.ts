import { randomBytes, hash as hashText } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { prepared } from '../db/prepared';
import type { Actor, Role } from './actor';

// API keys for hotel software (PMS). A key is 32 random bytes (256 bits), so one SHA-256 is
// as safe to store as a slow password hash and costs microseconds per request; argon2 on
// every call would cap throughput. The `snrg_` prefix makes a leaked key recognisable to
// secret scanners and people alike.

export const KEY_PREFIX = 'snrg_';
const KEY_SHAPE = /^snrg_[A-Za-z0-9_-]{43}$/;
/** how often a key's last_used_at is written at most: a write per request would cost a commit each */
const LAST_USED_EVERY_MS = 60_000;

// one-shot: every request with a key hashes it
export const hashApiKey = (key: string) => hashText('sha256', key);

export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 12) };
}

/** The key with its user and organisation: asked on every partner API call, so compiled once. */
const keyHolder = prepared((db, keyHash: string) => db.selectFrom('api_keys')
  .innerJoin('users', 'users.id', 'api_keys.user_id')
  .leftJoin('reporter_orgs', 'reporter_orgs.id', 'users.reporter_org_id')
  .select([
    'api_keys.id as key_id', 'api_keys.last_used_at', 'api_keys.revoked_at',
    'users.id', 'users.username', 'users.display_name', 'users.role', 'users.locale', 'users.active',
    'reporter_orgs.id as org_id', 'reporter_orgs.kind as org_kind', 'reporter_orgs.village_code as org_village', 'reporter_orgs.verified_at as org_verified_at',
  ])
  .where('api_keys.key_hash', '=', keyHash));

/**
 * Answers by key hash, shared: hotel software sends many calls at once with one key, and every
 * call reading the key, its user and organisation was a tenth of a check-in's cost. A lookup is
 * shared while in flight and for a second after (a valid key only). A revocation forgets them
 * at once; a user deactivated or an organisation unverified elsewhere takes effect within that second.
 */
const ANSWER_FOR_MS = 1_000;
const MAX_ANSWERS = 10_000;
interface Answer { actor: Promise<Actor | null>; until: number }
const answers = new WeakMap<Kysely<Database>, Map<string, Answer>>();

/** The reporter acting through a key, or null (unknown, revoked, inactive user). */
export async function actorForApiKey(db: Kysely<Database>, key: string, now = new Date()): Promise<Actor | null> {
  if (!KEY_SHAPE.test(key)) return null;
  const hash = hashApiKey(key);
  const known = answers.get(db) ?? answers.set(db, new Map()).get(db)!;
  let answer = known.get(hash);
  if (!answer || answer.until < Date.now()) {
    const fresh: Answer = { actor: lookUpKey(db, hash, now), until: Infinity }; // in flight: shared
    const settle = (actor: Actor | null) => {
      if (known.get(hash) !== fresh) return;
      if (actor) fresh.until = Date.now() + ANSWER_FOR_MS;
      else known.delete(hash);
    };
    fresh.actor.then(settle, () => settle(null));
    if (known.size >= MAX_ANSWERS) known.delete(known.keys().next().value!);
    known.set(hash, (answer = fresh));
  }
  const actor = await answer.actor;
  // each call its own copy: a request may not change what another one sees
  return actor && { ...actor, areas: [...actor.areas], reporterOrg: actor.reporterOrg && { ...actor.reporterOrg } };
}

/** Called after a key is revoked: later calls read the key afresh. */
export function forgetKeyLookups(db: Kysely<Database>): void {
  answers.delete(db);
}

async function lookUpKey(db: Kysely<Database>, keyHash: string, now: Date): Promise<Actor | null> {
  const [row] = await keyHolder(db, keyHash);
  if (!row || row.revoked_at !== null || !Number(row.active) || row.role !== 'reporter') return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > LAST_USED_EVERY_MS) {
    await db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', row.key_id).execute();
  }
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, locale: row.locale,
    agencyId: null, agencyKind: null, areaCode: null, areas: [],
    reporterOrg: row.org_id ? { id: row.org_id, kind: row.org_kind!, villageCode: row.org_village!, verified: row.org_verified_at !== null } : null,
    apiKeyId: row.key_id,
  };
}
