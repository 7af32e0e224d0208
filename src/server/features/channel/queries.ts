import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { ChannelMessagesTable, Database } from '../../db/schema';
import type { ChannelTeam } from './policy';

// Reads of the team channel. Every list is of one team whose channel the caller may read (the route
// checked); nothing here filters by person, because the channel holds no person's data.

export interface TeamRow { id: string; name: string; region_code: string; office_agency_id: string; created_at: string }
export type LoadedTeam = TeamRow & ChannelTeam;

const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** Active memberships of a team today. */
export function activeMemberships(db: Kysely<Database>, teamId: string, now = new Date()) {
  const d = today(now);
  return db.selectFrom('team_memberships').innerJoin('users', 'users.id', 'team_memberships.user_id')
    .leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.email', 'users.active', 'agencies.name as agency_name', 'team_memberships.position'])
    .where('team_memberships.team_id', '=', teamId).where('team_memberships.joined_on', '<=', d)
    .where((eb) => eb.or([eb('team_memberships.left_on', 'is', null), eb('team_memberships.left_on', '>', d)]))
    .where('users.active', '=', 1)
    .orderBy('users.display_name');
}

/** The team with what the rules need (its office, its chair and secretary), or undefined. */
export async function loadTeam(db: Kysely<Database>, teamId: string, now = new Date()): Promise<LoadedTeam | undefined> {
  const team = await db.selectFrom('teams').select(['id', 'name', 'region_code', 'office_agency_id', 'created_at']).where('id', '=', teamId).executeTakeFirst();
  if (!team) return undefined;
  const chairs = await activeMemberships(db, teamId, now).where('team_memberships.position', 'in', ['ketua', 'sekretaris']).execute();
  return { ...team, team_id: team.id, chair_ids: chairs.map((c) => c.id) };
}

/** Teams whose channel the actor reads: its active teams, and (immigration) the teams its office formed. */
export async function readableTeams(db: Kysely<Database>, actor: Actor): Promise<TeamRow[]> {
  const ids = actor.teamIds ?? [];
  return db.selectFrom('teams').select(['id', 'name', 'region_code', 'office_agency_id', 'created_at'])
    .where((eb) => eb.or([
      ...(ids.length ? [eb('id', 'in', ids)] : []),
      ...(actor.role === 'immigration_officer' && actor.agencyId ? [eb('office_agency_id', '=', actor.agencyId)] : []),
      sql<boolean>`1 = 0`,
    ]))
    .orderBy('name').execute();
}

export type MessageRow = ChannelMessagesTable & { author_name: string | null; author_username: string | null; author_agency: string | null };

function messages(db: Kysely<Database>) {
  return db.selectFrom('channel_messages as m').leftJoin('users as u', 'u.id', 'm.author_id').leftJoin('agencies as a', 'a.id', 'u.agency_id')
    .selectAll('m').select(['u.display_name as author_name', 'u.username as author_username', 'a.name as author_agency']);
}

export const loadMessage = (db: Kysely<Database>, id: string) => messages(db).where('m.id', '=', id).executeTakeFirst();

export interface ListFilter { q?: string; thread?: string; before?: string; limit: number }

const likeTerm = (q: string) => `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/**
 * Newest first: the team's thread roots (guides are pinned apart), a thread's replies, or, with q, every
 * message matching the words. `before` is the created_at of the oldest message already shown.
 */
export async function listMessages(db: Kysely<Database>, teamId: string, f: ListFilter): Promise<MessageRow[]> {
  let q = messages(db).where('m.team_id', '=', teamId).where('m.kind', '!=', 'guide');
  if (f.thread) q = q.where('m.parent_id', '=', f.thread);
  else if (f.q) {
    q = q.where('m.deleted_at', 'is', null);
    for (const word of f.q.trim().split(/\s+/).slice(0, 5)) q = q.where(sql<boolean>`lower(m.text) like ${likeTerm(word)} escape '\\'`);
  } else q = q.where('m.parent_id', 'is', null);
  if (f.before) q = q.where('m.created_at', '<', f.before);
  return q.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(f.limit).execute();
}

/** Guides and the latest announcements, for the top of the channel. */
export async function pinned(db: Kysely<Database>, teamId: string): Promise<MessageRow[]> {
  const guides = await messages(db).where('m.team_id', '=', teamId).where('m.kind', '=', 'guide').orderBy('m.created_at').execute();
  const announcements = await messages(db).where('m.team_id', '=', teamId).where('m.kind', '=', 'announcement').where('m.deleted_at', 'is', null)
    .where('m.parent_id', 'is', null).orderBy('m.created_at', 'desc').limit(5).execute();
  return [...announcements, ...guides];
}

/** What the presenter adds to a page of messages: reply counts, mentions, attachments. */
export async function messageExtras(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return { replies: new Map<string, number>(), mentions: new Map<string, { id: string; username: string }[]>(), attachments: new Map<string, { id: string; filename: string; mime: string; size: number }[]>() };
  const replyRows = await db.selectFrom('channel_messages').select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', ids).where('deleted_at', 'is', null).groupBy('parent_id').execute();
  const mentionRows = await db.selectFrom('channel_mentions').innerJoin('users', 'users.id', 'channel_mentions.user_id')
    .select(['channel_mentions.message_id', 'users.id', 'users.username']).where('channel_mentions.message_id', 'in', ids).execute();
  const attachmentRows = await db.selectFrom('channel_attachments').select(['id', 'message_id', 'filename', 'mime', 'size'])
    .where('message_id', 'in', ids).orderBy('created_at').execute();
  const group = <T, V>(rows: T[], key: (r: T) => string, value: (r: T) => V) => {
    const m = new Map<string, V[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), value(r)]);
    return m;
  };
  return {
    replies: new Map(replyRows.map((r) => [r.parent_id!, Number(r.n)])),
    mentions: group(mentionRows, (r) => r.message_id, (r) => ({ id: r.id, username: r.username })),
    attachments: group(attachmentRows, (r) => r.message_id!, (r) => ({ id: r.id, filename: r.filename, mime: r.mime, size: Number(r.size) })),
  };
}

/** Unread messages per team for one user: others' messages after the last one it read (guides never count). */
export async function unreadCounts(db: Kysely<Database>, userId: string, teamIds: string[]): Promise<Map<string, number>> {
  if (teamIds.length === 0) return new Map();
  const rows = await db.selectFrom('channel_messages as m')
    .leftJoin('channel_read_state as r', (j) => j.onRef('r.team_id', '=', 'm.team_id').on('r.user_id', '=', userId))
    .select(['m.team_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('m.team_id', 'in', teamIds).where('m.kind', '!=', 'guide').where('m.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('m.author_id', 'is', null), eb('m.author_id', '!=', userId)]))
    .where((eb) => eb.or([eb('r.last_read_at', 'is', null), eb('m.created_at', '>', eb.ref('r.last_read_at'))]))
    .groupBy('m.team_id').execute();
  return new Map(rows.map((r) => [r.team_id, Number(r.n)]));
}

/** The team's newest message of any thread (guides aside). */
export const latestMessage = (db: Kysely<Database>, teamId: string) => db.selectFrom('channel_messages').select(['id', 'created_at'])
  .where('team_id', '=', teamId).where('kind', '!=', 'guide').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
