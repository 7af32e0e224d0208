import type { Kysely } from 'kysely';
import { linksIn } from '../../../domain/channel/text';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { abilities } from '../../policies';
import { resolveLinks } from './links';
import type { ChannelTeam } from './policy';
import { type MessageRow, messageExtras } from './queries';

// What a reader gets of a message: its text (none once deleted), the author (a colleague), mentions,
// links each marked visible or not for this reader, attachments' names and sizes, and what the
// reader may do with it. Edit history is listed only for the one message asked for.

export async function presentMessages(db: Kysely<Database>, actor: Actor, team: ChannelTeam, rows: MessageRow[]) {
  const extras = await messageExtras(db, rows.map((r) => r.id));
  const links = await resolveLinks(db, actor, rows.flatMap((r) => (r.deleted_at ? [] : linksIn(r.text))));
  return rows.map((r) => {
    const deleted = r.deleted_at !== null;
    const item = { ...team, author_id: r.author_id };
    return {
      id: r.id, teamId: r.team_id, kind: r.kind, parentId: r.parent_id,
      author: r.author_id ? { id: r.author_id, username: r.author_username, displayName: r.author_name, agencyName: r.author_agency } : null,
      text: deleted ? null : r.text,
      createdAt: r.created_at, editedAt: r.edited_at, deletedAt: r.deleted_at, resolvedAt: r.resolved_at,
      replyCount: extras.replies.get(r.id) ?? 0, lastReplyAt: r.last_reply_at,
      mentions: deleted ? [] : extras.mentions.get(r.id) ?? [],
      links: deleted ? [] : linksIn(r.text).map((l) => links.get(l.ref)!),
      attachments: deleted ? [] : extras.attachments.get(r.id) ?? [],
      abilities: r.kind === 'guide' || deleted
        ? { edit: false, delete: false, resolve: false }
        : abilities(actor, 'channel', { edit: 'edit', delete: 'delete', resolve: 'resolve' }, item),
    };
  });
}

export type PresentedMessage = Awaited<ReturnType<typeof presentMessages>>[number];
