import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { type PlanInput, type ResultsInput, planOperation, recordResults, visibleOperation } from './commands';
import { presentOperation, presentOperationDetail } from './presenters';
import { type OperationFilter, listOperations, loadOperationDetail, loadOperationRecord } from './queries';
import { renderOperationPdf } from './report';
import { idParams, listQuery, operationDetailJson, operationJson, planBody, resultsBody } from './schemas';

// Joint operations (operasi gabungan): plan, record field results, print the report.

const listJson = { type: 'object', properties: { items: { type: 'array', items: operationJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } } as const;

export function operationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const detailOf = async (actor: ReturnType<typeof requireActor>, id: string) =>
    presentOperationDetail(actor, await loadOperationDetail(ctx.db, (await loadOperationRecord(ctx.db, id))!));

  app.get<{ Querystring: OperationFilter }>('/api/v1/operations', {
    config: { access: gate('operation', 'list') },
    schema: { tags: ['operations'], operationId: 'listOperations', summary: 'Joint operations the caller may see, latest first', querystring: listQuery, response: { 200: listJson, ...problems(400, 401, 403) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { items, total } = await listOperations(ctx.db, actor, request.query);
    return { items: items.map((o) => presentOperation(actor, o)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post<{ Body: PlanInput }>('/api/v1/operations', {
    config: { access: gate('operation', 'plan') },
    schema: { tags: ['operations'], operationId: 'planOperation', summary: 'Plan a joint operation: date, area, targets and participants', body: planBody, response: { 201: operationDetailJson, ...problems(400, 401, 403) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await planOperation(ctx.db, actor, request.body);
    return reply.code(201).send(await detailOf(actor, row.id));
  });

  app.get<{ Params: { id: string } }>('/api/v1/operations/:id', {
    config: { access: gate('operation', 'list', onRecord('operation', 'read')) },
    schema: { tags: ['operations'], operationId: 'getOperation', summary: 'One operation: plan, participants, results and findings (audited)', params: idParams, response: { 200: operationDetailJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const op = await visibleOperation(ctx.db, actor, request.params.id);
    authorize(actor, 'operation', 'read', op);
    const out = presentOperationDetail(actor, await loadOperationDetail(ctx.db, op));
    await recordRead(ctx.db, actor, { action: 'operation.read', resourceType: 'operation', resourceId: op.id, regionCode: op.region_code, detail: { checks: out.checks.length } });
    return out;
  });

  app.post<{ Params: { id: string }; Body: ResultsInput }>('/api/v1/operations/:id/results', {
    config: { access: gate('operation', 'list', onRecord('operation', 'recordResults')) },
    schema: { tags: ['operations'], operationId: 'recordOperationResults', summary: 'Record field results: persons checked, documents seen, findings', params: idParams, body: resultsBody, response: { 200: operationDetailJson, ...problems(400, 401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    await recordResults(ctx.db, actor, request.params.id, request.body);
    return detailOf(actor, request.params.id);
  });

  app.get<{ Params: { id: string } }>('/api/v1/operations/:id/report.pdf', {
    config: { access: gate('operation', 'list', onRecord('operation', 'read')) },
    schema: {
      tags: ['operations'], operationId: 'getOperationReport', summary: 'Operation report as PDF (Indonesian; audited)', params: idParams,
      produces: ['application/pdf'], response: { 200: { type: 'string', format: 'binary' }, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const op = await visibleOperation(ctx.db, actor, request.params.id);
    authorize(actor, 'operation', 'read', op);
    const pdf = await renderOperationPdf(ctx.db, actor, await loadOperationDetail(ctx.db, op));
    await recordRead(ctx.db, actor, { action: 'operation.report', resourceType: 'operation', resourceId: op.id, regionCode: op.region_code, detail: { number: op.number } });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${op.number.replaceAll('/', '-')}.pdf"`).send(pdf);
  });
}
