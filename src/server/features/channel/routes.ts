import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { abilities, authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { attachmentPath, storeAttachment } from './attachments';
import { type PostInput, deleteMessage, editMessage, markRead, postMessage, resolveThread } from './commands';
import { ensureGuides } from './guides';
import { presentMessages } from './presenters';
import { type ListFilter, activeMemberships, latestMessage, listMessages, loadMessage, loadTeam, pinned, readableTeams, unreadCounts } from './queries';
import * as S from './schemas';

// The team channel over HTTP. A team outside the caller's area answers 404, inside it but not the
// caller's team 403 (the channel policy). Live delivery: channel.* events on /api/v1/events carry
// ids; the client fetches the message here.

const TAG = ['channel'];

export function channelRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** The team, visible and readable by the caller (404 outside its area, 403 inside but not its team). */
  const teamFor = async (actor: ReturnType<typeof requireActor>, teamId: string, action: 'read' | 'post' | 'upload' | 'readLog' = 'read') => {
    const team = await loadTeam(ctx.db, teamId);
    ensureVisible(team !== undefined && scopeFor(actor).contains({ regionCode: team.region_code }));
    authorize(actor, 'channel', action, team);
    return team;
  };
  const messageFor = async (actor: ReturnType<typeof requireActor>, messageId: string) => {
    const message = await loadMessage(ctx.db, messageId);
    const team = message && await loadTeam(ctx.db, message.team_id);
    ensureVisible(message !== undefined && team !== undefined && scopeFor(actor).contains({ regionCode: team.region_code }));
    authorize(actor, 'channel', 'readMessage', { ...team, author_id: message.author_id });
    return { message, team };
  };
  const afterCommit = () => void ctx.relay.kick();

  app.get('/api/v1/channel/teams', {
    config: { access: gate('channel', 'use') },
    schema: {
      tags: TAG, operationId: 'listChannelTeams', summary: 'The teams whose channel the caller reads, with unread counts',
      response: { 200: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, unread: { type: 'integer' } } } }, ...problems(401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const teams = await readableTeams(ctx.db, actor);
    const unread = await unreadCounts(ctx.db, actor.id, teams.map((t) => t.id));
    return teams.map((t) => ({ id: t.id, name: t.name, unread: unread.get(t.id) ?? 0 }));
  });

  app.get<{ Params: { teamId: string } }>('/api/v1/teams/:teamId/channel', {
    config: { access: gate('channel', 'use', onRecord('channel', 'read')) },
    schema: { tags: TAG, operationId: 'getTeamChannel', summary: 'The team channel: members (for mentions), pinned guides and announcements, unread count', params: S.teamParams, response: { 200: S.overviewJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const team = await teamFor(actor, request.params.teamId);
    await ensureGuides(ctx.db, team);
    const members = await activeMemberships(ctx.db, team.id).execute();
    const read = await ctx.db.selectFrom('channel_read_state').select('last_read_message_id').where('team_id', '=', team.id).where('user_id', '=', actor.id).executeTakeFirst();
    return {
      team: { id: team.id, name: team.name, regionCode: team.region_code },
      abilities: abilities(actor, 'channel', { post: 'post', announce: 'announce', readLog: 'readLog' }, team),
      members: members.map((m) => ({ id: m.id, username: m.username, displayName: m.display_name, agencyName: m.agency_name, position: m.position })),
      pinned: await presentMessages(ctx.db, actor, team, await pinned(ctx.db, team.id)),
      unread: (await unreadCounts(ctx.db, actor.id, [team.id])).get(team.id) ?? 0,
      lastReadMessageId: read?.last_read_message_id ?? null,
      latestMessageId: (await latestMessage(ctx.db, team.id))?.id ?? null,
    };
  });

  app.get<{ Params: { teamId: string }; Querystring: ListFilter }>('/api/v1/teams/:teamId/channel/messages', {
    config: { access: gate('channel', 'use', onRecord('channel', 'read')) },
    schema: {
      tags: TAG, operationId: 'listChannelMessages', summary: 'Messages, newest first: top-level, a thread\'s replies (thread=), or a search (q=)',
      params: S.teamParams, querystring: S.listQuery,
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: S.messageJson }, nextBefore: { type: ['string', 'null'] } } }, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const team = await teamFor(actor, request.params.teamId);
    const rows = await listMessages(ctx.db, team.id, request.query);
    return { items: await presentMessages(ctx.db, actor, team, rows), nextBefore: rows.length === request.query.limit ? rows.at(-1)!.created_at : null };
  });

  app.post<{ Params: { teamId: string }; Body: PostInput }>('/api/v1/teams/:teamId/channel/messages', {
    config: { access: gate('channel', 'use', onRecord('channel', 'post')) },
    schema: {
      tags: TAG, operationId: 'createChannelMessage', summary: 'Post a message, a reply (parentId) or an announcement; @username mentions notify members',
      params: S.teamParams, body: S.postBody, response: { 201: S.messageJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const team = await teamFor(actor, request.params.teamId, 'post');
    const id = await postMessage(ctx.db, actor, team, request.body, ctx.config.publicUrl);
    afterCommit();
    const [message] = await presentMessages(ctx.db, actor, team, [(await loadMessage(ctx.db, id))!]);
    return reply.status(201).send(message);
  });

  app.post<{ Params: { teamId: string }; Body: { messageId: string } }>('/api/v1/teams/:teamId/channel/read', {
    config: { access: gate('channel', 'use', onRecord('channel', 'read')) },
    schema: { tags: TAG, operationId: 'markChannelRead', summary: 'Everything up to this message is read', params: S.teamParams, body: S.readBody, response: { 204: { type: 'null' }, ...problems(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const team = await teamFor(actor, request.params.teamId);
    await markRead(ctx.db, actor, team, request.body.messageId);
    return reply.status(204).send();
  });

  app.post<{ Params: { teamId: string }; Body: { filename: string; contentBase64: string } }>('/api/v1/teams/:teamId/channel/attachments', {
    config: { access: gate('channel', 'use', onRecord('channel', 'upload')) },
    bodyLimit: 8 * 1024 * 1024,
    schema: {
      tags: TAG, operationId: 'uploadChannelAttachment', summary: 'Upload a photo (JPEG/PNG) or PDF (at most 5 MB) to attach to the next message',
      params: S.teamParams, body: S.uploadBody,
      response: { 201: { type: 'object', properties: { id: { type: 'string' }, filename: { type: 'string' }, mime: { type: 'string' }, size: { type: 'integer' } } }, ...problems(400, 401, 403, 404, 413) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const team = await teamFor(actor, request.params.teamId, 'upload');
    return reply.status(201).send(await storeAttachment(ctx.db, ctx.config.dataDir, actor, team, request.body));
  });

  app.get<{ Params: { messageId: string } }>('/api/v1/channel/messages/:messageId', {
    config: { access: gate('channel', 'use', onRecord('channel', 'readMessage')) },
    schema: { tags: TAG, operationId: 'getChannelMessage', summary: 'One message with its edit history (the client fetches it after a live event)', params: S.messageParams, response: { 200: S.messageDetailJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { message, team } = await messageFor(actor, request.params.messageId);
    const [presented] = await presentMessages(ctx.db, actor, team, [message]);
    const history = message.deleted_at ? [] : await ctx.db.selectFrom('channel_message_edits').select(['text', 'edited_at']).where('message_id', '=', message.id).orderBy('edited_at').execute();
    return { ...presented, history: history.map((h) => ({ text: h.text, editedAt: h.edited_at })) };
  });

  app.patch<{ Params: { messageId: string }; Body: { text: string } }>('/api/v1/channel/messages/:messageId', {
    config: { access: gate('channel', 'use', onRecord('channel', 'edit')) },
    schema: { tags: TAG, operationId: 'editChannelMessage', summary: 'Correct one\'s own message (the earlier text is kept)', params: S.messageParams, body: S.editBody, response: { 200: S.messageJson, ...problems(400, 401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { message, team } = await messageFor(actor, request.params.messageId);
    await editMessage(ctx.db, actor, team, message, request.body.text, ctx.config.publicUrl);
    afterCommit();
    return (await presentMessages(ctx.db, actor, team, [(await loadMessage(ctx.db, message.id))!]))[0];
  });

  app.delete<{ Params: { messageId: string } }>('/api/v1/channel/messages/:messageId', {
    config: { access: gate('channel', 'use', onRecord('channel', 'delete')) },
    schema: { tags: TAG, operationId: 'deleteChannelMessage', summary: 'Remove a message (its author or a moderator); the removal is audited', params: S.messageParams, response: { 204: { type: 'null' }, ...problems(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { message, team } = await messageFor(actor, request.params.messageId);
    await deleteMessage(ctx.db, actor, team, message);
    afterCommit();
    return reply.status(204).send();
  });

  app.post<{ Params: { messageId: string }; Body: { resolved: boolean } }>('/api/v1/channel/messages/:messageId/resolve', {
    config: { access: gate('channel', 'use', onRecord('channel', 'resolve')) },
    schema: { tags: TAG, operationId: 'resolveChannelThread', summary: 'Mark a thread resolved (or open it again)', params: S.messageParams, body: S.resolveBody, response: { 200: S.messageJson, ...problems(400, 401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { message, team } = await messageFor(actor, request.params.messageId);
    await resolveThread(ctx.db, actor, team, message, request.body.resolved);
    afterCommit();
    return (await presentMessages(ctx.db, actor, team, [(await loadMessage(ctx.db, message.id))!]))[0];
  });

  app.get<{ Params: { attachmentId: string } }>('/api/v1/channel/attachments/:attachmentId', {
    config: { access: gate('channel', 'use', onRecord('channel', 'download')) },
    schema: { tags: TAG, operationId: 'downloadChannelAttachment', summary: 'Download an attachment (audited)', params: S.attachmentParams, produces: ['application/octet-stream'], response: { 200: { type: 'string' }, ...problems(401, 403, 404) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const file = await ctx.db.selectFrom('channel_attachments as f').innerJoin('channel_messages as m', 'm.id', 'f.message_id')
      .select(['f.id', 'f.team_id', 'f.filename', 'f.mime', 'f.size', 'm.author_id', 'm.deleted_at']).where('f.id', '=', request.params.attachmentId).executeTakeFirst();
    const team = file && await loadTeam(ctx.db, file.team_id);
    ensureVisible(file !== undefined && file.deleted_at === null && team !== undefined && scopeFor(actor).contains({ regionCode: team.region_code }));
    authorize(actor, 'channel', 'download', { ...team, author_id: file.author_id });
    const path = attachmentPath(ctx.config.dataDir, file.team_id, file.id);
    ensureVisible(fs.existsSync(path));
    await recordRead(ctx.db, actor, { action: 'channel.attachment.download', resourceType: 'channel_attachment', resourceId: file.id, regionCode: team.region_code, detail: { teamId: team.id } });
    const inline = file.mime.startsWith('image/');
    return reply.type(file.mime).header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('cache-control', 'private, no-store').send(fs.createReadStream(path));
  });
}
