import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { ID, pageQuery, problems } from '../../http/schemas';
import { authorize, ensureVisible } from '../../policies';
import { ifSees } from '../../policies/fields';
import { scopeFor } from '../../policies/scope';
import { canSee } from './commands';
import { loadStayRecord } from './queries';
import { renderReceiptPdf } from './receipt';
import { presentReceipt, receiptJson, verifyUrl } from './receipt-view';
import { receiptToken } from './receipt-token';

// Receipts never expire: a reporter lists its own (newest first) and downloads any of them
// again. A receipt is named by its number, e.g. STTP/73.12/20261130/000042; in a URL either
// percent-encode the slashes (STTP%2F73.12%2F20261130%2F000042.pdf) or write them as dashes
// (STTP-73.12-20261130-000042.pdf).

/**
 * The public base URL a receipt's QR points to: SINERGI_PUBLIC_URL (default http://localhost:<PORT>),
 * never a request's Host header, which a client chooses.
 */
export function publicBase(ctx: AppContext, _request?: FastifyRequest): string {
  return ctx.config.publicUrl;
}

/** A receipt number from its URL form (dashed or percent-decoded). */
export function receiptNumberFrom(param: string): string {
  return param.includes('/') ? param : param.replace(/^STTP-([\d.]+)-(\d{8})-(\d+)$/, 'STTP/$1/$2/$3');
}

const idParams = { type: 'object', required: ['id'], properties: { id: ID } } as const;

export function receiptsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { page: number; pageSize: number } }>('/api/v1/receipts', {
    config: { access: gate('receipt', 'list') },
    schema: {
      tags: ['receipts'], operationId: 'listReceipts', summary: 'The caller\'s receipts, newest first (a reporter: its own)',
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
                  receiptNumber: { type: 'string' }, stayId: { type: 'string' }, createdAt: { type: 'string' }, guests: { type: 'integer' },
                  headName: { type: ['string', 'null'] }, lodging: { type: ['string', 'null'] }, pdfUrl: { type: 'string' }, verifyUrl: { type: 'string' },
                },
              },
            },
            total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' },
          },
        },
        ...problems(400, 401, 403),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { page, pageSize } = request.query;
    const scope = scopeFor(actor);
    // a receipt is its head stay: the one whose number is the group's
    const heads = ctx.db.selectFrom('stays').innerJoin('reporter_orgs as lodging', 'lodging.id', 'stays.lodging_id')
      .where((eb) => scope.where(eb, { region: 'stays.region_code', org: 'stays.lodging_id' }))
      .whereRef('stays.receipt_group', '=', 'stays.receipt_number');
    const total = await heads.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await heads.select((eb) => [
      'stays.id', 'stays.receipt_number', 'stays.created_at', 'stays.reported_surname', 'stays.reported_given_names', 'lodging.name',
      eb.selectFrom('stays as member').whereRef('member.receipt_group', '=', 'stays.receipt_number').select((e) => e.fn.countAll<number>().as('n')).as('guests'),
    ]).orderBy('stays.created_at', 'desc').orderBy('stays.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
    await recordRead(ctx.db, actor, {
      action: 'receipt.list', resourceType: 'stay', regionCode: actor.areaCode, detail: { page, returned: rows.map((r) => r.id) },
    });
    const base = publicBase(ctx, request);
    return {
      items: rows.map((r) => ({
        receiptNumber: r.receipt_number, stayId: r.id, createdAt: r.created_at, guests: Number(r.guests),
        headName: ifSees(actor, 'identity', `${r.reported_surname ?? ''}${r.reported_given_names ? `, ${r.reported_given_names}` : ''}`),
        lodging: ifSees(actor, 'whereabouts', r.name),
        pdfUrl: `/api/v1/receipts/${r.receipt_number.replaceAll('/', '-')}.pdf`,
        verifyUrl: verifyUrl(base, receiptToken(ctx.receiptKey, r.id)),
      })),
      total: Number(total.n), page, pageSize,
    };
  });

  app.get<{ Params: { number: string } }>('/api/v1/receipts/:number.pdf', {
    config: { access: gate('receipt', 'list', onRecord('receipt', 'read')) },
    schema: {
      tags: ['receipts'], operationId: 'getReceiptPdf', summary: 'A receipt as PDF: every guest it lists',
      description: 'number: the receipt number with its slashes percent-encoded or written as dashes (STTP-73.12-20261130-000042).',
      params: { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 1, maxLength: 64 } } },
      produces: ['application/pdf'], response: { 200: { type: 'string', format: 'binary' }, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const number = receiptNumberFrom(request.params.number);
    const head = await ctx.db.selectFrom('stays').select('id').where('receipt_number', '=', number).where('receipt_group', '=', number).executeTakeFirst();
    const stay = head ? await loadStayRecord(ctx.db, head.id) : undefined;
    ensureVisible(stay !== undefined && canSee(actor, stay));
    authorize(actor, 'receipt', 'read', stay);
    return sendPdf(ctx, request, reply, actor, stay);
  });

  app.get<{ Params: { id: string } }>('/api/v1/stays/:id/receipt', {
    config: { access: gate('stay', 'list', onRecord('stay', 'read')) },
    schema: {
      tags: ['receipts'], operationId: 'getStayReceiptData', summary: 'The receipt listing this stay, as the PDF prints it (audited)',
      params: idParams, response: { 200: receiptJson, ...problems(401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const stay = await loadStayRecord(ctx.db, request.params.id);
    ensureVisible(stay !== undefined && canSee(actor, stay));
    authorize(actor, 'stay', 'read', stay);
    await recordRead(ctx.db, actor, { action: 'receipt.read', resourceType: 'stay', resourceId: stay.id, regionCode: stay.region_code });
    return presentReceipt(ctx.db, ctx.receiptKey, stay, actor, publicBase(ctx, request));
  });
}

/** The receipt of a loaded, authorized stay as a PDF (audited as an export). */
export async function sendPdf(
  ctx: AppContext, request: FastifyRequest, reply: import('fastify').FastifyReply, actor: ReturnType<typeof requireActor>,
  stay: NonNullable<Awaited<ReturnType<typeof loadStayRecord>>>,
) {
  await recordRead(ctx.db, actor, { action: 'receipt.export', resourceType: 'stay', resourceId: stay.id, regionCode: stay.region_code });
  const view = await presentReceipt(ctx.db, ctx.receiptKey, stay, actor, publicBase(ctx, request));
  return reply.type('application/pdf')
    .header('content-disposition', `inline; filename="${view.receiptNumber.replaceAll('/', '-')}.pdf"`).send(await renderReceiptPdf(view));
}
