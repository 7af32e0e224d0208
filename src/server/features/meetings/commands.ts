import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { isValidDate } from '../../../domain/dates';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database, MeetingsTable, TeamTasksTable } from '../../db/schema';
import { FieldErrors, conflict, fieldInvalid } from '../../errors';
import { outboxRow } from '../../events/bus';
import type { TeamAccess } from '../teams/policy';

// A meeting's life: scheduled (agenda, time, place, invited agencies), held (attendance, minutes),
// its agreements, each of which may become one follow-up task for an agency or a member, closed
// with a note. Every change is one transaction with its audit entry; meeting.created,
// task.assigned and task.done go to the outbox for live updates (and the team channel's mentions).
// `audience` lists who may receive an event (events/policy.ts); it never reaches a client.

export interface MeetingInput { agenda: string; startsAt: string; place: string; invitedAgencyIds: string[] }
export interface AttendanceEntry { agencyId: string; userId?: string; name?: string }
export interface TaskInput { agreementId: string; ownerAgencyId: string; ownerUserId?: string; dueOn: string; title?: string }

async function teamAgencyIds(trx: Kysely<Database>, teamId: string): Promise<Set<string>> {
  return new Set((await trx.selectFrom('team_members').select('agency_id').where('team_id', '=', teamId).execute()).map((r) => r.agency_id));
}

function parseInstant(field: string, value: string): string {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw fieldInvalid(field, 'field.bad_format');
  return new Date(ms).toISOString();
}

export async function createMeeting(db: Kysely<Database>, actor: Actor, team: TeamAccess, input: MeetingInput, now = new Date()): Promise<MeetingsTable> {
  const startsAt = parseInstant('startsAt', input.startsAt);
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const agencies = await teamAgencyIds(trx, team.teamId);
    const invited = [...new Set(input.invitedAgencyIds)];
    const unknown = invited.findIndex((id) => !agencies.has(id));
    if (unknown >= 0) throw fieldInvalid(`invitedAgencyIds/${unknown}`, 'field.agency_not_in_team');
    const at = now.toISOString();
    const row: MeetingsTable = {
      id: randomUUID(), team_id: team.teamId, agenda: input.agenda.trim(), starts_at: startsAt, place: input.place.trim(), status: 'planned',
      minutes: null, created_by: actor.id, created_at: at, updated_at: at,
    };
    await trx.insertInto('meetings').values(row).execute();
    if (invited.length) await trx.insertInto('meeting_invitations').values(invited.map((agency_id) => ({ meeting_id: row.id, agency_id }))).execute();
    await appendAudit(trx, actor, {
      action: 'meeting.create', resourceType: 'meeting', resourceId: row.id, regionCode: team.regionCode,
      detail: { teamId: team.teamId, agenda: row.agenda, startsAt, place: row.place, invitedAgencyIds: invited },
    }, now);
    await trx.insertInto('outbox').values(outboxRow('meeting.created', team.regionCode, {
      meetingId: row.id, teamId: team.teamId, startsAt, at, audience: audience(team.members.map((m) => m.userId), actor.id),
    }, now)).execute();
    return row;
  });
}

const audience = (...ids: (string | null | undefined | string[])[]) => [...new Set(ids.flat().filter((x): x is string => !!x))];

async function touch(trx: Transaction<Database>, meeting: MeetingsTable, set: Partial<MeetingsTable>, at: string) {
  await trx.updateTable('meetings').set({ ...set, updated_at: at }).where('id', '=', meeting.id).execute();
}

/** Replaces the attendance list; a meeting with attendance has been held. */
export async function setAttendance(db: Kysely<Database>, actor: Actor, team: TeamAccess, meeting: MeetingsTable, entries: AttendanceEntry[], now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const agencies = await teamAgencyIds(trx, team.teamId);
    const errors = new FieldErrors();
    const rows: { id: string; meeting_id: string; agency_id: string; user_id: string | null; name: string }[] = [];
    const users = new Map((await trx.selectFrom('users').select(['id', 'display_name'])
      .where('id', 'in', [...entries.map((e) => e.userId ?? ''), '']).execute()).map((u) => [u.id, u.display_name]));
    entries.forEach((e, i) => {
      if (!agencies.has(e.agencyId)) errors.add(`entries/${i}/agencyId`, 'field.agency_not_in_team');
      if (e.userId) {
        const member = team.members.find((m) => m.userId === e.userId);
        if (!member || !users.has(e.userId)) errors.add(`entries/${i}/userId`, 'field.user_not_in_team');
        else if (member.agencyId !== e.agencyId) errors.add(`entries/${i}/userId`, 'field.user_not_in_agency');
      } else if (!e.name?.trim()) errors.add(`entries/${i}/name`, 'field.required');
      if (rows.some((r) => e.userId && r.user_id === e.userId)) return; // a member counts once
      rows.push({ id: randomUUID(), meeting_id: meeting.id, agency_id: e.agencyId, user_id: e.userId ?? null, name: e.userId ? users.get(e.userId) ?? '' : (e.name ?? '').trim() });
    });
    errors.throwIfAny();
    await trx.deleteFrom('meeting_attendance').where('meeting_id', '=', meeting.id).execute();
    if (rows.length) await trx.insertInto('meeting_attendance').values(rows).execute();
    const at = now.toISOString();
    await touch(trx, meeting, { status: rows.length || meeting.minutes ? 'held' : meeting.status }, at);
    await appendAudit(trx, actor, {
      action: 'meeting.attendance', resourceType: 'meeting', resourceId: meeting.id, regionCode: team.regionCode,
      detail: { present: rows.map((r) => ({ agencyId: r.agency_id, userId: r.user_id, name: r.user_id ? undefined : r.name })) },
    }, now);
  });
}

export async function setMinutes(db: Kysely<Database>, actor: Actor, team: TeamAccess, meeting: MeetingsTable, minutes: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const text = minutes.trim();
    await touch(trx, meeting, { minutes: text || null, status: text ? 'held' : meeting.status }, now.toISOString());
    await appendAudit(trx, actor, {
      action: 'meeting.minutes', resourceType: 'meeting', resourceId: meeting.id, regionCode: team.regionCode,
      detail: { length: text.length, before: meeting.minutes?.length ?? 0 },
    }, now);
  });
}

export async function addAgreement(db: Kysely<Database>, actor: Actor, team: TeamAccess, meeting: MeetingsTable, text: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const last = await trx.selectFrom('meeting_agreements').select((eb) => eb.fn.max('seq').as('seq')).where('meeting_id', '=', meeting.id).executeTakeFirst();
    const row = { id: randomUUID(), meeting_id: meeting.id, seq: Number(last?.seq ?? 0) + 1, text: text.trim(), created_by: actor.id, created_at: now.toISOString() };
    await trx.insertInto('meeting_agreements').values(row).execute();
    await touch(trx, meeting, {}, row.created_at);
    await appendAudit(trx, actor, {
      action: 'meeting.agreement', resourceType: 'meeting', resourceId: meeting.id, regionCode: team.regionCode, detail: { agreementId: row.id, seq: row.seq, text: row.text },
    }, now);
    return row;
  });
}

/** Turns an agreement into the follow-up task of an agency (and, optionally, one of its members in the team). */
export async function createTask(db: Kysely<Database>, actor: Actor, team: TeamAccess, meeting: MeetingsTable, input: TaskInput, now = new Date()): Promise<TeamTasksTable> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const agreement = await trx.selectFrom('meeting_agreements').selectAll().where('id', '=', input.agreementId).where('meeting_id', '=', meeting.id).executeTakeFirst();
    const errors = new FieldErrors();
    if (!agreement) errors.add('agreementId', 'field.unknown_agreement');
    if (!(await teamAgencyIds(trx, team.teamId)).has(input.ownerAgencyId)) errors.add('ownerAgencyId', 'field.agency_not_in_team');
    if (input.ownerUserId) {
      const member = team.members.find((m) => m.userId === input.ownerUserId);
      if (!member) errors.add('ownerUserId', 'field.user_not_in_team');
      else if (member.agencyId !== input.ownerAgencyId) errors.add('ownerUserId', 'field.user_not_in_agency');
    }
    if (!isValidDate(input.dueOn)) errors.add('dueOn', 'field.bad_date');
    errors.throwIfAny();
    if (await trx.selectFrom('team_tasks').select('id').where('agreement_id', '=', agreement!.id).executeTakeFirst()) throw conflict('detail.agreement_has_task');
    const at = now.toISOString();
    const row: TeamTasksTable = {
      id: randomUUID(), team_id: team.teamId, meeting_id: meeting.id, agreement_id: agreement!.id, title: (input.title ?? agreement!.text).trim(),
      owner_agency_id: input.ownerAgencyId, owner_user_id: input.ownerUserId ?? null, due_on: input.dueOn, status: 'open',
      done_note: null, done_at: null, done_by: null, created_by: actor.id, created_at: at,
    };
    await trx.insertInto('team_tasks').values(row).execute();
    await appendAudit(trx, actor, {
      action: 'task.create', resourceType: 'task', resourceId: row.id, regionCode: team.regionCode,
      detail: { teamId: team.teamId, meetingId: meeting.id, agreementId: row.agreement_id, ownerAgencyId: row.owner_agency_id, ownerUserId: row.owner_user_id, dueOn: row.due_on },
    }, now);
    const owners = row.owner_user_id ? [row.owner_user_id] : team.members.filter((m) => m.agencyId === row.owner_agency_id).map((m) => m.userId);
    await trx.insertInto('outbox').values(outboxRow('task.assigned', team.regionCode, {
      taskId: row.id, teamId: team.teamId, meetingId: meeting.id, assigneeAgencyId: row.owner_agency_id, assigneeUserId: row.owner_user_id,
      dueOn: row.due_on, at, audience: audience(owners, actor.id),
    }, now)).execute();
    return row;
  });
}

export async function completeTask(db: Kysely<Database>, actor: Actor, team: TeamAccess, task: TeamTasksTable, note: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const at = now.toISOString();
    const updated = await trx.updateTable('team_tasks').set({ status: 'done', done_note: note.trim(), done_at: at, done_by: actor.id })
      .where('id', '=', task.id).where('status', '=', 'open').executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict('detail.task_done');
    await appendAudit(trx, actor, {
      action: 'task.done', resourceType: 'task', resourceId: task.id, regionCode: team.regionCode, detail: { teamId: team.teamId, note: note.trim() },
    }, now);
    const owners = task.owner_user_id ? [task.owner_user_id] : team.members.filter((m) => m.agencyId === task.owner_agency_id).map((m) => m.userId);
    await trx.insertInto('outbox').values(outboxRow('task.done', team.regionCode, {
      taskId: task.id, teamId: team.teamId, meetingId: task.meeting_id, at, audience: audience(owners, task.created_by, actor.id),
    }, now)).execute();
  });
}
