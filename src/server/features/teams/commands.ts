import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database, TeamMembershipsTable } from '../../db/schema';
import { conflict, fieldInvalid } from '../../errors';
import type { Position, TeamAccess } from './policy';
import { activeOn, todayUtc } from './queries';

// Membership changes: add a member (with position and joining date), change a position, set the
// leaving date. Each is one transaction with its audit entry. A person may sit in several teams;
// the member's agency joins the team (team_members) with its first member.

const JOINABLE_ROLES = ['immigration_officer', 'timpora_member', 'field_officer'];

export async function addMember(
  db: Kysely<Database>, actor: Actor, team: TeamAccess, input: { userId: string; position: Position; joinedOn?: string }, now = new Date(),
): Promise<TeamMembershipsTable> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const user = await trx.selectFrom('users').select(['id', 'agency_id', 'role', 'active']).where('id', '=', input.userId).executeTakeFirst();
    if (!user || !user.agency_id || !JOINABLE_ROLES.includes(user.role) || !Number(user.active)) throw fieldInvalid('userId', 'field.unknown_user');
    const already = await trx.selectFrom('team_memberships').select('id').where('team_id', '=', team.teamId).where('user_id', '=', user.id)
      .where(activeOn(todayUtc(now))).executeTakeFirst();
    if (already) throw conflict('detail.already_member', [{ field: 'userId', key: 'detail.already_member' }]);
    const row: TeamMembershipsTable = {
      id: randomUUID(), team_id: team.teamId, user_id: user.id, agency_id: user.agency_id, position: input.position,
      joined_on: input.joinedOn ?? todayUtc(now), left_on: null,
    };
    await trx.insertInto('team_memberships').values(row).execute();
    const agencyIn = await trx.selectFrom('team_members').select('agency_id').where('team_id', '=', team.teamId).where('agency_id', '=', user.agency_id).executeTakeFirst();
    if (!agencyIn) await trx.insertInto('team_members').values({ team_id: team.teamId, agency_id: user.agency_id }).execute();
    await appendAudit(trx, actor, {
      action: 'team.member_add', resourceType: 'team', resourceId: team.teamId, regionCode: team.regionCode,
      detail: { membershipId: row.id, userId: user.id, agencyId: user.agency_id, position: row.position, joinedOn: row.joined_on },
    }, now);
    return row;
  });
}

export async function editMember(
  db: Kysely<Database>, actor: Actor, team: TeamAccess, membershipId: string, input: { position?: Position; leftOn?: string | null }, now = new Date(),
): Promise<TeamMembershipsTable> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const row = await trx.selectFrom('team_memberships').selectAll().where('id', '=', membershipId).executeTakeFirstOrThrow();
    if (input.leftOn && input.leftOn < row.joined_on) throw fieldInvalid('leftOn', 'field.left_before_joined');
    const set: Partial<TeamMembershipsTable> = {};
    if (input.position !== undefined) set.position = input.position;
    if (input.leftOn !== undefined) set.left_on = input.leftOn;
    if (Object.keys(set).length) await trx.updateTable('team_memberships').set(set).where('id', '=', row.id).execute();
    await appendAudit(trx, actor, {
      action: 'team.member_edit', resourceType: 'team', resourceId: team.teamId, regionCode: team.regionCode,
      detail: { membershipId: row.id, userId: row.user_id, before: { position: row.position, leftOn: row.left_on }, ...set },
    }, now);
    return { ...row, ...set };
  });
}
