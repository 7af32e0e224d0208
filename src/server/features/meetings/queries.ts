import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database, MeetingsTable, TeamTasksTable } from '../../db/schema';
import { ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import type { TeamAccess } from '../teams/policy';
import { activeOn, loadTeamAccess, todayUtc } from '../teams/queries';
import type { TaskAccess } from './policy';

// Reads of meetings and tasks. A meeting or task outside the caller's area answers 404.

/** A team whose meetings the caller may know of (else 404). */
export async function visibleTeam(db: Kysely<Database>, actor: Actor, teamId: string) {
  const access = await loadTeamAccess(db, teamId);
  ensureVisible(access !== undefined && scopeFor(actor).contains({ regionCode: access.regionCode }));
  return access;
}

export async function visibleMeeting(db: Kysely<Database>, actor: Actor, id: string): Promise<{ meeting: MeetingsTable; access: TeamAccess }> {
  const meeting = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  ensureVisible(meeting !== undefined);
  return { meeting, access: await visibleTeam(db, actor, meeting.team_id) };
}

export async function visibleTask(db: Kysely<Database>, actor: Actor, id: string): Promise<{ task: TeamTasksTable; access: TaskAccess }> {
  const task = await db.selectFrom('team_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  ensureVisible(task !== undefined);
  const team = await visibleTeam(db, actor, task.team_id);
  return { task, access: taskAccess(team, task) };
}

export const taskAccess = (team: TeamAccess, task: Pick<TeamTasksTable, 'owner_agency_id' | 'owner_user_id' | 'status'>): TaskAccess =>
  ({ ...team, ownerAgencyId: task.owner_agency_id, ownerUserId: task.owner_user_id, status: task.status });

export async function listTeamMeetings(db: Kysely<Database>, teamId: string) {
  const meetings = await db.selectFrom('meetings').selectAll().where('team_id', '=', teamId).orderBy('starts_at', 'desc').limit(500).execute();
  const tasks = await db.selectFrom('team_tasks').select(['meeting_id', 'status']).where('team_id', '=', teamId).execute();
  return meetings.map((m) => {
    const mine = tasks.filter((t) => t.meeting_id === m.id);
    return { ...m, tasks: mine.length, tasksDone: mine.filter((t) => t.status === 'done').length };
  });
}

const taskColumns = ['team_tasks.id', 'team_tasks.team_id', 'team_tasks.meeting_id', 'team_tasks.agreement_id', 'team_tasks.title',
  'team_tasks.owner_agency_id', 'team_tasks.owner_user_id', 'team_tasks.due_on', 'team_tasks.status', 'team_tasks.done_note',
  'team_tasks.done_at', 'team_tasks.done_by', 'team_tasks.created_by', 'team_tasks.created_at'] as const;

function tasksWithNames(db: Kysely<Database>) {
  return db.selectFrom('team_tasks').innerJoin('agencies', 'agencies.id', 'team_tasks.owner_agency_id')
    .leftJoin('users as owner', 'owner.id', 'team_tasks.owner_user_id')
    .select([...taskColumns, 'agencies.name as owner_agency_name', 'owner.display_name as owner_user_name']);
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof tasksWithNames>['execute']>>[number];

export async function loadMeetingDetail(db: Kysely<Database>, meeting: MeetingsTable, now = new Date()) {
  const team = await db.selectFrom('teams').innerJoin('regions', 'regions.code', 'teams.region_code')
    .select(['teams.id', 'teams.name', 'teams.sk_number', 'teams.sk_date', 'teams.sk_issuer', 'teams.region_code', 'regions.time_zone'])
    .where('teams.id', '=', meeting.team_id).executeTakeFirstOrThrow();
  const invited = await db.selectFrom('meeting_invitations').innerJoin('agencies', 'agencies.id', 'meeting_invitations.agency_id')
    .select(['agencies.id', 'agencies.name']).where('meeting_invitations.meeting_id', '=', meeting.id).orderBy('agencies.name').execute();
  const attendance = await db.selectFrom('meeting_attendance').innerJoin('agencies', 'agencies.id', 'meeting_attendance.agency_id')
    .select(['meeting_attendance.id', 'meeting_attendance.user_id', 'meeting_attendance.agency_id', 'meeting_attendance.name', 'agencies.name as agency_name'])
    .where('meeting_attendance.meeting_id', '=', meeting.id).orderBy('agencies.name').orderBy('meeting_attendance.name').execute();
  const agreements = await db.selectFrom('meeting_agreements').selectAll().where('meeting_id', '=', meeting.id).orderBy('seq').execute();
  const tasks = await tasksWithNames(db).where('team_tasks.meeting_id', '=', meeting.id).execute();
  const teamAgencies = await db.selectFrom('team_members').innerJoin('agencies', 'agencies.id', 'team_members.agency_id')
    .select(['agencies.id', 'agencies.name']).where('team_members.team_id', '=', meeting.team_id).orderBy('agencies.name').execute();
  const members = await db.selectFrom('team_memberships').innerJoin('users', 'users.id', 'team_memberships.user_id')
    .select(['team_memberships.user_id', 'team_memberships.agency_id', 'team_memberships.position', 'users.display_name'])
    .where('team_memberships.team_id', '=', meeting.team_id).where(activeOn(todayUtc(now))).orderBy('users.display_name').execute();
  return { team, invited, attendance, agreements, tasks, teamAgencies, members };
}
export type MeetingDetail = Awaited<ReturnType<typeof loadMeetingDetail>>;

/**
 * "My tasks": assigned to me, or to my agency in a team I sit in today. Open first, due soonest
 * first; then the done ones, latest first.
 */
export async function listMyTasks(db: Kysely<Database>, actor: Actor, now = new Date()) {
  const myTeams = db.selectFrom('team_memberships').select('team_memberships.team_id')
    .where('team_memberships.user_id', '=', actor.id).where(activeOn(todayUtc(now)));
  const rows = await tasksWithNames(db).innerJoin('teams', 'teams.id', 'team_tasks.team_id')
    .leftJoin('meetings', 'meetings.id', 'team_tasks.meeting_id')
    .select(['teams.name as team_name', 'meetings.agenda as meeting_agenda'])
    .where((eb) => eb.or([
      eb('team_tasks.owner_user_id', '=', actor.id),
      ...(actor.agencyId ? [eb.and([eb('team_tasks.owner_agency_id', '=', actor.agencyId), eb('team_tasks.team_id', 'in', myTeams)])] : []),
    ]))
    .orderBy('team_tasks.status', 'desc') // open before done
    .orderBy('team_tasks.due_on').orderBy('team_tasks.created_at').limit(500).execute();
  const open = rows.filter((r) => r.status === 'open');
  const done = rows.filter((r) => r.status === 'done').sort((a, b) => (b.done_at ?? '').localeCompare(a.done_at ?? ''));
  return [...open, ...done];
}
