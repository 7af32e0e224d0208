import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database, TeamsTable } from '../../db/schema';
import { isOfficer } from '../../policies/rules';
import type { TeamAccess } from './policy';

// Reads of teams: the facts the rules need, "my teams", and a team's page.

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/** Memberships active on a day: joined on or before it, not yet left (a where() fragment). */
export const activeOn = (day: string) =>
  sql<SqlBool>`team_memberships.joined_on <= ${day} and (team_memberships.left_on is null or team_memberships.left_on > ${day})`;

export async function loadTeamAccess(db: Kysely<Database>, teamId: string, now = new Date()): Promise<(TeamAccess & { team: TeamsTable }) | undefined> {
  const team = await db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
  if (!team) return undefined;
  const members = await db.selectFrom('team_memberships')
    .select(['team_memberships.user_id as userId', 'team_memberships.agency_id as agencyId', 'team_memberships.position'])
    .where('team_memberships.team_id', '=', teamId).where(activeOn(todayUtc(now))).execute();
  return { team, teamId: team.id, regionCode: team.region_code, officeAgencyId: team.office_agency_id, members };
}

const teamColumns = ['teams.id', 'teams.name', 'teams.level', 'teams.region_code', 'teams.office_agency_id', 'teams.sk_number', 'teams.sk_date',
  'teams.sk_issuer', 'teams.budget_year', 'teams.created_at'] as const;

/** The teams an actor sits in today, or whose forming office it belongs to; every team for an administrator. */
export async function listMyTeams(db: Kysely<Database>, actor: Actor, now = new Date()) {
  let q = db.selectFrom('teams').innerJoin('regions', 'regions.code', 'teams.region_code').select([...teamColumns, 'regions.name as region_name']);
  if (actor.role !== 'admin') {
    const mine = db.selectFrom('team_memberships').select('team_memberships.team_id')
      .where('team_memberships.user_id', '=', actor.id).where(activeOn(todayUtc(now)));
    q = q.where((eb) => eb.or([
      eb('teams.id', 'in', mine),
      ...(isOfficer(actor) && actor.agencyId ? [eb('teams.office_agency_id', '=', actor.agencyId)] : []),
    ]));
  }
  const teams = await q.orderBy('teams.name').execute();
  const positions = await db.selectFrom('team_memberships').select(['team_id', 'position', 'joined_on', 'left_on']).where('user_id', '=', actor.id).execute();
  const today = todayUtc(now);
  return teams.map((t) => ({
    ...t,
    position: positions.find((p) => p.team_id === t.id && p.joined_on <= today && (p.left_on === null || p.left_on > today))?.position ?? null,
  }));
}

export async function loadTeamDetail(db: Kysely<Database>, teamId: string) {
  const team = await db.selectFrom('teams').innerJoin('regions', 'regions.code', 'teams.region_code')
    .innerJoin('agencies', 'agencies.id', 'teams.office_agency_id')
    .select([...teamColumns, 'regions.name as region_name', 'regions.time_zone', 'agencies.name as office_name'])
    .where('teams.id', '=', teamId).executeTakeFirstOrThrow();
  const agencies = await db.selectFrom('team_members').innerJoin('agencies', 'agencies.id', 'team_members.agency_id')
    .select(['agencies.id', 'agencies.name', 'agencies.kind']).where('team_members.team_id', '=', teamId).orderBy('agencies.name').execute();
  const memberships = await db.selectFrom('team_memberships').innerJoin('users', 'users.id', 'team_memberships.user_id')
    .leftJoin('agencies', 'agencies.id', 'team_memberships.agency_id')
    .select(['team_memberships.id', 'team_memberships.user_id', 'team_memberships.agency_id', 'team_memberships.position',
      'team_memberships.joined_on', 'team_memberships.left_on', 'users.display_name', 'users.username', 'agencies.name as agency_name'])
    .where('team_memberships.team_id', '=', teamId).orderBy('users.display_name').execute();
  return { team, agencies, memberships };
}

/** Accounts that can join a team: active officers and field officers, with their agency. */
export async function listCandidates(db: Kysely<Database>) {
  return db.selectFrom('users').leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.display_name', 'users.username', 'users.agency_id', 'agencies.name as agency_name'])
    .where('users.role', 'in', ['immigration_officer', 'timpora_member', 'field_officer']).where('users.active', '=', 1)
    .where('users.approval', '=', 'approved').where('users.agency_id', 'is not', null).orderBy('users.display_name').limit(500).execute();
}
