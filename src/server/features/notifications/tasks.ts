import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { addDays } from '../../../domain/dates';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import type { DomainEvent } from '../../events/bus';
import { activeMemberships } from '../channel/queries';
import { type NewNotice, addNotices } from './inbox';

// Notices about follow-up tasks (meetings' agreements): an assignment, heard from the task.assigned
// event (to the assigned member, or to the active team members of the assigned agency), and a
// reminder when a task falls due tomorrow or is overdue, swept a few times a day. The tasks feature
// owns its table; the sweep reads it only when it exists, through the columns it finds.

const SWEEP_EVERY_MS = 6 * 3600_000;
const FIRST_SWEEP_MS = 90_000;

type Data = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 64 ? v : undefined);
const sub = (v: unknown, key: string) => (v && typeof v === 'object' ? text((v as Data)[key]) : undefined);

/** Who a task.assigned event names: a member (user id) and/or an agency. */
export function assigneeOf(data: Data): { userId?: string; agencyId?: string } {
  return {
    userId: text(data.assigneeUserId) ?? text(data.assigneeId) ?? text(data.assignee) ?? sub(data.assignee, 'userId'),
    agencyId: text(data.assigneeAgencyId) ?? sub(data.assignee, 'agencyId'),
  };
}

async function recipients(db: Kysely<Database>, teamId: string, who: { userId?: string; agencyId?: string }, now: Date): Promise<string[]> {
  const members = await activeMemberships(db, teamId, now).select('team_memberships.agency_id').execute();
  return [...new Set(members.filter((m) => m.id === who.userId || (who.agencyId && m.agency_id === who.agencyId)).map((m) => m.id))];
}

export async function noticeTaskAssigned(ctx: Pick<AppContext, 'db' | 'config'>, event: DomainEvent, now = new Date()): Promise<number> {
  const taskId = text(event.data.taskId);
  const teamId = text(event.data.teamId);
  if (!taskId || !teamId) return 0;
  const team = await ctx.db.selectFrom('teams').select(['id', 'name', 'region_code']).where('id', '=', teamId).executeTakeFirst();
  if (!team) return 0;
  const byId = text(event.data.assignedBy) ?? text(event.data.actorId);
  const by = byId ? await ctx.db.selectFrom('users').select('display_name').where('id', '=', byId).executeTakeFirst() : undefined;
  const users = (await recipients(ctx.db, team.id, assigneeOf(event.data), now)).filter((u) => u !== byId);
  const notices: NewNotice[] = users.map((userId) => ({
    userId, kind: 'task_assigned', teamId: team.id, refType: 'task', refId: taskId, dedupeKey: `task_assigned:${event.id}`,
    actorName: by?.display_name ?? null, regionCode: team.region_code,
  }));
  const url = `${ctx.config.publicUrl}/tugas?open=${taskId}`;
  return (await ctx.db.transaction().execute((trx) => addNotices(trx, notices, { teamName: team.name, url }, now))).length;
}


/** Reminds assignees of open tasks due tomorrow or overdue; returns the notices created. */
export async function sweepDueTasks(ctx: Pick<AppContext, 'db' | 'config'>, now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const due = await ctx.db.selectFrom('team_tasks').innerJoin('teams', 'teams.id', 'team_tasks.team_id')
    .select(['team_tasks.id', 'team_tasks.due_on', 'team_tasks.owner_user_id', 'team_tasks.owner_agency_id', 'teams.id as team_id', 'teams.name', 'teams.region_code'])
    .where('team_tasks.status', '=', 'open').where('team_tasks.due_on', '<=', addDays(today, 1)).limit(2000).execute();
  let created = 0;
  for (const task of due) {
    const phase = task.due_on < today ? 'overdue' : 'soon';
    const users = await recipients(ctx.db, task.team_id, { userId: task.owner_user_id ?? undefined, agencyId: task.owner_agency_id }, now);
    const notices: NewNotice[] = users.map((userId) => ({
      userId, kind: 'task_due', teamId: task.team_id, refType: 'task', refId: task.id, dedupeKey: `task_due:${task.id}:${task.due_on}:${phase}`,
      actorName: null, regionCode: task.region_code,
    }));
    const url = `${ctx.config.publicUrl}/tugas?open=${task.id}`;
    created += (await ctx.db.transaction().execute((trx) => addNotices(trx, notices, { teamName: task.name, url }, now))).length;
  }
  return created;
}

export function startTaskNotices(app: FastifyInstance, ctx: AppContext): void {
  let running: Promise<unknown> = Promise.resolve();
  const serial = (work: () => Promise<unknown>) => {
    running = running.then(work).then((n) => { if (n) void ctx.relay.kick(); }, (err) => app.log.error({ err }, 'task notices'));
  };
  const unsubscribe = ctx.bus.subscribe((event) => { if (event.name === 'task.assigned') serial(() => noticeTaskAssigned(ctx, event)); });
  const first = setTimeout(() => serial(() => sweepDueTasks(ctx)), FIRST_SWEEP_MS).unref();
  const timer = setInterval(() => serial(() => sweepDueTasks(ctx)), SWEEP_EVERY_MS).unref();
  app.decorate('taskNoticesIdle', () => running);
  app.addHook('onClose', async () => { unsubscribe(); clearTimeout(first); clearInterval(timer); await running; });
}

declare module 'fastify' {
  interface FastifyInstance { taskNoticesIdle: () => Promise<unknown> }
}
