import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { ID, problems } from '../../http/schemas';
import { authorize, ensureVisible } from '../../policies';
import { addMember, editMember } from './commands';
import type { Position } from './policy';
import { presentTeamDetail, presentTeamSummary } from './presenters';
import { listCandidates, listMyTeams, loadTeamAccess, loadTeamDetail } from './queries';
import { addMemberBody, candidateJson, editMemberBody, idParams, membershipJson, teamDetailJson, teamSummaryJson } from './schemas';

// Timpora teams: "my teams", a team's page (decree, members by agency) and its membership.
// A team's decree is public: an existing team the caller may not open answers 403, not 404.

export function teamsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const team = async (id: string) => {
    const access = await loadTeamAccess(ctx.db, id);
    ensureVisible(access !== undefined);
    return access;
  };

  app.get('/api/v1/teams', {
    config: { access: gate('team', 'list') },
    schema: { tags: ['teams'], operationId: 'listMyTeams', summary: 'The Timpora teams the caller sits in (or formed); every team for an administrator', response: { 200: { type: 'array', items: teamSummaryJson }, ...problems(401, 403) } },
  }, async (request) => (await listMyTeams(ctx.db, requireActor(request))).map(presentTeamSummary));

  app.get<{ Params: { id: string } }>('/api/v1/teams/:id', {
    config: { access: gate('team', 'list', onRecord('team', 'read')) },
    schema: { tags: ['teams'], operationId: 'getTeam', summary: 'A team: decree, level, area, budget year, members by agency', params: idParams, response: { 200: teamDetailJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const access = await team(request.params.id);
    authorize(actor, 'team', 'read', access);
    return presentTeamDetail(actor, await loadTeamDetail(ctx.db, access.teamId), access);
  });

  app.get<{ Params: { id: string } }>('/api/v1/teams/:id/candidates', {
    config: { access: gate('team', 'list', onRecord('team', 'manage')) },
    schema: { tags: ['teams'], operationId: 'listTeamCandidates', summary: 'Accounts that can be added to the team (officers and field officers)', params: idParams, response: { 200: { type: 'array', items: candidateJson }, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const access = await team(request.params.id);
    authorize(actor, 'team', 'manage', access);
    return (await listCandidates(ctx.db)).map((u) => ({ id: u.id, displayName: u.display_name, username: u.username, agencyId: u.agency_id!, agencyName: u.agency_name }));
  });

  app.post<{ Params: { id: string }; Body: { userId: string; position: Position; joinedOn?: string } }>('/api/v1/teams/:id/members', {
    config: { access: gate('team', 'list', onRecord('team', 'manage')) },
    schema: { tags: ['teams'], operationId: 'addTeamMember', summary: 'Add a member with a position (audited); a person may sit in several teams', params: idParams, body: addMemberBody, response: { 201: membershipJson, ...problems(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const access = await team(request.params.id);
    authorize(actor, 'team', 'manage', access);
    const row = await addMember(ctx.db, actor, access, request.body);
    return reply.status(201).send(await presentMembership(row.id));
  });

  app.patch<{ Params: { id: string }; Body: { position?: Position; leftOn?: string | null } }>('/api/v1/team-memberships/:id', {
    config: { access: gate('team', 'list', onRecord('team', 'editMember')) },
    schema: { tags: ['teams'], operationId: 'editTeamMembership', summary: 'Change a member\'s position or set the leaving date (audited)', params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } }, body: editMemberBody, response: { 200: membershipJson, ...problems(400, 401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await ctx.db.selectFrom('team_memberships').select(['id', 'team_id']).where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound();
    const access = await team(row.team_id);
    authorize(actor, 'team', 'editMember', access);
    await editMember(ctx.db, actor, access, row.id, request.body);
    return presentMembership(row.id);
  });

  async function presentMembership(id: string) {
    const m = await ctx.db.selectFrom('team_memberships').innerJoin('users', 'users.id', 'team_memberships.user_id')
      .select(['team_memberships.id', 'team_memberships.user_id', 'team_memberships.agency_id', 'team_memberships.position', 'team_memberships.joined_on',
        'team_memberships.left_on', 'users.display_name', 'users.username'])
      .where('team_memberships.id', '=', id).executeTakeFirstOrThrow();
    const today = new Date().toISOString().slice(0, 10);
    return {
      id: m.id, userId: m.user_id, displayName: m.display_name, username: m.username, agencyId: m.agency_id, position: m.position,
      joinedOn: m.joined_on, leftOn: m.left_on, active: m.joined_on <= today && (m.left_on === null || m.left_on > today),
    };
  }
}
