import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

// Login throttling (OWASP credential-stuffing advice): no lockout a stranger can trigger, but
// a leaky bucket per client address and per submitted username. Each attempt adds 1 to its
// bucket *before* the slow password check, in one atomic upsert, so parallel guesses are
// each counted (SQLite runs one writer at a time; PostgreSQL's ON CONFLICT DO UPDATE locks
// the row). An attempt whose bucket is over capacity is refused with 429.
//
// - address: strict. Few free failures, then one attempt a minute; refused attempts keep
//   adding, so hammering stretches the wait (the "growing window"), up to an hour.
// - username: gentler and larger than the address budget, so one address hammering a name
//   never throttles its owner elsewhere; a spread-out attack only slows the name down (the
//   wait is capped at a few minutes): a delay, not a lock. Unknown names get buckets too, so
//   a throttled answer says nothing about whether an account exists.

export interface Bucket { capacity: number; perSecond: number; maxLevel: number }

export const ADDRESS_BUCKET: Bucket = { capacity: 10, perSecond: 1 / 60, maxLevel: 10 + 60 };
export const USERNAME_BUCKET: Bucket = { capacity: 15, perSecond: 1 / 30, maxLevel: 15 + 5 };

export const addressKey = (ip: string) => `ip:${ip}`;
export const usernameKey = (username: string) => `user:${username}`;

const dbl = (value: number) => sql<number>`cast(${value} as double precision)`;

/** Adds one attempt to the key's bucket (drained for the time passed); true when it is still within capacity. */
export async function takeAttempt(db: Kysely<Database>, key: string, bucket: Bucket, now = new Date()): Promise<boolean> {
  const t = now.getTime() / 1000;
  const drained = sql<number>`(login_throttle.level - (${dbl(t)} - login_throttle.updated_at) * ${dbl(bucket.perSecond)})`;
  const next = sql<number>`(case when ${drained} > 0 then ${drained} else 0 end) + 1`;
  const row = await db.insertInto('login_throttle').values({ key, level: 1, updated_at: t })
    .onConflict((oc) => oc.column('key').doUpdateSet({
      level: sql<number>`case when ${next} > ${dbl(bucket.maxLevel)} then ${dbl(bucket.maxLevel)} else ${next} end`,
      updated_at: t,
    }))
    .returning('level').executeTakeFirstOrThrow();
  return Number(row.level) <= bucket.capacity;
}

/** Gives one attempt back (the password was right: a colleague behind the same NAT is no attacker). */
export async function refundAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await db.updateTable('login_throttle').set({ level: sql<number>`case when level >= 1 then level - 1 else 0 end` })
    .where('key', '=', key).execute();
}

export async function clearBucket(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Removes buckets that have drained empty (for housekeeping). */
export async function dropDrainedBuckets(db: Kysely<Database>, now = new Date()): Promise<number> {
  const slowest = Math.min(ADDRESS_BUCKET.perSecond, USERNAME_BUCKET.perSecond);
  const highest = Math.max(ADDRESS_BUCKET.maxLevel, USERNAME_BUCKET.maxLevel);
  const result = await db.deleteFrom('login_throttle').where('updated_at', '<', now.getTime() / 1000 - highest / slowest).executeTakeFirst();
  return Number(result.numDeletedRows);
}
