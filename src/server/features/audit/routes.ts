import type { FastifyInstance } from 'fastify';
import { appendAudit, verifyAuditChain } from '../../audit/log';
import { foldPending } from '../../audit/pending';
import type { AppContext } from '../../context';
import { requireActor } from '../../http/actor';
import { DATE, problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { listPendingAccounts } from '../admin/accounts';
import { type EntryFilter, auditStatus, listCheckpoints, listEntries, storeVerification } from './queries';
import { gate } from '../../http/access';

// The auditor's screen: the trail, the accounts awaiting a second approval, the checkpoints
// and the last verification. Reading the trail is itself not audited per page (it holds no
// personal data); running a verification is.

const PAGE = { page: { type: 'integer', minimum: 1, maximum: 10000, default: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 50 } } as const;
const TEXT = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const entriesQuery = {
  type: 'object', additionalProperties: false,
  properties: { actor: TEXT(64), resourceId: TEXT(100), action: TEXT(64), from: DATE, to: DATE, q: TEXT(200), ...PAGE },
} as const;
const pageOnly = { type: 'object', additionalProperties: false, properties: PAGE } as const;
const brokenJson = { type: ['object', 'null'], properties: { seq: { type: 'integer' }, reason: { type: 'string' } } } as const;
const verificationJson = {
  type: 'object',
  properties: { ok: { type: 'boolean' }, entries: { type: 'integer' }, firstBroken: brokenJson, at: { type: 'string' }, by: { type: 'string' } },
} as const;
const entryJson = {
  type: 'object',
  properties: {
    seq: { type: 'integer' }, at: { type: 'string' }, actor: { type: ['string', 'null'] }, action: { type: 'string' }, resourceType: { type: 'string' },
    resourceId: { type: ['string', 'null'] }, regionCode: { type: ['string', 'null'] }, purpose: { type: ['string', 'null'] },
    detail: { type: 'object', additionalProperties: true }, hash: { type: 'string' },
  },
} as const;
const checkpointJson = {
  type: 'object', properties: { seq: { type: 'integer' }, hash: { type: 'string' }, at: { type: 'string' }, keyId: { type: 'string' }, signature: { type: 'string' } },
} as const;
const pendingAccountJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, username: { type: 'string' }, displayName: { type: 'string' }, role: { type: 'string' }, agencyId: { type: ['string', 'null'] },
    areaCode: { type: ['string', 'null'] }, createdAt: { type: 'string' }, createdBy: { type: ['string', 'null'] }, createdByUsername: { type: ['string', 'null'] },
  },
} as const;
const paged = (item: object) => ({
  type: 'object', properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
});

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: EntryFilter }>('/api/v1/audit/entries', {
    config: { access: gate('audit', 'view') },
    schema: {
      tags: ['audit'], operationId: 'listAuditEntries', summary: 'The audit trail, newest first (auditors)',
      description: 'Filters: actor (username), resourceId (a resource or a person/receipt id named in the entry), action, from/to (UTC dates), q (text in the detail, e.g. a purpose).',
      querystring: entriesQuery, response: { 200: paged(entryJson), ...problems(400, 401, 403) },
    },
  }, async (request) => {
    authorize(requireActor(request), 'audit', 'view');
    await foldPending(ctx.db); // reads logged a moment ago belong in the answer
    const { total, items } = await listEntries(ctx.db, request.query);
    return { items, total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get<{ Querystring: { page: number; pageSize: number } }>('/api/v1/audit/checkpoints', {
    config: { access: gate('audit', 'view') },
    schema: { tags: ['audit'], operationId: 'listAuditCheckpoints', summary: 'Signed checkpoints of the chain head, newest first', querystring: pageOnly, response: { 200: paged(checkpointJson), ...problems(400, 401, 403) } },
  }, async (request) => {
    authorize(requireActor(request), 'audit', 'view');
    const { total, items } = await listCheckpoints(ctx.db, request.query.page, request.query.pageSize);
    return { items, total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get('/api/v1/audit/status', {
    config: { access: gate('audit', 'view') },
    schema: {
      tags: ['audit'], operationId: 'getAuditStatus', summary: 'Head of the chain, pending reads, last checkpoint and last verification',
      response: {
        200: {
          type: 'object',
          properties: {
            lastVerification: { ...verificationJson, type: ['object', 'null'] },
            head: { type: ['object', 'null'], properties: { seq: { type: 'integer' }, hash: { type: 'string' }, at: { type: 'string' } } },
            pending: { type: 'integer' },
            lastCheckpoint: { type: ['object', 'null'], properties: { seq: { type: 'integer' }, at: { type: 'string' } } },
          },
        },
        ...problems(401, 403),
      },
    },
  }, async (request) => {
    authorize(requireActor(request), 'audit', 'view');
    return auditStatus(ctx.db);
  });

  app.post('/api/v1/audit/verify', {
    config: { access: gate('audit', 'verify') },
    schema: { tags: ['audit'], operationId: 'verifyAuditChain', summary: 'Verify the whole chain now and record the result (auditors)', response: { 200: verificationJson, ...problems(401, 403) } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'audit', 'verify');
    await foldPending(ctx.db);
    const report = await verifyAuditChain(ctx.db);
    const result = { ok: report.ok, entries: report.entries, firstBroken: report.firstBroken ?? null, at: new Date().toISOString(), by: actor.username };
    await storeVerification(ctx.db, result);
    await ctx.db.transaction().execute((trx) => appendAudit(trx, actor, {
      action: 'audit.verify', resourceType: 'audit_log', detail: { ok: result.ok, entries: result.entries, firstBroken: result.firstBroken },
    }));
    return result;
  });

  app.get('/api/v1/audit/pending-accounts', {
    config: { access: gate('user', 'listPending') },
    schema: {
      tags: ['audit'], operationId: 'listPendingAccounts', summary: 'Accounts awaiting a second administrator\'s approval (auditors and administrators)',
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: pendingAccountJson } } }, ...problems(401, 403) },
    },
  }, async (request) => ({ items: await listPendingAccounts(ctx.db, requireActor(request)) }));
}
