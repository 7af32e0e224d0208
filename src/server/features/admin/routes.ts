import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { requireActor } from '../../http/actor';
import type { Actor } from '../../auth/actor';
import { ID, problems } from '../../http/schemas';
import { abilities, authorize } from '../../policies';
import { approveUser, rejectUser } from './accounts';
import { createAgency, createReporterOrg, createUser } from './commands';
import { gate, onRecord } from '../../http/access';
import {
  type AgencyInput, type ReporterOrgInput, type UserInput, agencyBody, agencyJson, reporterOrgBody, reporterOrgJson, userBody, userJson,
} from './schemas';

const list = (item: object) => ({ type: 'object', properties: { items: { type: 'array', items: item } } });

const presentAgency = (a: { id: string; kind: string; name: string; region_code: string }) => ({ id: a.id, kind: a.kind, name: a.name, regionCode: a.region_code });
const presentOrg = (o: { id: string; kind: string; lodging_type: string | null; name: string; address: string; village_code: string; verified_at: string | null }) =>
  ({ id: o.id, kind: o.kind, lodgingType: o.lodging_type, name: o.name, address: o.address, villageCode: o.village_code, verified: o.verified_at !== null });
type UserRow = { id: string; username: string; display_name: string; role: string; agency_id: string | null; area_code: string | null; reporter_org_id: string | null; active: number; approval: string; created_by?: string | null };
const presentUser = (actor: Actor, u: UserRow) => {
  const record = { createdBy: u.created_by ?? null, approval: u.approval };
  return {
    id: u.id, username: u.username, displayName: u.display_name, role: u.role, agencyId: u.agency_id, areaCode: u.area_code, reporterOrgId: u.reporter_org_id,
    active: Boolean(Number(u.active)), approval: u.approval, createdBy: record.createdBy,
    abilities: abilities(actor, 'user', { approve: 'approve', reject: 'reject' }, record),
  };
};
const userParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;
const rejectBody = { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } } } as const;

export function adminRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/admin/agencies', {
    config: { access: gate('agency', 'manage') },
    schema: { tags: ['admin'], operationId: 'listAgencies', summary: 'Agencies', response: { 200: list(agencyJson), ...problems(401, 403) } },
  }, async (request) => {
    authorize(requireActor(request), 'agency', 'manage');
    return { items: (await ctx.db.selectFrom('agencies').selectAll().orderBy('name').execute()).map(presentAgency) };
  });
  app.post<{ Body: AgencyInput }>('/api/v1/admin/agencies', {
    config: { access: gate('agency', 'manage') },
    schema: { tags: ['admin'], operationId: 'createAgency', summary: 'Create an agency', body: agencyBody, response: { 201: agencyJson, ...problems(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(presentAgency(await createAgency(ctx.db, requireActor(request), request.body))));

  app.get('/api/v1/admin/reporter-orgs', {
    config: { access: gate('agency', 'manage') },
    schema: { tags: ['admin'], operationId: 'listReporterOrgs', summary: 'Reporting organisations (lodgings, sponsors, private hosts)', response: { 200: list(reporterOrgJson), ...problems(401, 403) } },
  }, async (request) => {
    authorize(requireActor(request), 'agency', 'manage');
    return { items: (await ctx.db.selectFrom('reporter_orgs').selectAll().orderBy('name').execute()).map(presentOrg) };
  });
  app.post<{ Body: ReporterOrgInput }>('/api/v1/admin/reporter-orgs', {
    config: { access: gate('agency', 'manage') },
    schema: { tags: ['admin'], operationId: 'createReporterOrg', summary: 'Register a reporting organisation', body: reporterOrgBody, response: { 201: reporterOrgJson, ...problems(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(presentOrg(await createReporterOrg(ctx.db, requireActor(request), request.body))));

  app.get('/api/v1/admin/users', {
    config: { access: gate('user', 'manage') },
    schema: { tags: ['admin'], operationId: 'listUsers', summary: 'User accounts', response: { 200: list(userJson), ...problems(401, 403) } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'user', 'manage');
    return { items: (await ctx.db.selectFrom('users').selectAll().orderBy('username').execute()).map((u) => presentUser(actor, u)) };
  });
  app.post<{ Body: UserInput }>('/api/v1/admin/users', {
    config: { access: gate('user', 'manage') },
    schema: { tags: ['admin'], operationId: 'createUser', summary: 'Create a user account', body: userBody, response: { 201: userJson, ...problems(400, 401, 403) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.status(201).send(presentUser(actor, await createUser(ctx.db, actor, request.body)));
  });

  const loadUser = async (actor: Actor, id: string) => presentUser(actor, await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  app.post<{ Params: { id: string } }>('/api/v1/admin/users/:id/approve', {
    config: { access: gate('user', 'manage', onRecord('user', 'approve')) },
    schema: {
      tags: ['admin'], operationId: 'approveUser', summary: 'Approve an account awaiting approval (a second administrator, not its creator)',
      params: userParams, response: { 200: userJson, ...problems(401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return loadUser(actor, await approveUser(ctx.db, actor, request.params.id));
  });
  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/admin/users/:id/reject', {
    config: { access: gate('user', 'manage', onRecord('user', 'reject')) },
    schema: {
      tags: ['admin'], operationId: 'rejectUser', summary: 'Turn down an account awaiting approval, with a reason',
      params: userParams, body: rejectBody, response: { 200: userJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return loadUser(actor, await rejectUser(ctx.db, actor, request.params.id, request.body.reason));
  });
}
