import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { sees } from '../../policies/fields';
import { scopeFor } from '../../policies/scope';
import { loadStayRecord, stayScope } from './queries';
import { receiptSignature } from './receipt';
import { readReceiptToken, tokenFrom } from './receipt-token';
import { presentReceipt } from './receipt-view';
import { verifyPage } from './verify-page';
import { gate } from '../../http/access';

// Is a receipt one Sinergi issued, unaltered? Anyone holding it may ask at the public
// /verify/<token> page its QR code opens (no sign-in; it shows only what the receipt shows).
// An officer's scanner may also post the code to /api/v1/receipts/verify and, inside the
// officer's own area, get the stay's details.

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The receipt's head stay id from a code: the current token (bare or as verify URL) or the first receipts' SINERGI1 payload. */
async function stayOfCode(ctx: AppContext, code: string): Promise<{ stayId: string; receiptNumber: string | null } | null> {
  const token = tokenFrom(code);
  if (token) {
    const stayId = readReceiptToken(ctx.receiptKey, token);
    return stayId ? { stayId, receiptNumber: null } : null;
  }
  const [tag, receiptNumber = '', stayId = '', signature = ''] = code.trim().split('|');
  const signed = tag === 'SINERGI1' && sameText(signature, receiptSignature(ctx.receiptKey, receiptNumber, stayId));
  return signed ? { stayId, receiptNumber } : null;
}

export function verifyReceiptRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { code: string } }>('/api/v1/receipts/verify', {
    config: { access: gate('receipt', 'verify') },
    schema: {
      tags: ['stays'], operationId: 'verifyReceipt', summary: 'Check the QR code of a receipt (officers)',
      description: 'code: what the QR holds (the verify URL or its token; the first receipts\' SINERGI1|... payload is still accepted).',
      body: { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', minLength: 1, maxLength: 300 } } },
      response: {
        200: {
          type: 'object',
          properties: {
            valid: { type: 'boolean' }, receiptNumber: { type: 'string' },
            stay: { type: ['object', 'null'], properties: { lodging: { type: 'string' }, arrivalDate: { type: 'string' }, departureDate: { type: ['string', 'null'] }, nationality: { type: 'string' } } },
          },
        },
        ...problems(400, 401, 403),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'receipt', 'verify');
    const found = await stayOfCode(ctx, request.body.code);
    const stay = found ? await loadStayRecord(ctx.db, found.stayId) : undefined;
    const valid = stay !== undefined && (found!.receiptNumber === null ? stay.receipt_number === (stay.receipt_group ?? stay.receipt_number) : stay.receipt_number === found!.receiptNumber);
    const receiptNumber = valid ? stay!.receipt_number : (found?.receiptNumber ?? '');
    await recordRead(ctx.db, actor, {
      action: 'receipt.verify', resourceType: 'stay', resourceId: valid ? stay!.id : null, regionCode: stay?.region_code ?? null, detail: { receiptNumber, valid },
    });
    const details = valid && scopeFor(actor).contains(stayScope(stay!)) && sees(actor, 'whereabouts')
      ? { lodging: stay!.lodging_name, arrivalDate: stay!.arrival_date, departureDate: stay!.departure_date, nationality: stay!.nationality }
      : null;
    return { valid, receiptNumber, stay: details };
  });

  // A public page, not an API route: no sign-in, HTML for a phone's browser, rate-limited.
  app.get<{ Params: { token: string } }>('/verify/:token', {
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { hide: true, params: { type: 'object', properties: { token: { type: 'string', maxLength: 100 } } } },
  }, async (request, reply) => {
    const stayId = readReceiptToken(ctx.receiptKey, request.params.token);
    const stay = stayId ? await loadStayRecord(ctx.db, stayId) : undefined;
    const genuine = stay !== undefined && stay.receipt_number === (stay.receipt_group ?? stay.receipt_number);
    const view = genuine ? await presentReceipt(ctx.db, ctx.receiptKey, stay, 'public', '') : null;
    // who asked is unknown; that a receipt was checked is still on record (no personal data in the entry)
    await recordRead(ctx.db, null, {
      action: 'receipt.verify_public', resourceType: 'stay', resourceId: genuine ? stay.id : null, regionCode: stay?.region_code ?? null,
      detail: { genuine },
    });
    return reply.status(genuine ? 200 : 404).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex').send(verifyPage(view));
  });
}
