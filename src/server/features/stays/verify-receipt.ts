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
import { gate } from '../../http/access';

// An officer scans the QR on a receipt a foreigner or a lodging shows: is it one Sinergi
// issued, unaltered? Details of the stay come back only inside the officer's own area.

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function verifyReceiptRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { code: string } }>('/api/v1/receipts/verify', {
    config: { access: gate('receipt', 'verify') },
    schema: {
      tags: ['stays'], summary: 'Check the QR code of a receipt (officers)',
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
    const [tag, receiptNumber = '', stayId = '', signature = ''] = request.body.code.trim().split('|');
    const signed = tag === 'SINERGI1' && sameText(signature, receiptSignature(ctx.receiptKey, receiptNumber, stayId));
    const stay = signed ? await loadStayRecord(ctx.db, stayId) : undefined;
    const valid = stay !== undefined && stay.receipt_number === receiptNumber;
    await recordRead(ctx.db, actor, {
      action: 'receipt.verify', resourceType: 'stay', resourceId: valid ? stayId : null, regionCode: stay?.region_code ?? null, detail: { receiptNumber, valid },
    });
    const details = valid && scopeFor(actor).contains(stayScope(stay!)) && sees(actor, 'whereabouts')
      ? { lodging: stay!.lodging_name, arrivalDate: stay!.arrival_date, departureDate: stay!.departure_date, nationality: stay!.nationality }
      : null;
    return { valid, receiptNumber, stay: details };
  });
}
