import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { fieldInvalid } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { DATE, ID, problems } from '../../http/schemas';
import { languageOf, translate } from '../../i18n/messages';
import { authorize, ensureVisible } from '../../policies';
import { cancelCheckOut, cancelReport, changeRoom, extendStay } from './changes';
import { checkOutMany, MAX_BULK_CHECKOUT } from './checkout-many';
import { canSee } from './commands';
import { correctStay, type CorrectionInput } from './correction';
import { historyJson, loadChanges, presentHistory } from './history';
import { presentStay } from './presenters';
import { loadStayRecord, toCloseWhere } from './queries';
import { scopeFor } from '../../policies/scope';
import { TIME, stayJson } from './schemas';

// After the check-in: bulk check-out, extension, room change, correction and the two
// cancellations, each with its own operation; and a stay's history. Who may: stays/policy.ts.

const idParams = { type: 'object', required: ['id'], properties: { id: ID } } as const;
const REASON = { type: 'string', minLength: 3, maxLength: 500, description: 'why; kept in the stay\'s history and the audit log' } as const;
const NULLABLE = (s: object) => ({ anyOf: [s, { type: 'null' }] });
const TEXT = (max: number) => ({ type: 'string', maxLength: max } as const);

const correctionBody = {
  type: 'object', required: ['reason', 'fields'], additionalProperties: false,
  properties: {
    reason: REASON,
    fields: {
      type: 'object', additionalProperties: false, minProperties: 1,
      description: 'only the fields to correct; an omitted field keeps its value, null clears an optional one',
      properties: {
        surname: TEXT(100), givenNames: NULLABLE(TEXT(100)), sex: { type: 'string', enum: ['M', 'F', 'X'] }, dateOfBirth: DATE,
        nationality: TEXT(3), documentNumber: TEXT(30), issuingState: TEXT(3), documentExpiry: DATE,
        permitKind: TEXT(40), permitNumber: NULLABLE(TEXT(40)), permitValidFrom: DATE, permitValidUntil: NULLABLE(DATE),
        arrivalDate: DATE, arrivalTime: NULLABLE(TIME), plannedDeparture: NULLABLE(DATE),
      },
    },
  },
  examples: [{ reason: 'Salah ketik nama / typo in the name', fields: { surname: 'TESTSSON' } }],
} as const;

const bulkResult = {
  type: 'object',
  properties: {
    checkedOut: { type: 'integer' },
    results: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'integer' }, ok: { type: 'boolean' }, message: { type: ['string', 'null'] } } },
    },
  },
} as const;

export function stayLifecycleRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { stayIds: string[]; departureDate: string } }>('/api/v1/stays/checkout', {
    config: { access: gate('stay', 'checkoutMany') },
    schema: {
      tags: ['stays'], operationId: 'checkOutStays', summary: 'Check several guests out at once (a result per stay)',
      description: `At most ${MAX_BULK_CHECKOUT} stays. A stay that cannot be checked out is reported in its result and left alone; the others are checked out.`,
      body: {
        type: 'object', required: ['stayIds', 'departureDate'], additionalProperties: false,
        properties: { stayIds: { type: 'array', minItems: 1, maxItems: MAX_BULK_CHECKOUT, items: ID }, departureDate: DATE },
      },
      response: { 200: bulkResult, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    if (new Set(request.body.stayIds).size !== request.body.stayIds.length) throw fieldInvalid('stayIds', 'field.duplicate_ids');
    const results = await checkOutMany(ctx.db, actor, request.body);
    void ctx.relay.kick();
    const lang = languageOf(request.headers['accept-language']);
    return {
      checkedOut: results.filter((r) => r.status === 200).length,
      results: results.map((r) => ({ id: r.id, status: r.status, ok: r.status === 200, message: r.problem ? translate(lang, r.problem) : null })),
    };
  });

  const change = <B>(path: string, operationId: string, summary: string, action: 'change' | 'move' | 'correct' | 'cancel' | 'reopen',
    body: object, run: (actor: ReturnType<typeof requireActor>, id: string, body: B) => Promise<Parameters<typeof presentStay>[1]>) => {
    app.post<{ Params: { id: string }; Body: B }>(`/api/v1/stays/:id/${path}`, {
      config: { access: gate('stay', 'list', onRecord('stay', action)) },
      schema: { tags: ['stays'], operationId, summary, params: idParams, body, response: { 200: stayJson, ...problems(400, 401, 403, 404, 409) } },
    }, async (request) => {
      const actor = requireActor(request);
      const stay = await run(actor, request.params.id, request.body as B);
      void ctx.relay.kick();
      return presentStay(actor, stay);
    });
  };

  change<{ plannedDeparture?: string; permitValidUntil?: string; reason?: string }>('extension', 'extendStay',
    'Extend a stay: a new planned departure and/or permit end', 'change',
    {
      type: 'object', additionalProperties: false,
      properties: { plannedDeparture: DATE, permitValidUntil: DATE, reason: { ...REASON, minLength: 0 } },
      examples: [{ plannedDeparture: '2026-12-20' }],
    },
    (actor, id, body) => extendStay(ctx.db, actor, id, body));
  change<{ room: string; reason?: string }>('room', 'changeStayRoom', 'Move a guest to another room', 'move',
    { type: 'object', required: ['room'], additionalProperties: false, properties: { room: TEXT(20), reason: { ...REASON, minLength: 0 } }, examples: [{ room: '204' }] },
    (actor, id, body) => changeRoom(ctx.db, actor, id, body));
  change<CorrectionInput>('correction', 'correctStay', 'Correct what was reported (identity, passport, permit, dates), with a reason; the original is kept',
    'correct', correctionBody, (actor, id, body) => correctStay(ctx.db, actor, id, body));
  change<{ reason: string }>('cancellation', 'cancelStay', 'Cancel a mistaken report, with a reason (kept and marked cancelled)', 'cancel',
    { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: REASON }, examples: [{ reason: 'Tamu salah dilaporkan / reported by mistake' }] },
    (actor, id, body) => cancelReport(ctx.db, actor, id, body));
  change<{ reason: string }>('checkout-cancellation', 'cancelCheckOut', 'Cancel a mistaken check-out, with a reason: the guest is present again', 'reopen',
    { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: REASON }, examples: [{ reason: 'Check-out kamar yang salah / wrong room checked out' }] },
    (actor, id, body) => cancelCheckOut(ctx.db, actor, id, body));

  app.get('/api/v1/reminders', {
    config: { access: gate('stay', 'list') },
    schema: {
      tags: ['stays'], operationId: 'getStayReminders', summary: 'Stays to close now, and the lodging\'s latest reminder (home screen)',
      response: {
        200: {
          type: 'object',
          properties: {
            toClose: { type: 'integer', description: 'present stays of the caller\'s scope past their planned departure' },
            reminder: { type: ['object', 'null'], properties: { id: { type: 'string' }, day: { type: 'string' }, count: { type: 'integer' }, createdAt: { type: 'string' } } },
          },
        },
        ...problems(401, 403),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const scope = scopeFor(actor);
    const toClose = await ctx.db.selectFrom('stays').where((eb) => scope.where(eb, { region: 'stays.region_code', org: 'stays.lodging_id' }))
      .where((eb) => toCloseWhere(eb, new Date())).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const org = actor.role === 'reporter' ? actor.reporterOrg?.id : undefined;
    const latest = org ? await ctx.db.selectFrom('reminders').selectAll().where('org_id', '=', org).orderBy('day', 'desc').limit(1).executeTakeFirst() : undefined;
    if (latest && !latest.seen_at) await ctx.db.updateTable('reminders').set({ seen_at: new Date().toISOString() }).where('id', '=', latest.id).execute();
    return {
      toClose: Number(toClose.n),
      reminder: latest ? { id: latest.id, day: latest.day, count: Number(latest.count), createdAt: latest.created_at } : null,
    };
  });

  app.get<{ Params: { id: string } }>('/api/v1/stays/:id/history', {
    config: { access: gate('stay', 'list', onRecord('stay', 'read')) },
    schema: {
      tags: ['stays'], operationId: 'getStayHistory', summary: 'A stay\'s changes, each with its reason and the values before and after (audited)',
      params: idParams, response: { 200: historyJson, ...problems(401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const stay = await loadStayRecord(ctx.db, request.params.id);
    ensureVisible(stay !== undefined && canSee(actor, stay));
    authorize(actor, 'stay', 'read', stay);
    await recordRead(ctx.db, actor, { action: 'stay.history', resourceType: 'stay', resourceId: stay.id, regionCode: stay.region_code });
    return presentHistory(actor, stay, await loadChanges(ctx.db, stay.id));
  });
}
