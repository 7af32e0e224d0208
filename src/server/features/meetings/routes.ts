import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { conflict } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { loadTeamAccess } from '../teams/queries';
import { type AttendanceEntry, type MeetingInput, type TaskInput, addAgreement, completeTask, createMeeting, createTask, setAttendance, setMinutes } from './commands';
import { renderMinutesPdf } from './minutes-pdf';
import { presentMeetingDetail, presentMeetingSummary, presentTask } from './presenters';
import { listMyTasks, listTeamMeetings, loadMeetingDetail, visibleMeeting, visibleTask, visibleTeam } from './queries';
import {
  agreementBody, attendanceBody, createMeetingBody, doneBody, idParams, meetingDetailJson, meetingSummaryJson, minutesBody, taskBody, taskJson,
} from './schemas';

// A team's meetings (rapat): schedule, attendance, minutes, agreements, follow-up tasks, the
// minutes as PDF, and every member's "my tasks".

export function meetingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const detail = async (actor: ReturnType<typeof requireActor>, id: string) => {
    const { meeting, access } = await visibleMeeting(ctx.db, actor, id);
    return presentMeetingDetail(actor, meeting, await loadMeetingDetail(ctx.db, meeting), access);
  };

  app.get<{ Params: { id: string } }>('/api/v1/teams/:id/meetings', {
    config: { access: gate('meeting', 'list', onRecord('meeting', 'listOfTeam')) },
    schema: { tags: ['meetings'], operationId: 'listTeamMeetings', summary: 'A team\'s meetings, latest first (members and the forming office)', params: idParams, response: { 200: { type: 'array', items: meetingSummaryJson }, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const access = await visibleTeam(ctx.db, actor, request.params.id);
    authorize(actor, 'meeting', 'listOfTeam', access);
    return (await listTeamMeetings(ctx.db, access.teamId)).map(presentMeetingSummary);
  });

  app.post<{ Params: { id: string }; Body: MeetingInput }>('/api/v1/teams/:id/meetings', {
    config: { access: gate('meeting', 'list', onRecord('meeting', 'create')) },
    schema: { tags: ['meetings'], operationId: 'createMeeting', summary: 'Schedule a meeting: agenda, time, place, invited agencies (chair, secretary, forming office)', params: idParams, body: createMeetingBody, response: { 201: meetingDetailJson, ...problems(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const access = await visibleTeam(ctx.db, actor, request.params.id);
    authorize(actor, 'meeting', 'create', access);
    const row = await createMeeting(ctx.db, actor, access, request.body);
    void ctx.relay.kick();
    return reply.status(201).send(await detail(actor, row.id));
  });

  app.get<{ Params: { id: string } }>('/api/v1/meetings/:id', {
    config: { access: gate('meeting', 'list', onRecord('meeting', 'read')) },
    schema: { tags: ['meetings'], operationId: 'getMeeting', summary: 'A meeting with attendance, minutes, agreements and tasks', params: idParams, response: { 200: meetingDetailJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { access } = await visibleMeeting(ctx.db, actor, request.params.id);
    authorize(actor, 'meeting', 'read', access);
    return detail(actor, request.params.id);
  });

  app.get<{ Params: { id: string } }>('/api/v1/meetings/:id/minutes.pdf', {
    config: { access: gate('meeting', 'list', onRecord('meeting', 'read')) },
    schema: { tags: ['meetings'], operationId: 'getMeetingMinutesPdf', summary: 'The minutes as PDF (Indonesian): decree, attendance, agreements and tasks (audited)', params: idParams, produces: ['application/pdf'], response: { 200: { type: 'string', format: 'binary' }, ...problems(401, 403, 404) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { meeting, access } = await visibleMeeting(ctx.db, actor, request.params.id);
    authorize(actor, 'meeting', 'read', access);
    const pdf = await renderMinutesPdf(meeting, await loadMeetingDetail(ctx.db, meeting));
    await recordRead(ctx.db, actor, { action: 'meeting.minutes_export', resourceType: 'meeting', resourceId: meeting.id, regionCode: access.regionCode });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="notulen-${meeting.starts_at.slice(0, 10)}.pdf"`).send(pdf);
  });

  const edit = <B>(method: 'PUT' | 'POST', path: string, operationId: string, summary: string, body: object, status: 200 | 201,
    run: (actor: ReturnType<typeof requireActor>, m: Awaited<ReturnType<typeof visibleMeeting>>, b: B) => Promise<unknown>) => {
    app.route<{ Params: { id: string }; Body: B }>({
      method, url: `/api/v1/meetings/:id/${path}`,
      config: { access: gate('meeting', 'list', onRecord('meeting', 'edit')) },
      schema: { tags: ['meetings'], operationId, summary, params: idParams, body, response: { [status]: meetingDetailJson, ...problems(400, 401, 403, 404, 409) } },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        const found = await visibleMeeting(ctx.db, actor, request.params.id);
        authorize(actor, 'meeting', 'edit', found.access);
        await run(actor, found, request.body as B);
        void ctx.relay.kick();
        return reply.status(status).send(await detail(actor, found.meeting.id));
      },
    });
  };
  edit<{ entries: AttendanceEntry[] }>('PUT', 'attendance', 'setMeetingAttendance', 'Record who came, per agency (replaces the list)', attendanceBody, 200,
    (actor, { meeting, access }, b) => setAttendance(ctx.db, actor, access, meeting, b.entries));
  edit<{ minutes: string }>('PUT', 'minutes', 'setMeetingMinutes', 'Write the minutes', minutesBody, 200,
    (actor, { meeting, access }, b) => setMinutes(ctx.db, actor, access, meeting, b.minutes));
  edit<{ text: string }>('POST', 'agreements', 'addMeetingAgreement', 'Record an agreement (kesepakatan)', agreementBody, 201,
    (actor, { meeting, access }, b) => addAgreement(ctx.db, actor, access, meeting, b.text));
  edit<TaskInput>('POST', 'tasks', 'createMeetingTask', 'Turn an agreement into a follow-up task for an agency (or one of its members) with a due date', taskBody, 201,
    (actor, { meeting, access }, b) => createTask(ctx.db, actor, access, meeting, b));

  app.get('/api/v1/tasks/mine', {
    config: { access: gate('task', 'list') },
    schema: { tags: ['meetings'], operationId: 'listMyTasks', summary: 'Follow-up tasks for the caller or its agency in its teams: open first, due soonest first', response: { 200: { type: 'array', items: taskJson }, ...problems(401, 403) } },
  }, async (request) => {
    const actor = requireActor(request);
    const rows = await listMyTasks(ctx.db, actor);
    const teams = new Map<string, Awaited<ReturnType<typeof loadTeamAccess>>>();
    for (const id of new Set(rows.map((r) => r.team_id))) teams.set(id, await loadTeamAccess(ctx.db, id));
    return rows.map((r) => presentTask(actor, r, teams.get(r.team_id)));
  });

  app.post<{ Params: { id: string }; Body: { note: string } }>('/api/v1/tasks/:id/done', {
    config: { access: gate('task', 'list', onRecord('task', 'complete')) },
    schema: { tags: ['meetings'], operationId: 'completeTask', summary: 'Mark a follow-up task done, with a note (its owner, or who runs the team)', params: idParams, body: doneBody, response: { 200: taskJson, ...problems(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { task, access } = await visibleTask(ctx.db, actor, request.params.id);
    if (task.status === 'done') throw conflict('detail.task_done');
    authorize(actor, 'task', 'complete', access);
    await completeTask(ctx.db, actor, access, task, request.body.note);
    void ctx.relay.kick();
    const row = (await listTaskById(task.id))!;
    return presentTask(actor, row, await loadTeamAccess(ctx.db, task.team_id));
  });

  async function listTaskById(id: string) {
    return ctx.db.selectFrom('team_tasks').innerJoin('agencies', 'agencies.id', 'team_tasks.owner_agency_id')
      .leftJoin('users as owner', 'owner.id', 'team_tasks.owner_user_id').innerJoin('teams', 'teams.id', 'team_tasks.team_id')
      .leftJoin('meetings', 'meetings.id', 'team_tasks.meeting_id')
      .selectAll('team_tasks').select(['agencies.name as owner_agency_name', 'owner.display_name as owner_user_name', 'teams.name as team_name', 'meetings.agenda as meeting_agenda'])
      .where('team_tasks.id', '=', id).executeTakeFirst();
  }
}
