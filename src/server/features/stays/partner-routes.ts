import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { requireActor } from '../../http/actor';
import { fieldErrorFromAjv, MAX_PROBLEMS, problemOfError } from '../../http/problems';
import { problems } from '../../http/schemas';
import { compileBodyValidator } from '../../http/validator';
import { languageOf } from '../../i18n/messages';
import { gate, onRecord } from '../../http/access';
import { presentCheckIn, visibleFindings } from './presenters';
import { type BatchItemResult, checkInBatch, dryRunCheckIn } from './partner';
import { screenReported } from '../screening/raise';
import { batchBody, batchResult, checkInBodyWithExamples, MAX_BATCH, validateResult } from './partner-schemas';
import { type CheckInInput, checkInBody } from './schemas';

// The partner API's own routes (hotel software): a dry run and a batch. The paths carry a
// literal colon (Google's custom-method style); Fastify writes it `::`.

const checkItem = compileBodyValidator(checkInBody);

export function partnerRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: CheckInInput }>('/api/v1/stays::validate', {
    config: { access: gate('stay', 'report', onRecord('stay', 'create')) },
    schema: {
      tags: ['stays'], operationId: 'validateStay', summary: 'Check a check-in without storing it: every problem, or the findings',
      description: 'Runs the same checks as POST /api/v1/stays and answers 200 either way: `valid` with the findings per guest, or the problem '
        + 'the check-in would answer. Nothing is stored: no stay, no receipt number, no audit entry.',
      body: checkInBodyWithExamples, response: { 200: validateResult, ...problems(400, 401, 403, 415) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const outcome = await dryRunCheckIn(ctx.db, actor, request.body);
    if ('problem' in outcome) return { valid: false, findings: [], problem: problemOfError(languageOf(request.headers['accept-language']), outcome.problem) };
    return { valid: true, findings: outcome.findings.map((f) => visibleFindings(actor, JSON.stringify(f))) };
  });

  app.post<{ Body: { items: unknown[] } }>('/api/v1/stays::batch', {
    bodyLimit: 4 * 1024 * 1024, // 500 families; the input guard still bounds width and depth
    // one answer for the whole batch, stored in the batch's transaction
    // 500 families of three are about 40,000 values; the input guard's default is 1,000 per body
    config: { access: gate('stay', 'report', onRecord('stay', 'create')), idempotency: 'inTransaction', maxInputValues: 50_000 },
    schema: {
      tags: ['stays'], operationId: 'createStaysBatch', summary: `Check in up to ${MAX_BATCH} submissions at once, each on its own`,
      description: 'Each item is a POST /api/v1/stays body (a guest, or a family with members) and gets its own result: 201 with the receipt, '
        + 'or its problem. Valid items are stored even when others fail. One Idempotency-Key covers the whole batch: a replay returns '
        + 'the same results and stores nothing; the same key with another body is a 409.',
      body: batchBody, response: { 200: batchResult, ...problems(400, 401, 403, 409, 413, 415) },
    },
    // the envelope is checked here; each item against the check-in schema in the handler,
    // so one bad item answers its own problem instead of failing the batch
    // (other parts: the Idempotency-Key header is checked by the idempotency mechanism itself)
    validatorCompiler: ({ httpPart }) => (httpPart !== 'body' ? (data: unknown) => ({ value: data }) : (data: unknown) => {
      const body = data as { items?: unknown } | null;
      const ok = !!body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).every((k) => k === 'items')
        && Array.isArray(body.items) && body.items.length >= 1 && body.items.length <= MAX_BATCH;
      return ok ? { value: data } : { error: new AppError(400, 'validation', [{ field: 'items', key: 'field.batch_items', params: { limit: MAX_BATCH } }]) };
    }),
  }, async (request) => {
    const actor = requireActor(request);
    const lang = languageOf(request.headers['accept-language']);
    const bad = new Map<number, AppError>();
    for (const [i, item] of request.body.items.entries()) {
      if (checkItem(item)) continue;
      const seen = new Set<string>();
      const errors = (checkItem.errors ?? []).slice(0, 10 * MAX_PROBLEMS).map((e) => fieldErrorFromAjv(e as Parameters<typeof fieldErrorFromAjv>[0])).filter((e) => !seen.has(e.field) && seen.add(e.field));
      bad.set(i, new AppError(400, 'validation', errors));
    }
    const present = (results: BatchItemResult[]) => ({
      stored: results.filter((r) => r.status === 201).length,
      failed: results.filter((r) => r.status !== 201).length,
      items: results.map((r) => ('result' in r ? { index: r.index, status: 201, ...presentCheckIn(actor, r.result) } : { index: r.index, status: r.status, problem: problemOfError(lang, r.problem) })),
    });
    const idem = request.idempotency;
    const results = await checkInBatch(ctx.db, actor, request.body.items as CheckInInput[], bad,
      idem ? (trx, r) => idem.store(trx, 200, present(r)) : undefined);
    // every stored guest is screened before the answer goes back, as a single check-in is
    await screenReported(ctx, request.log, results.flatMap((r) => ('result' in r ? [r.result.id, ...r.result.members.map((m) => m.id)] : [])));
    void ctx.relay.kick();
    return present(results);
  });
}
