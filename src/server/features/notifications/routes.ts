import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { appendAudit, lockWrites } from '../../audit/log';
import type { AppContext } from '../../context';
import type { Severity } from '../../db/schema';
import { fieldInvalid } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { ID, problems } from '../../http/schemas';
import { authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { DEFAULT_PREFERENCE } from './recipients';

// Notification preferences (per user) and webhooks (per team). A webhook's secret is shown once.

const SEVERITY = { type: 'string', enum: ['low', 'medium', 'high'] } as const;
const prefsJson = { type: 'object', properties: { email: { type: 'boolean' }, minSeverity: SEVERITY } } as const;
const webhookJson = {
  type: 'object',
  properties: { id: { type: 'string' }, teamId: { type: 'string' }, teamName: { type: 'string' }, url: { type: 'string' }, minSeverity: SEVERITY, createdAt: { type: 'string' } },
} as const;

/** https only, except to this machine (a gateway on the same host, and tests). */
function checkWebhookUrl(value: string): void {
  let url: URL;
  try { url = new URL(value); } catch { throw fieldInvalid('url', 'field.bad_format'); }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) throw fieldInvalid('url', 'field.https_required');
  if (url.username || url.password) throw fieldInvalid('url', 'field.bad_format');
}

export function notificationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/me/notifications', {
    config: { access: gate('notification', 'preferences') },
    schema: { tags: ['notifications'], operationId: 'getNotificationPreferences', summary: 'How the caller hears of new alerts', response: { 200: prefsJson, ...problems(401, 403) } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await ctx.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', actor.id).executeTakeFirst();
    return row ? { email: Boolean(Number(row.email)), minSeverity: row.min_severity } : DEFAULT_PREFERENCE;
  });

  app.put<{ Body: { email: boolean; minSeverity: Severity } }>('/api/v1/me/notifications', {
    config: { access: gate('notification', 'preferences') },
    schema: {
      tags: ['notifications'], operationId: 'setNotificationPreferences', summary: 'E-mail on new alerts of at least this severity',
      body: { type: 'object', required: ['email', 'minSeverity'], additionalProperties: false, properties: { email: { type: 'boolean' }, minSeverity: SEVERITY }, examples: [{ email: true, minSeverity: 'medium' }] },
      response: { 200: prefsJson, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const at = new Date().toISOString();
    const values = { user_id: actor.id, email: request.body.email ? 1 : 0, min_severity: request.body.minSeverity, updated_at: at };
    await ctx.db.insertInto('notification_preferences').values(values)
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ email: values.email, min_severity: values.min_severity, updated_at: at })).execute();
    return request.body;
  });

  app.get('/api/v1/webhooks', {
    config: { access: gate('notification', 'listWebhooks') },
    schema: { tags: ['notifications'], operationId: 'listWebhooks', summary: 'Webhooks of the teams in the caller\'s area', response: { 200: { type: 'array', items: webhookJson }, ...problems(401, 403) } },
  }, async (request) => {
    const actor = requireActor(request);
    const scope = scopeFor(actor);
    const rows = await ctx.db.selectFrom('webhooks').innerJoin('teams', 'teams.id', 'webhooks.team_id')
      .select(['webhooks.id', 'webhooks.team_id', 'teams.name', 'webhooks.url', 'webhooks.min_severity', 'webhooks.created_at'])
      .where('webhooks.active', '=', 1).where((eb) => scope.where(eb, { region: 'teams.region_code' })).orderBy('webhooks.created_at').execute();
    return rows.map((r) => ({ id: r.id, teamId: r.team_id, teamName: r.name, url: r.url, minSeverity: r.min_severity, createdAt: r.created_at }));
  });

  app.post<{ Body: { teamId: string; url: string; minSeverity: Severity } }>('/api/v1/webhooks', {
    config: { access: gate('notification', 'listWebhooks', onRecord('notification', 'manageWebhook')) },
    schema: {
      tags: ['notifications'], operationId: 'createWebhook',
      summary: 'Send the team\'s rule alerts to a gateway: signed POST (header X-Sinergi-Signature: t=<unix>,v1=<HMAC-SHA256 of "<t>.<body>">)',
      body: {
        type: 'object', required: ['teamId', 'url'], additionalProperties: false,
        properties: { teamId: ID, url: { type: 'string', minLength: 8, maxLength: 500 }, minSeverity: { ...SEVERITY, default: 'medium' } },
        examples: [{ teamId: 'team-id', url: 'https://gateway.example.go.id/sinergi', minSeverity: 'medium' }],
      },
      response: { 201: { type: 'object', properties: { id: { type: 'string' }, secret: { type: 'string', description: 'shown once' } } }, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const team = await ctx.db.selectFrom('teams').select(['id', 'region_code']).where('id', '=', request.body.teamId).executeTakeFirst();
    if (!team) throw fieldInvalid('teamId', 'field.unknown_team');
    authorize(actor, 'notification', 'manageWebhook', team);
    checkWebhookUrl(request.body.url);
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await ctx.db.transaction().execute(async (trx) => {
      await lockWrites(trx);
      await trx.insertInto('webhooks').values({
        id, team_id: team.id, url: request.body.url, secret, min_severity: request.body.minSeverity, active: 1, created_by: actor.id, created_at: new Date().toISOString(),
      }).execute();
      await appendAudit(trx, actor, { action: 'webhook.create', resourceType: 'webhook', resourceId: id, regionCode: team.region_code, detail: { url: request.body.url, teamId: team.id } });
    });
    return reply.status(201).send({ id, secret });
  });

  app.delete<{ Params: { id: string } }>('/api/v1/webhooks/:id', {
    config: { access: gate('notification', 'listWebhooks', onRecord('notification', 'manageWebhook')) },
    schema: {
      tags: ['notifications'], operationId: 'deleteWebhook', summary: 'Stop a webhook',
      params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } },
      response: { 204: { type: 'null' }, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const hook = await ctx.db.selectFrom('webhooks').innerJoin('teams', 'teams.id', 'webhooks.team_id')
      .select(['webhooks.id', 'teams.region_code']).where('webhooks.id', '=', request.params.id).where('webhooks.active', '=', 1).executeTakeFirst();
    ensureVisible(hook !== undefined && scopeFor(actor).contains({ regionCode: hook.region_code }));
    authorize(actor, 'notification', 'manageWebhook', hook);
    await ctx.db.transaction().execute(async (trx) => {
      await lockWrites(trx);
      await trx.updateTable('webhooks').set({ active: 0 }).where('id', '=', hook.id).execute();
      await appendAudit(trx, actor, { action: 'webhook.delete', resourceType: 'webhook', resourceId: hook.id, regionCode: hook.region_code });
    });
    return reply.status(204).send();
  });
}
