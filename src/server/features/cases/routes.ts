import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { type AttachInput, attachFile, loadAttachment } from './attachments';
import { type CaseStep, type OpenCaseInput, openCase, stepCase, visibleCase } from './commands';
import { presentCase, presentCaseDetail } from './presenters';
import { type CaseFilter, assignableAgencies, listCases, loadCaseDetail } from './queries';
import {
  actBody, assignBody, attachBody, caseDetailJson, caseJson, closeBody, commentBody, idParams, listQuery, openBody, openFromAlertBody, personBody, startBody,
} from './schemas';
import { alertForCase } from './sources';

// Cases (temuan dan tindak lanjut): open from a source, work to an action, close; the detail
// carries the whole timeline. Reads are audited; every step is a command with its audit entry.

const listJson = { type: 'object', properties: { items: { type: 'array', items: caseJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } } as const;
const agenciesJson = {
  type: 'array',
  items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, members: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } } } },
} as const;
const ATTACH_BODY_LIMIT = 8 * 1024 * 1024;

export function casesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const detail = async (actor: ReturnType<typeof requireActor>, id: string) => presentCaseDetail(actor, await loadCaseDetail(ctx.db, id));

  app.get<{ Querystring: CaseFilter }>('/api/v1/cases', {
    config: { access: gate('case', 'list') },
    schema: { tags: ['cases'], operationId: 'listCases', summary: 'Cases the caller may see, newest activity first', querystring: listQuery, response: { 200: listJson, ...problems(400, 401, 403) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { items, total } = await listCases(ctx.db, actor, request.query);
    await recordRead(ctx.db, actor, { action: 'case.list', resourceType: 'case', detail: { query: request.query, returned: items.map((c) => c.id) } });
    return { items: items.map((c) => presentCase(actor, c)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get('/api/v1/cases/agencies', {
    config: { access: gate('case', 'list') },
    schema: { tags: ['cases'], operationId: 'listCaseAgencies', summary: 'Agencies (and their officers) a case of the caller\'s area can be assigned to', response: { 200: agenciesJson, ...problems(401, 403) } },
  }, async (request) => assignableAgencies(ctx.db, requireActor(request)));

  app.post<{ Body: OpenCaseInput }>('/api/v1/cases', {
    config: { access: gate('case', 'open') },
    schema: { tags: ['cases'], operationId: 'openCase', summary: 'Open a case from a stay, a sighting, an operation finding or an alert (its region comes from the source)', body: openBody, response: { 201: caseDetailJson, ...problems(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await openCase(ctx.db, actor, request.body);
    void ctx.relay.kick();
    return reply.code(201).send(await detail(actor, row.id));
  });

  app.post<{ Params: { id: string }; Body: Partial<Omit<OpenCaseInput, 'source'>> }>('/api/v1/alerts/:id/case', {
    config: { access: gate('case', 'open', onRecord('alert', 'read')) },
    schema: { tags: ['cases', 'alerts'], operationId: 'openCaseFromAlert', summary: 'Open a case from an alert (the alert\'s history links to it)', params: idParams, body: openFromAlertBody, response: { 201: caseDetailJson, ...problems(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const alert = await alertForCase(ctx.db, actor, request.params.id);
    const body = request.body ?? {};
    const row = await openCase(ctx.db, actor, { ...body, title: body.title ?? `Tindak lanjut peringatan ${alert.rule}`, source: { kind: 'alert', id: alert.id } });
    void ctx.relay.kick();
    return reply.code(201).send(await detail(actor, row.id));
  });

  app.get<{ Params: { id: string } }>('/api/v1/cases/:id', {
    config: { access: gate('case', 'list', onRecord('case', 'read')) },
    schema: { tags: ['cases'], operationId: 'getCase', summary: 'One case with its timeline, persons and attachments (audited)', params: idParams, response: { 200: caseDetailJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await visibleCase(ctx.db, actor, request.params.id);
    authorize(actor, 'case', 'read', row);
    const out = await detail(actor, row.id);
    await recordRead(ctx.db, actor, { action: 'case.read', resourceType: 'case', resourceId: row.id, regionCode: row.region_code, detail: { personIds: out.persons.map((p) => p.id) } });
    return out;
  });

  type StepAction = 'assign' | 'start' | 'act' | 'close' | 'comment' | 'linkPerson';
  const step = <B>(path: string, operationId: string, summary: string, body: object, action: StepAction, toStep: (b: B) => CaseStep) => {
    app.post<{ Params: { id: string }; Body: B }>(`/api/v1/cases/:id/${path}`, {
      config: { access: gate('case', 'list', onRecord('case', action)) },
      schema: { tags: ['cases'], operationId, summary, params: idParams, body, response: { 200: caseDetailJson, ...problems(400, 401, 403, 404, 409) } },
    }, async (request) => {
      const actor = requireActor(request);
      const row = await stepCase(ctx.db, actor, request.params.id, toStep((request.body ?? {}) as B));
      void ctx.relay.kick();
      return detail(actor, row.id);
    });
  };
  step<{ agencyId: string; userId?: string }>('assign', 'assignCase', 'Assign the case to an agency (and one of its officers)', assignBody, 'assign', (b) => ({ kind: 'assign', ...b }));
  step<{ note?: string }>('start', 'startCase', 'Mark the case in progress', startBody, 'start', (b) => ({ kind: 'start', ...b }));
  step<{ action: 'administrative' | 'criminal_handover' | 'no_action'; measure?: 'deportation' | 'detention' | 'fine' | 'entry_ban' | 'other'; note: string }>(
    'action', 'recordCaseAction', 'Record the action taken: administrative immigration action (immigration only), hand-over for criminal proceedings, or no action with a reason', actBody, 'act', (b) => ({ kind: 'act', ...b }));
  step<{ note?: string }>('close', 'closeCase', 'Close a case whose action is recorded', closeBody, 'close', (b) => ({ kind: 'close', ...b }));
  step<{ text: string }>('comments', 'commentCase', 'Add a comment to the case timeline', commentBody, 'comment', (b) => ({ kind: 'comment', ...b }));
  step<{ personId: string }>('persons', 'linkCasePerson', 'Link a person to the case', personBody, 'linkPerson', (b) => ({ kind: 'link_person', ...b }));
  step<{ personId: string }>('persons/remove', 'unlinkCasePerson', 'Remove a person from the case', personBody, 'linkPerson', (b) => ({ kind: 'unlink_person', ...b }));

  app.post<{ Params: { id: string }; Body: AttachInput }>('/api/v1/cases/:id/attachments', {
    bodyLimit: ATTACH_BODY_LIMIT,
    config: { access: gate('case', 'list', onRecord('case', 'attach')) },
    schema: { tags: ['cases'], operationId: 'attachCaseFile', summary: 'Attach a photo (JPEG, PNG) or a PDF of at most 5 MB to the case timeline', params: idParams, body: attachBody, response: { 201: caseDetailJson, ...problems(400, 401, 403, 404, 409, 413) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await attachFile(ctx.db, actor, request.params.id, request.body);
    void ctx.relay.kick();
    return reply.code(201).send(await detail(actor, request.params.id));
  });

  app.get<{ Params: { id: string } }>('/api/v1/case-attachments/:id', {
    config: { access: gate('case', 'list', onRecord('case', 'download')) },
    schema: {
      tags: ['cases'], operationId: 'downloadCaseAttachment', summary: 'Download a case attachment (audited; always as a file, never shown inline)', params: idParams,
      response: { 200: { description: 'the file (image/jpeg, image/png or application/pdf)', type: 'string', format: 'binary' }, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const att = await loadAttachment(ctx.db, request.params.id);
    ensureVisible(att !== undefined && scopeFor(actor).contains({ regionCode: att.region_code }));
    authorize(actor, 'case', 'download', att);
    await recordRead(ctx.db, actor, {
      action: 'case.attachment.download', resourceType: 'case', resourceId: att.case_id, regionCode: att.region_code,
      detail: { attachmentId: att.id, filename: att.filename, sha256: att.sha256 },
    });
    return reply.type(att.content_type).header('content-disposition', `attachment; filename="${att.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(att.filename)}`)
      .header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').send(Buffer.from(att.data));
  });
}
