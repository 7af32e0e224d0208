import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, NotificationsTable } from '../../db/schema';
import { outboxRow } from '../../events/bus';
import { enqueue } from './deliver';

// The in-app inbox: one row per (user, thing that happened), written in the causing command's
// transaction (or by the task listener), announced live to that user alone (notification.created
// carries ids only), and mailed when the user's preferences ask for that kind. Read state is kept
// per row, so a team's secretary can see which notice went to whom and when it was read.

export type NoticeKind = NotificationsTable['kind'];

export interface NewNotice {
  userId: string; kind: NoticeKind; teamId: string | null; refType: 'channel_message' | 'task'; refId: string;
  /** unique per user: the same happening never notifies twice (several instances hear the same event) */
  dedupeKey: string; actorName: string | null; regionCode: string | null;
}

/** The e-mail of a notice: what happened and where to look; never the message or a person's data. */
export interface NoticeMail { kind: NoticeKind; teamName: string; actorName: string | null; url: string }

/** Which preference switches a kind's e-mail (default on). */
const PREFERENCE: Record<NoticeKind, 'mentions' | 'tasks'> = { mention: 'mentions', task_assigned: 'tasks', task_due: 'tasks' };

/** Inserts the notices (skipping ones already given), queues their e-mails; returns the ids created. */
export async function addNotices(trx: Kysely<Database>, notices: NewNotice[], mail: { teamName: string; url: string }, now = new Date()): Promise<string[]> {
  if (notices.length === 0) return [];
  const at = now.toISOString();
  const prefs = new Map((await trx.selectFrom('notification_preferences').select(['user_id', 'mentions', 'tasks'])
    .where('user_id', 'in', notices.map((n) => n.userId)).execute()).map((p) => [p.user_id, p]));
  const withMail = new Set((await trx.selectFrom('users').select('id').where('id', 'in', notices.map((n) => n.userId))
    .where('email', 'is not', null).where('active', '=', 1).execute()).map((u) => u.id));
  const created: string[] = [];
  for (const n of notices) {
    const id = randomUUID();
    const res = await trx.insertInto('notifications').values({
      id, user_id: n.userId, kind: n.kind, team_id: n.teamId, ref_type: n.refType, ref_id: n.refId, dedupe_key: n.dedupeKey,
      actor_name: n.actorName, created_at: at, read_at: null,
    }).onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing()).executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    created.push(id);
    await trx.insertInto('outbox').values(outboxRow('notification.created', n.regionCode, { notificationId: id, userId: n.userId, teamId: n.teamId }, now)).execute();
    const pref = prefs.get(n.userId);
    const wants = pref ? Boolean(Number(pref[PREFERENCE[n.kind]])) : true;
    if (wants && withMail.has(n.userId)) {
      const payload: NoticeMail = { kind: n.kind, teamName: mail.teamName, actorName: n.actorName, url: mail.url };
      await enqueue(trx, id, 'email', n.userId, payload, now);
    }
  }
  return created;
}
