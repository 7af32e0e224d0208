import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { isWithinArea } from '../../../domain/regions';
import { authorize } from '../../policies';
import { type AlertStep, stepAlert, visibleAlert } from './commands';
import { presentActivity, presentAlert } from './presenters';
import { type AlertFilter, countOpenAlerts, listAlerts, loadAlertDetail } from './queries';
import { activityJson, alertJson, assignBody, commentBody, emptyBody, idParams, listQuery, reasonBody, resolveBody } from './schemas';

// The alert inbox of a Timpora area: list, open (with its history), and work each alert to an outcome.

const detailJson = { type: 'object', properties: { ...alertJson.properties, activity: { type: 'array', items: activityJson }, assignedAgencyName: { type: ['string', 'null'] } } } as const;

export function alertsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: AlertFilter }>('/api/v1/alerts', {
    config: { access: gate('alert', 'list') },
    schema: {
      tags: ['alerts'], operationId: 'listAlerts', summary: 'Alerts in the caller\'s area (rules and watchlist hits it may see)', querystring: listQuery,
      response: {
        200: { type: 'object', properties: { items: { type: 'array', items: alertJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } },
        ...problems(400, 401, 403),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { items, total } = await listAlerts(ctx.db, actor, request.query);
    await recordRead(ctx.db, actor, { action: 'alert.list', resourceType: 'alert', detail: { query: request.query, returned: items.map((a) => a.id) } });
    return { items: items.map((a) => presentAlert(actor, a)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get('/api/v1/alerts/counts', {
    config: { access: gate('alert', 'list') },
    schema: {
      tags: ['alerts'], operationId: 'countOpenAlerts', summary: 'Open alerts in the caller\'s area, by severity',
      response: { 200: { type: 'object', properties: { low: { type: 'integer' }, medium: { type: 'integer' }, high: { type: 'integer' } } }, ...problems(401, 403) },
    },
  }, async (request) => countOpenAlerts(ctx.db, requireActor(request)));

  app.get('/api/v1/alerts/agencies', {
    config: { access: gate('alert', 'list') },
    schema: {
      tags: ['alerts'], operationId: 'listAlertAgencies', summary: 'Agencies an alert of the caller\'s area can be assigned to',
      response: { 200: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } } } }, ...problems(401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const rows = await ctx.db.selectFrom('agencies').select(['id', 'name', 'kind', 'region_code']).orderBy('name').execute();
    // agencies working in the area or above it (a provincial office covers its regencies)
    return rows.filter((a) => actor.areas.some((area) => isWithinArea(area, a.region_code) || isWithinArea(a.region_code, area)))
      .map(({ id, name, kind }) => ({ id, name, kind }));
  });

  app.get<{ Params: { id: string } }>('/api/v1/alerts/:id', {
    config: { access: gate('alert', 'list', onRecord('alert', 'read')) },
    schema: { tags: ['alerts'], operationId: 'getAlert', summary: 'One alert with its history (audited)', params: idParams, response: { 200: detailJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await visibleAlert(ctx.db, actor, request.params.id);
    authorize(actor, 'alert', 'read', row);
    const { alert, activity, assignedAgencyName } = await loadAlertDetail(ctx.db, row.id);
    await recordRead(ctx.db, actor, { action: 'alert.read', resourceType: 'alert', resourceId: row.id, regionCode: row.region_code, detail: { personId: row.person_id } });
    return { ...presentAlert(actor, alert), activity: activity.map(presentActivity), assignedAgencyName };
  });

  const step = <B>(path: string, operationId: string, summary: string, body: object, action: 'acknowledge' | 'assign' | 'resolve' | 'reopen' | 'comment', toStep: (b: B) => AlertStep) => {
    app.post<{ Params: { id: string }; Body: B }>(`/api/v1/alerts/:id/${path}`, {
      config: { access: gate('alert', 'list', onRecord('alert', action)) },
      schema: { tags: ['alerts'], operationId, summary, params: idParams, body, response: { 200: alertJson, ...problems(400, 401, 403, 404, 409) } },
    }, async (request) => {
      const actor = requireActor(request);
      const updated = await stepAlert(ctx.db, actor, request.params.id, toStep((request.body ?? {}) as B));
      void ctx.relay.kick();
      const { alert } = await loadAlertDetail(ctx.db, updated.id);
      return presentAlert(actor, alert);
    });
  };
  step<Record<string, never>>('acknowledge', 'acknowledgeAlert', 'Acknowledge a new alert (someone is looking at it)', emptyBody, 'acknowledge', () => ({ kind: 'acknowledge' }));
  step<{ agencyId: string; userId?: string }>('assign', 'assignAlert', 'Assign an alert to an agency (and a member)', assignBody, 'assign', (b) => ({ kind: 'assign', ...b }));
  step<{ outcome: 'confirmed' | 'false_positive' | 'no_action'; reason: string }>('resolve', 'resolveAlert',
    'Resolve with an outcome and a reason (a watchlist hit is confirmed only by immigration or police)', resolveBody, 'resolve', (b) => ({ kind: 'resolve', ...b }));
  step<{ reason: string }>('reopen', 'reopenAlert', 'Reopen a resolved alert, with a reason', reasonBody, 'reopen', (b) => ({ kind: 'reopen', ...b }));
  step<{ text: string }>('comments', 'commentAlert', 'Add a comment to an alert', commentBody, 'comment', (b) => ({ kind: 'comment', ...b }));
}
