import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { ID, pageQuery, problems } from '../../http/schemas';
import { authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { loadTeam } from '../channel/queries';

// The caller's own inbox (what went to me, when, read or not), and for a team's chair, secretary
// and forming office the log of which notice went to whom, when it was read and whether its
// e-mail went out.

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const KIND = { type: 'string', enum: ['mention', 'task_assigned', 'task_due'] } as const;
const noticeJson = {
  type: 'object',
  properties: {
    id: str, kind: KIND, teamId: nstr, teamName: nstr, refType: str, refId: str, actorName: nstr, createdAt: str, readAt: nstr,
    link: { type: 'string', description: 'where the web app opens it' },
  },
} as const;

/** Where the web app shows what a notice is about. */
export function noticeLink(n: { kind: string; team_id: string | null; ref_type: string; ref_id: string }): string {
  if (n.ref_type === 'channel_message') return `/channel/${n.team_id}?message=${n.ref_id}`;
  return `/tugas?open=${n.ref_id}`;
}

export function inboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { unread?: boolean; limit: number } }>('/api/v1/notifications', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['notifications'], operationId: 'listMyNotifications', summary: 'The caller\'s notifications (mentions, task assignments, due tasks), newest first',
      querystring: { type: 'object', additionalProperties: false, properties: { unread: { type: 'boolean' }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 30 } } },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: noticeJson }, unread: { type: 'integer' } } }, ...problems(400, 401) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    let q = ctx.db.selectFrom('notifications as n').leftJoin('teams as t', 't.id', 'n.team_id').selectAll('n').select('t.name as team_name').where('n.user_id', '=', actor.id);
    if (request.query.unread) q = q.where('n.read_at', 'is', null);
    const rows = await q.orderBy('n.created_at', 'desc').orderBy('n.id').limit(request.query.limit).execute();
    const unread = await ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.id).where('read_at', 'is', null).executeTakeFirstOrThrow();
    return {
      items: rows.map((n) => ({
        id: n.id, kind: n.kind, teamId: n.team_id, teamName: n.team_name, refType: n.ref_type, refId: n.ref_id, actorName: n.actor_name,
        createdAt: n.created_at, readAt: n.read_at, link: noticeLink(n),
      })),
      unread: Number(unread.n),
    };
  });

  app.post<{ Params: { id: string } }>('/api/v1/notifications/:id/read', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['notifications'], operationId: 'readNotification', summary: 'Mark one of the caller\'s notifications read (the first reading time is kept)',
      params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } }, response: { 204: { type: 'null' }, ...problems(401, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await ctx.db.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', request.params.id).where('user_id', '=', actor.id).executeTakeFirst();
    ensureVisible(row !== undefined); // someone else's notice does not exist for the caller
    if (!row.read_at) await ctx.db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('id', '=', row.id).where('read_at', 'is', null).execute();
    return reply.status(204).send();
  });

  app.post('/api/v1/notifications/read-all', {
    config: { access: 'signedIn' },
    schema: { tags: ['notifications'], operationId: 'readAllNotifications', summary: 'Mark all of the caller\'s notifications read', response: { 204: { type: 'null' }, ...problems(401) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await ctx.db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('user_id', '=', actor.id).where('read_at', 'is', null).execute();
    return reply.status(204).send();
  });

  app.get<{ Params: { teamId: string }; Querystring: { page: number; pageSize: number } }>('/api/v1/teams/:teamId/notification-log', {
    config: { access: gate('channel', 'use', onRecord('channel', 'readLog')) },
    schema: {
      tags: ['notifications'], operationId: 'listTeamNotificationLog', summary: 'Which notification went to whom, when, whether mailed, and when it was read (chair, secretary, forming office)',
      params: { type: 'object', required: ['teamId'], additionalProperties: false, properties: { teamId: ID } },
      querystring: { type: 'object', additionalProperties: false, properties: { ...pageQuery } },
      response: {
        200: {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: str, kind: KIND, recipient: { type: 'object', properties: { id: str, displayName: str, agencyName: nstr } }, actorName: nstr,
                  createdAt: str, readAt: nstr, email: { type: ['object', 'null'], properties: { status: str, deliveredAt: nstr } },
                },
              },
            },
            total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' },
          },
        },
        ...problems(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const team = await loadTeam(ctx.db, request.params.teamId);
    ensureVisible(team !== undefined && scopeFor(actor).contains({ regionCode: team.region_code }));
    authorize(actor, 'channel', 'readLog', team);
    const { page, pageSize } = request.query;
    const rows = await ctx.db.selectFrom('notifications as n').innerJoin('users as u', 'u.id', 'n.user_id').leftJoin('agencies as a', 'a.id', 'u.agency_id')
      .leftJoin('notification_deliveries as d', (j) => j.onRef('d.event_id', '=', 'n.id').on('d.channel', '=', 'email'))
      .select(['n.id', 'n.kind', 'n.user_id', 'u.display_name', 'a.name as agency_name', 'n.actor_name', 'n.created_at', 'n.read_at', 'd.status as mail_status', 'd.delivered_at'])
      .where('n.team_id', '=', team.id).orderBy('n.created_at', 'desc').orderBy('n.id').limit(pageSize).offset((page - 1) * pageSize).execute();
    const total = await ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('team_id', '=', team.id).executeTakeFirstOrThrow();
    return {
      items: rows.map((r) => ({
        id: r.id, kind: r.kind, recipient: { id: r.user_id, displayName: r.display_name, agencyName: r.agency_name }, actorName: r.actor_name,
        createdAt: r.created_at, readAt: r.read_at, email: r.mail_status ? { status: r.mail_status, deliveredAt: r.delivered_at } : null,
      })),
      total: Number(total.n), page, pageSize,
    };
  });
}
