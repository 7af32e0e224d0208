import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { createAgency, createReporterOrg, createUser } from './commands';
import { gate } from '../../http/access';
import {
  type AgencyInput, type ReporterOrgInput, type UserInput, agencyBody, agencyJson, reporterOrgBody, reporterOrgJson, userBody, userJson,
} from './schemas';

const list = (item: object) => ({ type: 'object', properties: { items: { type: 'array', items: item } } });

const presentAgency = (a: { id: string; kind: string; name: string; region_code: string }) => ({ id: a.id, kind: a.kind, name: a.name, regionCode: a.region_code });
const presentOrg = (o: { id: string; kind: string; lodging_type: string | null; name: string; address: string; village_code: string; verified_at: string | null }) =>
  ({ id: o.id, kind: o.kind, lodgingType: o.lodging_type, name: o.name, address: o.address, villageCode: o.village_code, verified: o.verified_at !== null });
const presentUser = (u: { id: string; username: string; display_name: string; role: string; agency_id: string | null; area_code: string | null; reporter_org_id: string | null; active: number }) =>
  ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role, agencyId: u.agency_id, areaCode: u.area_code, reporterOrgId: u.reporter_org_id, active: Boolean(Number(u.active)) });

export function adminRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/admin/agencies', {
    config: { access: gate('agency', 'manage') },
    schema: { tags: ['admin'], summary: 'Agencies', response: { 200: list(agencyJson), ...problems(401, 403) } },
  }, async (request) => {
    authorize(requireActor(request), 'agency', 'manage');
    return { items: (await ctx.db.selectFrom('agencies').selectAll().orderBy('name').execute()).map(presentAgency) };
  });
  app.post<{ Body: AgencyInput }>('/api/v1/admin/agencies', {
    config: { access: gate('agency', 'manage') },
    schema: { tags: ['admin'], summary: 'Create an agency', body: agencyBody, response: { 201: agencyJson, ...problems(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(presentAgency(await createAgency(ctx.db, requireActor(request), request.body))));

  app.get('/api/v1/admin/reporter-orgs', {
    config: { access: gate('agency', 'manage') },
    schema: { tags: ['admin'], summary: 'Reporting organisations (lodgings, sponsors, private hosts)', response: { 200: list(reporterOrgJson), ...problems(401, 403) } },
  }, async (request) => {
    authorize(requireActor(request), 'agency', 'manage');
    return { items: (await ctx.db.selectFrom('reporter_orgs').selectAll().orderBy('name').execute()).map(presentOrg) };
  });
  app.post<{ Body: ReporterOrgInput }>('/api/v1/admin/reporter-orgs', {
    config: { access: gate('agency', 'manage') },
    schema: { tags: ['admin'], summary: 'Register a reporting organisation', body: reporterOrgBody, response: { 201: reporterOrgJson, ...problems(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(presentOrg(await createReporterOrg(ctx.db, requireActor(request), request.body))));

  app.get('/api/v1/admin/users', {
    config: { access: gate('user', 'manage') },
    schema: { tags: ['admin'], summary: 'User accounts', response: { 200: list(userJson), ...problems(401, 403) } },
  }, async (request) => {
    authorize(requireActor(request), 'user', 'manage');
    return { items: (await ctx.db.selectFrom('users').selectAll().orderBy('username').execute()).map(presentUser) };
  });
  app.post<{ Body: UserInput }>('/api/v1/admin/users', {
    config: { access: gate('user', 'manage') },
    schema: { tags: ['admin'], summary: 'Create a user account', body: userBody, response: { 201: userJson, ...problems(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(presentUser(await createUser(ctx.db, requireActor(request), request.body))));
}
