import type { Actor } from '../../auth/actor';
import type { MeetingsTable } from '../../db/schema';
import { abilities, can } from '../../policies';
import type { TeamAccess } from '../teams/policy';
import type { MeetingDetail, TaskRow } from './queries';
import { taskAccess } from './queries';

// Meetings and tasks as the web sees them; each with the caller's abilities on it.

export function presentMeetingSummary(m: MeetingsTable & { tasks: number; tasksDone: number }) {
  return { id: m.id, teamId: m.team_id, agenda: m.agenda, startsAt: m.starts_at, place: m.place, status: m.status, tasks: m.tasks, tasksDone: m.tasksDone };
}

export function presentTask(actor: Actor, t: TaskRow & { team_name?: string; meeting_agenda?: string | null }, team: TeamAccess | undefined) {
  return {
    id: t.id, teamId: t.team_id, teamName: t.team_name ?? null, meetingId: t.meeting_id, meetingAgenda: t.meeting_agenda ?? null, agreementId: t.agreement_id,
    title: t.title, ownerAgencyId: t.owner_agency_id, ownerAgencyName: t.owner_agency_name, ownerUserId: t.owner_user_id, ownerUserName: t.owner_user_name,
    dueOn: t.due_on, status: t.status, doneNote: t.done_note, doneAt: t.done_at, createdAt: t.created_at,
    abilities: { complete: team ? can(actor, 'task', 'complete', taskAccess(team, t)) : false },
  };
}

export function presentMeetingDetail(actor: Actor, meeting: MeetingsTable, d: MeetingDetail, access: TeamAccess) {
  const tasks = d.tasks.map((t) => presentTask(actor, t, access));
  return {
    id: meeting.id, teamId: meeting.team_id, agenda: meeting.agenda, startsAt: meeting.starts_at, place: meeting.place, status: meeting.status,
    tasks: tasks.length, tasksDone: tasks.filter((t) => t.status === 'done').length,
    minutes: meeting.minutes, timeZone: d.team.time_zone,
    team: { id: d.team.id, name: d.team.name, skNumber: d.team.sk_number, skDate: d.team.sk_date, skIssuer: d.team.sk_issuer },
    invitedAgencies: d.invited,
    attendance: d.attendance.map((a) => ({ id: a.id, agencyId: a.agency_id, agencyName: a.agency_name, userId: a.user_id, name: a.name })),
    agreements: d.agreements.map((a) => ({ id: a.id, seq: Number(a.seq), text: a.text, taskId: d.tasks.find((t) => t.agreement_id === a.id)?.id ?? null })),
    taskList: tasks,
    teamAgencies: d.teamAgencies,
    members: d.members.map((m) => ({ userId: m.user_id, name: m.display_name, agencyId: m.agency_id, position: m.position })),
    abilities: abilities(actor, 'meeting', { edit: 'edit' }, access),
  };
}
