import type { Kysely } from 'kysely';
import { dropDrainedBuckets } from '../auth/throttle';
import type { Database } from '../db/schema';
import { purgeExpiredDrafts } from '../features/preregistration/commands';
import { purgeChannel } from '../features/channel/retention';
import { purgeExports } from '../features/exports/commands';

// Removes what has served its purpose: expired sessions, drained login-throttle buckets, idempotency keys past their retry
// window, outbox rows long since published, and guests' pre-registration drafts past their expiry. Never touches reports or the audit log.

export const IDEMPOTENCY_WINDOW_HOURS = 7 * 24; // an offline phone may retry days later
export const OUTBOX_KEEP_DAYS = 7;

export async function housekeeping(db: Kysely<Database>, now = new Date(), opts: { channelRetentionDays?: number; dataDir?: string; exportRetentionHours?: number } = {}) {
  const iso = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).executeTakeFirst();
  const keys = await db.deleteFrom('idempotency_keys').where('created_at', '<', iso(IDEMPOTENCY_WINDOW_HOURS * 3600_000)).executeTakeFirst();
  const outbox = await db.deleteFrom('outbox').where('published_at', 'is not', null)
    .where('published_at', '<', iso(OUTBOX_KEEP_DAYS * 86400_000)).executeTakeFirst();
  const throttleBuckets = await dropDrainedBuckets(db, now);
  const preregistrations = await purgeExpiredDrafts(db, now); // guests' drafts nobody confirmed in time
  // team-channel messages past the retention period (pinned guides stay)
  const channelMessages = await purgeChannel(db, { retentionDays: opts.channelRetentionDays ?? 730, dataDir: opts.dataDir }, now);
  // export files past their retention (a day by default): the job rows stay, the files go
  const exportFiles = await purgeExports(db, opts.dataDir, opts.exportRetentionHours ?? 24, now);
  return { channelMessages, exportFiles, sessions: Number(sessions.numDeletedRows), throttleBuckets, idempotencyKeys: Number(keys.numDeletedRows), outbox: Number(outbox.numDeletedRows), preregistrations };
}
