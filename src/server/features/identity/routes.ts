import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import type { IdentityConflictsTable } from '../../db/schema';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { ID, pageQuery, problems } from '../../http/schemas';
import { abilities } from '../../policies';
import { sees } from '../../policies/fields';
import { scopeFor } from '../../policies/scope';
import type { ConflictFields } from '../stays/identity';
import { type Decision, resolveConflict } from './commands';

// Identity conflicts: a report whose identity differs from its person's, side by side.

/** Birth date and passport expiry are document-group fields: shown only to those who see it. */
const DOCUMENT_FIELDS = new Set(['dateOfBirth', 'documentExpiry']);

function presentConflict(actor: Actor, c: IdentityConflictsTable) {
  const fields = JSON.parse(c.fields) as ConflictFields;
  const visible = Object.fromEntries(Object.entries(fields).filter(([f]) => !DOCUMENT_FIELDS.has(f) || sees(actor, 'document')));
  return {
    id: c.id, personId: c.person_id, stayId: c.stay_id, regionCode: c.region_code, fields: visible, status: c.status,
    resolution: c.resolution, reason: c.reason, resolvedAt: c.resolved_at, createdAt: c.created_at,
    abilities: abilities(actor, 'identity_conflict', { resolve: 'resolve' }, c),
  };
}

const conflictJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, personId: { type: 'string' }, stayId: { type: 'string' }, regionCode: { type: 'string' },
    fields: {
      type: 'object', description: 'field → { person, reported }; birth date and passport expiry only for agencies that see documents',
      additionalProperties: { type: 'object', properties: { person: { type: 'string' }, reported: { type: 'string' } } },
    },
    status: { type: 'string', enum: ['open', 'resolved'] }, resolution: { type: ['string', 'null'] }, reason: { type: ['string', 'null'] },
    resolvedAt: { type: ['string', 'null'] }, createdAt: { type: 'string' },
    abilities: { type: 'object', properties: { resolve: { type: 'boolean' } } },
  },
} as const;

export function identityRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { status?: 'open' | 'resolved'; page: number; pageSize: number } }>('/api/v1/identity-conflicts', {
    config: { access: gate('identity_conflict', 'list') },
    schema: {
      tags: ['persons'], operationId: 'listIdentityConflicts', summary: 'Identity conflicts in the caller\'s area (newest first)',
      querystring: { type: 'object', additionalProperties: false, properties: { ...pageQuery, status: { type: 'string', enum: ['open', 'resolved'] } } },
      response: {
        200: { type: 'object', properties: { items: { type: 'array', items: conflictJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } },
        ...problems(400, 401, 403),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { page, pageSize, status } = request.query;
    const scope = scopeFor(actor);
    let q = ctx.db.selectFrom('identity_conflicts').where((eb) => scope.where(eb, { region: 'identity_conflicts.region_code' }));
    if (status) q = q.where('status', '=', status);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute();
    await recordRead(ctx.db, actor, {
      action: 'identity_conflict.list', resourceType: 'identity_conflict', detail: { returned: rows.map((r) => r.id) },
    });
    return { items: rows.map((r) => presentConflict(actor, r)), total: Number(total.n), page, pageSize };
  });

  app.post<{ Params: { id: string }; Body: { decision: Decision; reason: string } }>('/api/v1/identity-conflicts/:id/resolve', {
    config: { access: gate('identity_conflict', 'list', onRecord('identity_conflict', 'resolve')) },
    schema: {
      tags: ['persons'], operationId: 'resolveIdentityConflict',
      summary: 'Decide a conflict (immigration): keep the person as recorded, or take what the report said',
      params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } },
      body: {
        type: 'object', required: ['decision', 'reason'], additionalProperties: false,
        properties: { decision: { type: 'string', enum: ['keep_person', 'take_reported'] }, reason: { type: 'string', minLength: 3, maxLength: 500 } },
        examples: [{ decision: 'keep_person', reason: 'Paspor diperiksa langsung: data orang sudah benar' }],
      },
      response: { 200: conflictJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => presentConflict(requireActor(request), await resolveConflict(ctx.db, requireActor(request), request.params.id, request.body)));
}
