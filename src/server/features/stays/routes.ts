import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { fieldInvalid } from '../../errors';
import { requireActor } from '../../http/actor';
import { ID, problems } from '../../http/schemas';
import { languageOf } from '../../i18n/messages';
import { authorize, ensureVisible } from '../../policies';
import type { Actor } from '../../auth/actor';
import { canSee, type CheckInResult, checkIn, checkOut } from './commands';
import { checkInBodyWithExamples, checkInResultExample } from './partner-schemas';
import { partnerRoutes } from './partner-routes';
import { presentCheckIn, presentStay } from './presenters';
import { listChangedStays, listStays, loadStayRecord, type StayListFilter } from './queries';
import { receiptToken } from './receipt-token';
import { verifyUrl } from './receipt-view';
import { publicBase, sendPdf } from './receipts-routes';
import { zoneOfAreas } from '../exports/format';
import { staysCsv, staysXlsx } from './export';
import { type CheckInInput, checkInResult, checkOutBody, exportQuery, listQuery, stayJson } from './schemas';
import { gate, onRecord } from '../../http/access';
import { screenReported } from '../screening/raise';

const idParams = { type: 'object', required: ['id'], properties: { id: ID } } as const;
const EXPORT_LIMIT = 10_000;

export function staysRoutes(app: FastifyInstance, ctx: AppContext): void {
  partnerRoutes(app, ctx);
  app.post<{ Body: CheckInInput }>('/api/v1/stays', {
    // the answer for Idempotency-Key replays commits with the report (src/server/http/idempotency.ts)
    config: { access: gate('stay', 'report', onRecord('stay', 'create')), idempotency: 'inTransaction' },
    schema: {
      tags: ['stays'], operationId: 'createStay', summary: 'Check a foreign guest, or a family or group, in (lapor kedatangan)',
      description: 'Send an Idempotency-Key header to make retries safe: a replay returns the first answer and stores nothing. '
        + '`members` are the rest of a family or group: one receipt lists them all.',
      body: checkInBodyWithExamples, response: { 201: { ...checkInResult, examples: [checkInResultExample] }, ...problems(400, 401, 403, 404, 409, 415, 422) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const idem = request.idempotency;
    const present = (r: CheckInResult) => ({ ...presentCheckIn(actor, r), verifyUrl: verifyUrl(publicBase(ctx, request), receiptToken(ctx.receiptKey, r.id)) });
    const result = await checkIn(ctx.db, actor, request.body, idem ? (trx, r) => idem.store(trx, 201, present(r)) : undefined);
    await screenReported(ctx, request.log, [result.id, ...result.members.map((m) => m.id)]);
    void ctx.relay.kick();
    // the answer itself, not the reply: an async handler's returned reply is a thenable Fastify waits on (stream listeners per request)
    reply.status(201);
    return present(result);
  });

  app.post<{ Params: { id: string }; Body: { departureDate: string } }>('/api/v1/stays/:id/checkout', {
    config: { access: gate('stay', 'list', onRecord('stay', 'checkout')) },
    schema: {
      tags: ['stays'], operationId: 'checkOutStay', summary: 'Check a guest out (lapor kepulangan)', params: idParams, body: checkOutBody,
      response: { 200: stayJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const stay = await checkOut(ctx.db, actor, request.params.id, request.body);
    void ctx.relay.kick();
    return presentStay(actor, stay);
  });

  app.get<{ Querystring: StayListFilter & { since?: string; cursor?: string } }>('/api/v1/stays', {
    config: { access: gate('stay', 'list') },
    schema: {
      tags: ['stays'], operationId: 'listStays', summary: 'List stays in the caller\'s scope (a lodging: its own)',
      description: 'With `since`: reconciliation for hotel software, the stays created or changed at or after that instant, oldest change first, '
        + '`pageSize` at a time; follow `nextCursor` until it is null. Other filters and `page` do not apply then.',
      querystring: listQuery,
      response: {
        200: {
          type: 'object',
          properties: {
            items: { type: 'array', items: stayJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' },
            nextCursor: { type: ['string', 'null'], description: 'with since: the next page, or null when this is the last' },
          },
        },
        ...problems(400, 401, 403),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'stay', 'list');
    const { since, cursor, ...filter } = request.query;
    if (since !== undefined || cursor !== undefined) return changedSince(actor, since, cursor, filter.pageSize);
    const { rows, total } = await listStays(ctx.db, actor, filter);
    await recordRead(ctx.db, actor, {
      action: 'stay.list', resourceType: 'stay', regionCode: filter.region ?? actor.areaCode,
      detail: { query: filter, returned: rows.map((r) => r.id) },
    });
    return { items: rows.map((r) => presentStay(actor, r)), total, page: filter.page, pageSize: filter.pageSize };
  });

  async function changedSince(actor: Actor, since: string | undefined, cursor: string | undefined, pageSize: number) {
    if (since === undefined) throw fieldInvalid('since', 'field.required');
    const at = Date.parse(since.length === 10 ? `${since}T00:00:00Z` : since);
    if (Number.isNaN(at)) throw fieldInvalid('since', 'field.bad_format');
    const found = await listChangedStays(ctx.db, actor, { since: new Date(at).toISOString(), cursor, pageSize });
    if (!found) throw fieldInvalid('cursor', 'field.bad_format');
    await recordRead(ctx.db, actor, {
      action: 'stay.list', resourceType: 'stay', regionCode: actor.areaCode,
      detail: { query: { since, cursor, pageSize }, returned: found.rows.map((r) => r.id) },
    });
    return { items: found.rows.map((r) => presentStay(actor, r)), pageSize, nextCursor: found.nextCursor };
  }

  app.get<{ Querystring: Omit<StayListFilter, 'page' | 'pageSize'> & { format: 'csv' | 'xlsx'; purpose: string } }>('/api/v1/stays/export', {
    config: { access: gate('stay', 'export') },
    schema: {
      tags: ['stays'], operationId: 'exportStays', summary: 'The stays list as CSV or XLSX (audited, with a purpose)',
      description: `Columns follow the field matrix (docs/access.md): withheld groups are not in the file. At most ${EXPORT_LIMIT} rows.`,
      querystring: exportQuery, produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: { type: 'string', format: 'binary' }, ...problems(400, 401, 403) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { format, purpose, ...filter } = request.query;
    const { rows, total } = await listStays(ctx.db, actor, { ...filter, page: 1, pageSize: EXPORT_LIMIT });
    if (total > EXPORT_LIMIT) throw fieldInvalid('filter', 'field.export_too_large', { limit: EXPORT_LIMIT });
    await recordRead(ctx.db, actor, {
      action: 'stay.export', resourceType: 'stay', regionCode: filter.region ?? actor.areaCode,
      detail: { purpose, format, query: filter, returned: rows.map((r) => r.id) },
    });
    const views = rows.map((r) => presentStay(actor, r));
    const fileCtx = { lang: languageOf(request.headers['accept-language']), zone: zoneOfAreas(filter.region ? [filter.region] : actor.areas) };
    const name = `sinergi-tamu-wna-${new Date().toISOString().slice(0, 10)}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'xlsx') return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await staysXlsx(actor, views, fileCtx));
    return reply.type('text/csv; charset=utf-8').send(staysCsv(actor, views, fileCtx));
  });

  app.get<{ Params: { id: string } }>('/api/v1/stays/:id', {
    config: { access: gate('stay', 'list', onRecord('stay', 'read')) },
    schema: { tags: ['stays'], operationId: 'getStay', summary: 'One stay with the guest\'s details (audited)', params: idParams, response: { 200: stayJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const stay = await loadStayRecord(ctx.db, request.params.id);
    ensureVisible(stay !== undefined && canSee(actor, stay));
    authorize(actor, 'stay', 'read', stay);
    await recordRead(ctx.db, actor, {
      action: 'person.read', resourceType: 'stay', resourceId: stay!.id, regionCode: stay!.region_code, detail: { personId: stay!.person_id },
    });
    return presentStay(actor, stay!);
  });

  app.get<{ Params: { id: string } }>('/api/v1/stays/:id/receipt.pdf', {
    config: { access: gate('stay', 'list', onRecord('stay', 'read')) },
    schema: {
      tags: ['stays'], operationId: 'getStayReceipt', summary: 'Surat Tanda Terima Pelaporan Orang Asing (PDF): the receipt listing this stay and its group', params: idParams,
      produces: ['application/pdf'], response: { 200: { type: 'string', format: 'binary' }, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const stay = await loadStayRecord(ctx.db, request.params.id);
    ensureVisible(stay !== undefined && canSee(actor, stay));
    authorize(actor, 'stay', 'read', stay);
    return sendPdf(ctx, request, reply, actor, stay);
  });
}
