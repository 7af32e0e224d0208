import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { fieldInvalid } from '../../errors';
import { requireActor } from '../../http/actor';
import { ID, problems } from '../../http/schemas';
import { languageOf } from '../../i18n/messages';
import { authorize, ensureVisible } from '../../policies';
import { sees } from '../../policies/fields';
import { canSee, checkIn, checkOut } from './commands';
import { presentStay } from './presenters';
import { listStays, loadStayRecord, type StayListFilter } from './queries';
import { receiptToken } from './receipt-token';
import { verifyUrl } from './receipt-view';
import { publicBase, sendPdf } from './receipts-routes';
import { staysCsv, staysXlsx } from './export';
import { type CheckInInput, checkInBody, checkInResult, checkOutBody, exportQuery, listQuery, stayJson } from './schemas';
import { gate, onRecord } from '../../http/access';
import { screenReported } from '../screening/raise';

const idParams = { type: 'object', required: ['id'], properties: { id: ID } } as const;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
const EXPORT_LIMIT = 10_000;

export function staysRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: CheckInInput }>('/api/v1/stays', {
    config: { access: gate('stay', 'report', onRecord('stay', 'create')) },
    schema: {
      tags: ['stays'], summary: 'Check a foreign guest in (lapor kedatangan)',
      description: 'Send an Idempotency-Key header to make retries safe: a replay returns the first answer.',
      headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', maxLength: 100 } } },
      body: checkInBody, response: { 201: checkInResult, ...problems(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const key = request.headers['idempotency-key'] as string | undefined;
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw fieldInvalid('Idempotency-Key', 'field.bad_format');
    const result = await checkIn(ctx.db, actor, request.body, key ? { key, route: 'POST /api/v1/stays' } : undefined);
    await screenReported(ctx, request.log, [result.body.id, ...(result.body.members ?? []).map((m) => m.id)]);
    void ctx.relay.kick();
    // which person a passport belongs to is screening material: a lodging learns nothing from it
    const screening = sees(actor, 'screening');
    const { personId, members, ...rest } = result.body;
    return reply.status(result.status).send({
      ...rest, personId: screening ? personId : null, verifyUrl: verifyUrl(publicBase(ctx, request), receiptToken(ctx.receiptKey, result.body.id)),
      members: (members ?? []).map((m) => ({ ...m, personId: screening ? m.personId : null })),
    });
  });

  app.post<{ Params: { id: string }; Body: { departureDate: string } }>('/api/v1/stays/:id/checkout', {
    config: { access: gate('stay', 'list', onRecord('stay', 'checkout')) },
    schema: {
      tags: ['stays'], summary: 'Check a guest out (lapor kepulangan)', params: idParams, body: checkOutBody,
      response: { 200: stayJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const stay = await checkOut(ctx.db, actor, request.params.id, request.body);
    void ctx.relay.kick();
    return presentStay(actor, stay);
  });

  app.get<{ Querystring: StayListFilter }>('/api/v1/stays', {
    config: { access: gate('stay', 'list') },
    schema: {
      tags: ['stays'], summary: 'List stays in the caller\'s scope', querystring: listQuery,
      response: {
        200: { type: 'object', properties: { items: { type: 'array', items: stayJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } },
        ...problems(400, 401, 403),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'stay', 'list');
    const { rows, total } = await listStays(ctx.db, actor, request.query);
    await recordRead(ctx.db, actor, {
      action: 'stay.list', resourceType: 'stay', regionCode: request.query.region ?? actor.areaCode,
      detail: { query: request.query, returned: rows.map((r) => r.id) },
    });
    return { items: rows.map((r) => presentStay(actor, r)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

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
    const lang = languageOf(request.headers['accept-language']);
    const name = `sinergi-tamu-wna-${new Date().toISOString().slice(0, 10)}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'xlsx') return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await staysXlsx(actor, views, lang));
    return reply.type('text/csv; charset=utf-8').send(staysCsv(actor, views, lang));
  });

  app.get<{ Params: { id: string } }>('/api/v1/stays/:id', {
    config: { access: gate('stay', 'list', onRecord('stay', 'read')) },
    schema: { tags: ['stays'], summary: 'One stay with the guest\'s details (audited)', params: idParams, response: { 200: stayJson, ...problems(401, 403, 404) } },
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
      tags: ['stays'], summary: 'Surat Tanda Terima Pelaporan Orang Asing (PDF): the receipt listing this stay and its group', params: idParams,
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
