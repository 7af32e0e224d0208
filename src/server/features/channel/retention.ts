import fs from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { attachmentPath } from './attachments';

// Retention of the team channel (SINERGI_CHANNEL_RETENTION_DAYS): a thread goes when its last
// message is older than the period, with its replies, edits, mentions and attachments. Pinned
// guides stay. Attachments never claimed by a message are dropped after a day.

export async function purgeChannel(db: Kysely<Database>, opts: { retentionDays: number; dataDir?: string }, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - opts.retentionDays * 86400_000).toISOString();
  let purged = 0;
  for (;;) {
    const roots = await db.selectFrom('channel_messages').select('id').where('parent_id', 'is', null).where('kind', '!=', 'guide')
      .where('created_at', '<', cutoff).where((eb) => eb.or([eb('last_reply_at', 'is', null), eb('last_reply_at', '<', cutoff)]))
      .limit(200).execute();
    if (roots.length === 0) break;
    const rootIds = roots.map((r) => r.id);
    const replies = (await db.selectFrom('channel_messages').select('id').where('parent_id', 'in', rootIds).execute()).map((r) => r.id);
    const ids = [...rootIds, ...replies];
    const files = await db.selectFrom('channel_attachments').select(['id', 'team_id']).where('message_id', 'in', ids).execute();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < ids.length; i += 200) {
        const chunk = ids.slice(i, i + 200);
        await trx.deleteFrom('channel_message_edits').where('message_id', 'in', chunk).execute();
        await trx.deleteFrom('channel_mentions').where('message_id', 'in', chunk).execute();
        await trx.deleteFrom('channel_attachments').where('message_id', 'in', chunk).execute();
        await trx.deleteFrom('channel_messages').where('id', 'in', chunk).execute();
      }
    });
    if (opts.dataDir) for (const f of files) await fs.rm(attachmentPath(opts.dataDir, f.team_id, f.id), { force: true });
    purged += ids.length;
  }
  const stale = await db.selectFrom('channel_attachments').select(['id', 'team_id']).where('message_id', 'is', null)
    .where('created_at', '<', new Date(now.getTime() - 86400_000).toISOString()).execute();
  if (stale.length) {
    await db.deleteFrom('channel_attachments').where('id', 'in', stale.map((s) => s.id)).execute();
    if (opts.dataDir) for (const f of stale) await fs.rm(attachmentPath(opts.dataDir, f.team_id, f.id), { force: true });
  }
  return purged;
}
