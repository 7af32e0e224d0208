import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { sees } from '../../policies/fields';
import { screenReported } from '../screening/raise';
import { presentStay } from '../stays/presenters';
import { listStays, type StayListFilter } from '../stays/queries';
import { reportResidence, reportWorker } from './commands';
import {
  type ResidenceReportInput, type WorkReportInput, reportResult, residenceReportBody, workReportBody, workReportList, workReportListQuery,
} from './schemas';

// Work reports (lapor tenaga kerja asing) and residence reports (lapor orang asing tinggal
// bersama). Both are stays of their kind: read, print and end them through /api/v1/stays
// (ending an employment or a residence is POST /api/v1/stays/{id}/checkout).

export function workReportsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: WorkReportInput }>('/api/v1/work-reports', {
    config: { access: gate('workReport', 'create') },
    schema: {
      tags: ['work-reports'], operationId: 'createWorkReport', summary: 'Report a foreign worker (lapor tenaga kerja asing)',
      description: 'For a verified company or sponsor. The report belongs to the worksite\'s village; the answer is the receipt. '
        + 'End the employment with POST /api/v1/stays/{id}/checkout.',
      body: workReportBody, response: { 201: reportResult, ...problems(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await reportWorker(ctx.db, actor, request.body);
    await screenReported(ctx, request.log, [result.id]); // workers are screened like every reported foreigner
    void ctx.relay.kick();
    return reply.status(201).send({ ...result, personId: sees(actor, 'screening') ? result.personId : null });
  });

  app.get<{ Querystring: Omit<StayListFilter, 'reportKind'> }>('/api/v1/work-reports', {
    config: { access: gate('workReport', 'list') },
    schema: {
      tags: ['work-reports'], operationId: 'listWorkReports',
      summary: 'Foreign workers: a company\'s own, or those in an officer\'s area (employment as the field matrix allows; audited)',
      querystring: workReportListQuery, response: { 200: workReportList, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { rows, total } = await listStays(ctx.db, actor, { ...request.query, reportKind: 'work' });
    await recordRead(ctx.db, actor, {
      action: 'stay.list', resourceType: 'stay', regionCode: request.query.region ?? actor.areaCode,
      detail: { query: { ...request.query, reportKind: 'work' }, returned: rows.map((r) => r.id) },
    });
    return { items: rows.map((r) => presentStay(actor, r)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post<{ Body: ResidenceReportInput }>('/api/v1/residence-reports', {
    config: { access: gate('residenceReport', 'create') },
    schema: {
      tags: ['work-reports'], operationId: 'createResidenceReport',
      summary: 'Report a foreigner living with a private host (lapor orang asing tinggal bersama)',
      description: 'For a verified private host; the address is the host\'s own. End it with POST /api/v1/stays/{id}/checkout.',
      body: residenceReportBody, response: { 201: reportResult, ...problems(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await reportResidence(ctx.db, actor, request.body);
    await screenReported(ctx, request.log, [result.id]);
    void ctx.relay.kick();
    return reply.status(201).send({ ...result, personId: sees(actor, 'screening') ? result.personId : null });
  });
}
