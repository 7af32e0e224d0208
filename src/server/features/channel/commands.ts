import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { mentionedUsernames } from '../../../domain/channel/text';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { fieldInvalid } from '../../errors';
import { outboxRow } from '../../events/bus';
import { authorize } from '../../policies';
import { addNotices } from '../notifications/inbox';
import { type LoadedTeam, type MessageRow, activeMemberships } from './queries';

// Changes to a team channel, each one transaction with its audit entry (ids and team, never the
// text: the message itself is the record) and its live event (ids only). Edits keep the earlier
// text; deletion only marks the message. Mentions resolve to active members of the team and
// notify them (in-app, and by e-mail when they want it).

export interface PostInput { text: string; parentId?: string; announcement?: boolean; attachmentIds?: string[] }

const channelEvent = (name: string, team: LoadedTeam, data: Record<string, unknown>, now: Date) =>
  outboxRow(`channel.${name}`, team.region_code, { teamId: team.id, officeAgencyId: team.office_agency_id, ...data }, now);

/** Members mentioned in the text (never the author); usernames that are not active members are plain text. */
async function mentionedMembers(db: Kysely<Database>, team: LoadedTeam, text: string, authorId: string, now: Date) {
  const names = mentionedUsernames(text).slice(0, 50);
  if (names.length === 0) return [];
  return (await activeMemberships(db, team.id, now).where('users.username', 'in', names).execute()).filter((m) => m.id !== authorId);
}

async function notifyMentions(trx: Kysely<Database>, actor: Actor, team: LoadedTeam, messageId: string, userIds: string[], publicUrl: string, now: Date) {
  await addNotices(trx, userIds.map((userId) => ({
    userId, kind: 'mention' as const, teamId: team.id, refType: 'channel_message' as const, refId: messageId,
    dedupeKey: `mention:${messageId}`, actorName: actor.displayName, regionCode: team.region_code,
  })), { teamName: team.name, url: `${publicUrl}/channel/${team.id}?message=${messageId}` }, now);
}

export async function postMessage(db: Kysely<Database>, actor: Actor, team: LoadedTeam, input: PostInput, publicUrl: string, now = new Date()): Promise<string> {
  const text = input.text.trim();
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  if (!text && attachmentIds.length === 0) throw fieldInvalid('text', 'field.empty_message');
  if (input.announcement) authorize(actor, 'channel', 'announce', team);
  if (input.parentId) {
    const parent = await db.selectFrom('channel_messages').select(['team_id', 'parent_id', 'kind', 'deleted_at']).where('id', '=', input.parentId).executeTakeFirst();
    if (!parent || parent.team_id !== team.id) throw fieldInvalid('parentId', 'field.unknown_message');
    if (parent.parent_id !== null || parent.kind === 'guide' || parent.deleted_at) throw fieldInvalid('parentId', 'field.not_thread_root');
    if (input.announcement) throw fieldInvalid('announcement', 'field.not_thread_root');
  }
  const mentioned = await mentionedMembers(db, team, text, actor.id, now);
  const id = randomUUID();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    await trx.insertInto('channel_messages').values({
      id, team_id: team.id, author_id: actor.id, kind: input.announcement ? 'announcement' : 'message', parent_id: input.parentId ?? null, text,
      created_at: at, edited_at: null, deleted_at: null, deleted_by: null, resolved_at: null, resolved_by: null, last_reply_at: null,
    }).execute();
    if (attachmentIds.length) {
      const claimed = await trx.updateTable('channel_attachments').set({ message_id: id }).where('id', 'in', attachmentIds)
        .where('team_id', '=', team.id).where('uploaded_by', '=', actor.id).where('message_id', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== attachmentIds.length) throw fieldInvalid('attachmentIds', 'field.unknown_attachment');
    }
    if (input.parentId) await trx.updateTable('channel_messages').set({ last_reply_at: at }).where('id', '=', input.parentId).execute();
    if (mentioned.length) await trx.insertInto('channel_mentions').values(mentioned.map((m) => ({ message_id: id, user_id: m.id }))).execute();
    await appendAudit(trx, actor, { action: 'channel.post', resourceType: 'channel_message', resourceId: id, regionCode: team.region_code, detail: { teamId: team.id } }, now);
    await trx.insertInto('outbox').values(channelEvent('message_posted', team, { messageId: id, parentId: input.parentId ?? null }, now)).execute();
    await notifyMentions(trx, actor, team, id, mentioned.map((m) => m.id), publicUrl, now);
  });
  return id;
}

export async function editMessage(db: Kysely<Database>, actor: Actor, team: LoadedTeam, message: MessageRow, newText: string, publicUrl: string, now = new Date()): Promise<void> {
  authorize(actor, 'channel', 'edit', { ...team, author_id: message.author_id });
  if (message.deleted_at || message.kind === 'guide') throw fieldInvalid('messageId', 'field.unknown_message');
  const text = newText.trim();
  if (!text) throw fieldInvalid('text', 'field.empty_message');
  const before = new Set((await db.selectFrom('channel_mentions').select('user_id').where('message_id', '=', message.id).execute()).map((m) => m.user_id));
  const added = (await mentionedMembers(db, team, text, actor.id, now)).filter((m) => !before.has(m.id));
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    await trx.insertInto('channel_message_edits').values({ id: randomUUID(), message_id: message.id, text: message.text, edited_at: now.toISOString(), edited_by: actor.id }).execute();
    await trx.updateTable('channel_messages').set({ text, edited_at: now.toISOString() }).where('id', '=', message.id).execute();
    if (added.length) await trx.insertInto('channel_mentions').values(added.map((m) => ({ message_id: message.id, user_id: m.id }))).execute();
    await appendAudit(trx, actor, { action: 'channel.edit', resourceType: 'channel_message', resourceId: message.id, regionCode: team.region_code, detail: { teamId: team.id } }, now);
    await trx.insertInto('outbox').values(channelEvent('message_edited', team, { messageId: message.id, parentId: message.parent_id }, now)).execute();
    await notifyMentions(trx, actor, team, message.id, added.map((m) => m.id), publicUrl, now);
  });
}

export async function deleteMessage(db: Kysely<Database>, actor: Actor, team: LoadedTeam, message: MessageRow, now = new Date()): Promise<void> {
  authorize(actor, 'channel', 'delete', { ...team, author_id: message.author_id });
  if (message.deleted_at) return;
  if (message.kind === 'guide') throw fieldInvalid('messageId', 'field.unknown_message');
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    await trx.updateTable('channel_messages').set({ deleted_at: now.toISOString(), deleted_by: actor.id }).where('id', '=', message.id).execute();
    await appendAudit(trx, actor, {
      action: 'channel.delete', resourceType: 'channel_message', resourceId: message.id, regionCode: team.region_code,
      detail: { teamId: team.id, byAuthor: message.author_id === actor.id },
    }, now);
    await trx.insertInto('outbox').values(channelEvent('message_deleted', team, { messageId: message.id, parentId: message.parent_id }, now)).execute();
  });
}

export async function resolveThread(db: Kysely<Database>, actor: Actor, team: LoadedTeam, message: MessageRow, resolved: boolean, now = new Date()): Promise<void> {
  authorize(actor, 'channel', 'resolve', { ...team, author_id: message.author_id });
  if (message.parent_id !== null || message.kind === 'guide' || message.deleted_at) throw fieldInvalid('messageId', 'field.not_thread_root');
  if ((message.resolved_at !== null) === resolved) return;
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    await trx.updateTable('channel_messages').set(resolved ? { resolved_at: now.toISOString(), resolved_by: actor.id } : { resolved_at: null, resolved_by: null })
      .where('id', '=', message.id).execute();
    await appendAudit(trx, actor, { action: resolved ? 'channel.resolve' : 'channel.reopen', resourceType: 'channel_message', resourceId: message.id, regionCode: team.region_code, detail: { teamId: team.id } }, now);
    await trx.insertInto('outbox').values(channelEvent('thread_resolved', team, { messageId: message.id, parentId: null }, now)).execute();
  });
}

/** Moves the member's read mark forward to this message (never back). Not audited: it is the member's own state. */
export async function markRead(db: Kysely<Database>, actor: Actor, team: LoadedTeam, messageId: string, now = new Date()): Promise<void> {
  const message = await db.selectFrom('channel_messages').select(['id', 'team_id', 'created_at']).where('id', '=', messageId).executeTakeFirst();
  if (!message || message.team_id !== team.id) throw fieldInvalid('messageId', 'field.unknown_message');
  const values = { team_id: team.id, user_id: actor.id, last_read_at: message.created_at, last_read_message_id: message.id, updated_at: now.toISOString() };
  await db.insertInto('channel_read_state').values(values).onConflict((oc) => oc.columns(['team_id', 'user_id'])
    .doUpdateSet({ last_read_at: values.last_read_at, last_read_message_id: values.last_read_message_id, updated_at: values.updated_at })
    .where('channel_read_state.last_read_at', '<', values.last_read_at)).execute();
}
