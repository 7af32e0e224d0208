import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/regions';
import { reportFigures } from '../../src/server/features/teams/report-figures';
import { periodOf } from '../../src/server/features/teams/report-period';
import { reportSections } from '../../src/server/features/teams/report-rows';
import { countryNames } from '../../src/server/features/teams/report-routes';
import { pdfText } from '../fixtures/pdf-text';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';
import { openEventStream } from '../fixtures/sse';

// The Timpora team's workspace: who may open a team and its meetings, a meeting from schedule to
// minutes, an agreement that becomes a task for Polres and is done, the minutes PDF, and the
// periodic report whose figures (JSON, PDF, XLSX) equal direct counts in the database.

const ACCOUNTS = ['imigrasi.parepare', 'kesbangpol.soppeng', 'polres.soppeng', 'disnaker.soppeng', 'polres.makassar', 'desa.lalabata', 'admin', 'auditor', 'hotel.maryam'];

for (const kind of dialectMatrix()) {
  describe(`teams and meetings on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const req = (method: string, url: string, who: string, payload?: object) =>
      server.app.inject({ method: method as 'GET', url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
    let soppeng = '';
    let makassar = '';
    const agency = async (name: string) => (await server.db.selectFrom('agencies').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

    beforeAll(async () => {
      server = await startTestServer({ kind, listen: true });
      for (const u of ACCOUNTS) cookies[u] = await server.login(u);
      for (const u of await server.db.selectFrom('users').select(['id', 'username']).execute()) ids[u.username] = u.id;
      soppeng = (await server.db.selectFrom('teams').select('id').where('region_code', '=', '73.12').executeTakeFirstOrThrow()).id;
      makassar = (await server.db.selectFrom('teams').select('id').where('region_code', '=', '73.71').executeTakeFirstOrThrow()).id;
    }, 120_000);
    afterAll(async () => server?.close());

    it('lists my teams and shows a team to its members by agency, not to others', async () => {
      const mine = (await req('GET', '/api/v1/teams', 'polres.soppeng')).json();
      expect(mine.map((t: { id: string }) => t.id)).toEqual([soppeng]);
      expect(mine[0]).toMatchObject({ skNumber: 'W.23.IMI.IMI.3-GR.01.01-0117', myPosition: 'anggota', level: 'regency' });
      expect((await req('GET', '/api/v1/teams', 'admin')).json()).toHaveLength(2);
      expect((await req('GET', '/api/v1/teams', 'auditor')).statusCode).toBe(403);
      const team = (await req('GET', `/api/v1/teams/${soppeng}`, 'imigrasi.parepare')).json();
      expect(team.skIssuer).toContain('Parepare');
      const polres = team.agencies.find((a: { name: string }) => a.name === 'Polres Soppeng');
      expect(polres.members.map((m: { username: string }) => m.username)).toEqual(['polres.soppeng']);
      expect(team.abilities).toMatchObject({ manage: true, meetings: true, scheduleMeeting: true, report: true });
      expect((await req('GET', `/api/v1/teams/${soppeng}`, 'polres.soppeng')).json().abilities).toMatchObject({ manage: false, meetings: true, scheduleMeeting: false });
      // a decree is public, the team page is not: another area's officer gets 403; a team that does not exist, 404
      expect((await req('GET', `/api/v1/teams/${soppeng}`, 'polres.makassar')).statusCode).toBe(403);
      expect((await req('GET', `/api/v1/teams/${randomUUID()}`, 'polres.makassar')).statusCode).toBe(404);
      // the team's meetings and report are hidden outside the area (404) and from non-members inside it (403)
      expect((await req('GET', `/api/v1/teams/${soppeng}/meetings`, 'polres.makassar')).statusCode).toBe(404);
      expect((await req('GET', `/api/v1/teams/${soppeng}/reports`, 'polres.makassar')).statusCode).toBe(404);
      expect((await req('GET', `/api/v1/teams/${makassar}/meetings`, 'imigrasi.parepare')).statusCode).toBe(404);
    });

    it('lets the chair add a member (in several teams), change a position and set a leaving date, audited', async () => {
      // the Soppeng police officer also joins the Makassar team: Makassar's office is not the chair here, the admin is
      const add = await req('POST', `/api/v1/teams/${makassar}/members`, 'admin', { userId: ids['polres.soppeng'], position: 'anggota' });
      expect(add.statusCode).toBe(201);
      expect((await req('POST', `/api/v1/teams/${makassar}/members`, 'admin', { userId: ids['polres.soppeng'], position: 'anggota' })).statusCode).toBe(409);
      expect((await req('GET', '/api/v1/teams', 'polres.soppeng')).json()).toHaveLength(2);
      // an ordinary member may not manage; the chair (forming office) may
      expect((await req('POST', `/api/v1/teams/${makassar}/members`, 'polres.soppeng', { userId: ids['disnaker.soppeng'], position: 'anggota' })).statusCode).toBe(403);
      expect((await req('PATCH', `/api/v1/team-memberships/${add.json().id}`, 'polres.soppeng', { position: 'ketua' })).statusCode).toBe(403);
      expect((await req('PATCH', `/api/v1/team-memberships/${add.json().id}`, 'admin', { leftOn: '2000-01-01' })).statusCode).toBe(400);
      const today = new Date().toISOString().slice(0, 10);
      const left = await req('PATCH', `/api/v1/team-memberships/${add.json().id}`, 'admin', { leftOn: today });
      expect(left.json()).toMatchObject({ leftOn: today, active: false });
      expect((await req('GET', '/api/v1/teams', 'polres.soppeng')).json()).toHaveLength(1);
      const sec = (await req('GET', `/api/v1/teams/${soppeng}`, 'imigrasi.parepare')).json().agencies.flatMap((a: { members: { id: string; username: string }[] }) => a.members)
        .find((m: { username: string }) => m.username === 'kesbangpol.soppeng');
      expect((await req('PATCH', `/api/v1/team-memberships/${sec.id}`, 'kesbangpol.soppeng', { position: 'sekretaris' })).statusCode).toBe(200);
      const audit = await server.db.selectFrom('audit_log').select(['action', 'actor_username']).where('action', 'like', 'team.member%').execute();
      expect(audit.map((a) => a.action)).toEqual(['team.member_add', 'team.member_edit', 'team.member_edit']);
    });

    it('runs a meeting: schedule, attendance, minutes, agreement → task for Polres → done; the minutes PDF shows it all', async () => {
      const polresAgency = await agency('Polres Soppeng');
      const kesbangpol = await agency('Badan Kesatuan Bangsa dan Politik Kabupaten Soppeng');
      const polresStream = await openEventStream(`${server.url}/api/v1/events`, cookies['polres.soppeng']!);
      const disnakerStream = await openEventStream(`${server.url}/api/v1/events`, cookies['disnaker.soppeng']!);
      const makassarStream = await openEventStream(`${server.url}/api/v1/events`, cookies['polres.makassar']!);
      try {
        const body = { agenda: 'Rapat koordinasi Timpora triwulan I', startsAt: '2025-03-04T09:00:00+08:00', place: 'Hotel Maryam, Watansoppeng', invitedAgencyIds: [polresAgency, kesbangpol] };
        expect((await req('POST', `/api/v1/teams/${soppeng}/meetings`, 'polres.soppeng', body)).statusCode).toBe(403);
        expect((await req('POST', `/api/v1/teams/${soppeng}/meetings`, 'imigrasi.parepare', { ...body, invitedAgencyIds: [await agency('Polrestabes Makassar')] })).statusCode).toBe(400);
        const created = await req('POST', `/api/v1/teams/${soppeng}/meetings`, 'imigrasi.parepare', body);
        expect(created.statusCode).toBe(201);
        const meeting = created.json();
        expect(meeting).toMatchObject({ startsAt: '2025-03-04T01:00:00.000Z', status: 'planned', timeZone: 'WITA' });
        expect(meeting.invitedAgencies).toHaveLength(2);
        // members see it, another area does not even learn it exists
        expect((await req('GET', `/api/v1/meetings/${meeting.id}`, 'disnaker.soppeng')).statusCode).toBe(200);
        expect((await req('GET', `/api/v1/meetings/${meeting.id}`, 'polres.makassar')).statusCode).toBe(404);
        expect((await req('PUT', `/api/v1/meetings/${meeting.id}/minutes`, 'polres.soppeng', { minutes: 'x' })).statusCode).toBe(403);

        const attendance = await req('PUT', `/api/v1/meetings/${meeting.id}/attendance`, 'imigrasi.parepare', { entries: [
          { agencyId: polresAgency, userId: ids['polres.soppeng'] }, { agencyId: kesbangpol, userId: ids['kesbangpol.soppeng'] },
          { agencyId: kesbangpol, name: 'Andi Kepala Bidang' },
        ] });
        expect(attendance.statusCode).toBe(200);
        expect(attendance.json().status).toBe('held');
        expect(attendance.json().attendance).toHaveLength(3);
        const wrong = await req('PUT', `/api/v1/meetings/${meeting.id}/attendance`, 'imigrasi.parepare', { entries: [{ agencyId: kesbangpol, userId: ids['polres.soppeng'] }, { agencyId: kesbangpol }] });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['entries/0/userId', 'entries/1/name']);
        await req('PUT', `/api/v1/meetings/${meeting.id}/minutes`, 'imigrasi.parepare', { minutes: 'Rapat dibuka Ketua Tim. Dibahas keberadaan TKA di PT Sutera.' });
        const withAgreement = await req('POST', `/api/v1/meetings/${meeting.id}/agreements`, 'imigrasi.parepare', { text: 'Polres mengecek lokasi kerja PT Sutera' });
        expect(withAgreement.statusCode).toBe(201);
        const agreement = withAgreement.json().agreements[0];
        expect(agreement).toMatchObject({ seq: 1, taskId: null });
        const badTask = await req('POST', `/api/v1/meetings/${meeting.id}/tasks`, 'imigrasi.parepare', { agreementId: agreement.id, ownerAgencyId: polresAgency, ownerUserId: ids['disnaker.soppeng'], dueOn: '2025-02-30' });
        expect(badTask.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['dueOn', 'ownerUserId']);
        const withTask = await req('POST', `/api/v1/meetings/${meeting.id}/tasks`, 'imigrasi.parepare', { agreementId: agreement.id, ownerAgencyId: polresAgency, dueOn: '2025-03-31' });
        expect(withTask.statusCode).toBe(201);
        expect((await req('POST', `/api/v1/meetings/${meeting.id}/tasks`, 'imigrasi.parepare', { agreementId: agreement.id, ownerAgencyId: polresAgency, dueOn: '2025-03-31' })).statusCode).toBe(409);
        const task = withTask.json().taskList[0];
        expect(task).toMatchObject({ ownerAgencyName: 'Polres Soppeng', status: 'open', dueOn: '2025-03-31' });

        // the Polres member sees it in "my tasks"; the manpower office does not, and may not close it
        const mine = (await req('GET', '/api/v1/tasks/mine', 'polres.soppeng')).json();
        expect(mine.map((t: { id: string }) => t.id)).toContain(task.id);
        expect(mine.find((t: { id: string }) => t.id === task.id).abilities.complete).toBe(true);
        expect((await req('GET', '/api/v1/tasks/mine', 'disnaker.soppeng')).json().map((t: { id: string }) => t.id)).not.toContain(task.id);
        expect((await req('POST', `/api/v1/tasks/${task.id}/done`, 'disnaker.soppeng', { note: 'bukan tugas saya' })).statusCode).toBe(403);
        expect((await req('POST', `/api/v1/tasks/${task.id}/done`, 'polres.makassar', { note: 'bukan wilayah saya' })).statusCode).toBe(404);
        const done = await req('POST', `/api/v1/tasks/${task.id}/done`, 'polres.soppeng', { note: 'Dicek 20 Maret, 12 TKA sesuai RPTKA' });
        expect(done.json()).toMatchObject({ status: 'done', doneNote: 'Dicek 20 Maret, 12 TKA sesuai RPTKA' });
        expect((await req('POST', `/api/v1/tasks/${task.id}/done`, 'polres.soppeng', { note: 'lagi' })).statusCode).toBe(409);

        // live: the assignee hears task.assigned (with task, team and assignee), others do not
        await new Promise((r) => setTimeout(r, 300));
        const assigned = polresStream.events.find((e) => e.event === 'task.assigned');
        expect(assigned?.data).toMatchObject({ taskId: task.id, teamId: soppeng, assigneeAgencyId: polresAgency });
        expect(assigned?.data).not.toHaveProperty('audience');
        expect(polresStream.events.map((e) => e.event)).toEqual(expect.arrayContaining(['meeting.created', 'task.assigned', 'task.done']));
        expect(disnakerStream.events.filter((e) => e.event.startsWith('task.'))).toEqual([]);
        expect(disnakerStream.events.map((e) => e.event)).toContain('meeting.created');
        expect(makassarStream.events.filter((e) => /^(meeting|task)\./.test(e.event))).toEqual([]);

        const pdf = await req('GET', `/api/v1/meetings/${meeting.id}/minutes.pdf`, 'disnaker.soppeng');
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        const text = pdfText(pdf.rawPayload);
        for (const s of ['NOTULEN RAPAT', 'TIMPORA KABUPATEN SOPPENG', 'W.23.IMI.IMI.3-GR.01.01-0117', 'Selasa, 4 Maret 2025 pukul 09.00 WITA', 'Daftar Hadir',
          'Satintelkam Polres Soppeng', 'Andi Kepala Bidang', 'Hadir: 3 orang dari 2 instansi.', 'Dibahas keberadaan TKA di PT Sutera',
          '1. Polres mengecek lokasi kerja PT Sutera', 'batas waktu 31 Maret 2025', 'Selesai']) expect(text).toContain(s);

        const audit = await server.db.selectFrom('audit_log').select('action').where('resource_id', 'in', [meeting.id, task.id])
          .where('action', '!=', 'meeting.minutes_export').execute(); // a read: its entry may still be pending
        expect(audit.map((a) => a.action)).toEqual(['meeting.create', 'meeting.attendance', 'meeting.minutes', 'meeting.agreement', 'task.create', 'task.done']);
        const list = (await req('GET', `/api/v1/teams/${soppeng}/meetings`, 'polres.soppeng')).json();
        expect(list.find((m: { id: string }) => m.id === meeting.id)).toMatchObject({ status: 'held', tasks: 1, tasksDone: 1 });
      } finally { polresStream.close(); disnakerStream.close(); makassarStream.close(); }
    });

    it('reports a period in figures that equal the database, the same in JSON, PDF and XLSX', async () => {
      const today = localDate(new Date(), 'WITA');
      // an alert raised and resolved today in Soppeng, and one in Makassar that must not count
      const stay = await server.db.selectFrom('stays').select(['id', 'person_id', 'region_code']).where('region_code', 'like', '73.12.%').executeTakeFirstOrThrow();
      const other = await server.db.selectFrom('stays').select(['id', 'person_id', 'region_code']).where('region_code', 'like', '73.71.%').executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      for (const [s, status] of [[stay, 'resolved'], [stay, 'new'], [other, 'new']] as const) {
        await server.db.insertInto('alerts').values({
          id: randomUUID(), key: `report:${randomUUID()}`, source: 'rule', rule: 'overstay', severity: 'high', status, person_id: s.person_id, stay_id: s.id,
          region_code: s.region_code, explanation: '{}', watchlist_entry_id: null, score: null, assigned_agency_id: null, assigned_user_id: null,
          resolution: status === 'resolved' ? 'false_positive' : null, reason: null, created_at: at, updated_at: at, resolved_at: status === 'resolved' ? at : null, resolved_by: null,
        }).execute();
      }
      const json = (await req('GET', `/api/v1/teams/${soppeng}/reports?period=year&date=${today}`, 'polres.soppeng')).json();
      const period = periodOf('year', today, 'WITA');
      const figures = await reportFigures(server.db, soppeng, period);
      expect(json.foreigners).toEqual(figures.foreigners);
      expect(json.alerts).toEqual(figures.alerts);

      // direct counts, written independently of the report module
      const n = (rows: { n: unknown }[]) => Number(rows[0]!.n);
      const present = await server.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).where('region_code', 'like', '73.12.%')
        .where('arrival_date', '<=', today).where((eb) => eb.or([eb('departure_date', 'is', null), eb('departure_date', '>', today)])).execute();
      expect(figures.foreigners.present).toBe(n(present));
      expect(figures.foreigners.present).toBeGreaterThan(10);
      const reported = await server.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).where('region_code', 'like', '73.12.%')
        .where('arrival_date', '>=', period.from).where('arrival_date', '<=', period.to).execute();
      expect(figures.foreigners.reported).toBe(n(reported));
      const byNat = await server.db.selectFrom('stays').innerJoin('persons', 'persons.id', 'stays.person_id').select(['persons.nationality', (eb) => eb.fn.countAll().as('n')])
        .where('stays.region_code', 'like', '73.12.%').where('stays.arrival_date', '<=', today)
        .where((eb) => eb.or([eb('stays.departure_date', 'is', null), eb('stays.departure_date', '>', today)])).groupBy('persons.nationality').execute();
      expect(figures.foreigners.presentByNationality).toEqual(Object.fromEntries(byNat.map((r) => [r.nationality, Number(r.n)])));
      const alerts = await server.db.selectFrom('alerts').select((eb) => eb.fn.countAll().as('n')).where('region_code', 'like', '73.12%')
        .where('created_at', '>=', period.fromUtc).where('created_at', '<', period.untilUtc).execute();
      expect(figures.alerts.raised).toBe(n(alerts));
      expect(figures.alerts.resolvedByOutcome.false_positive).toBeGreaterThanOrEqual(1);
      const meetings = await server.db.selectFrom('meetings').select((eb) => eb.fn.countAll().as('n')).where('team_id', '=', soppeng)
        .where('starts_at', '>=', period.fromUtc).where('starts_at', '<', period.untilUtc).execute();
      expect(figures.meetings.scheduled).toBe(n(meetings));

      const sections = reportSections(figures, await countryNames(server.db, figures));
      const pdf = await req('GET', `/api/v1/teams/${soppeng}/reports?period=year&date=${today}&format=pdf`, 'polres.soppeng');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.rawPayload.subarray(-6).toString()).toContain('%%EOF');
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('LAPORAN PERIODIK TIM PENGAWASAN ORANG ASING');
      expect(text).toContain(`Tahun ${today.slice(0, 4)}`);
      for (const s of sections) for (const [label, value] of s.rows) expect(text, `${s.id}: ${label}`).toContain(`${label}${value}`);

      const xlsx = await req('GET', `/api/v1/teams/${soppeng}/reports?period=year&date=${today}&format=xlsx`, 'polres.soppeng');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      sections.forEach((s, i) => {
        const sheet = book.worksheets[i + 1]!;
        const rows: [string, unknown][] = [];
        sheet.eachRow((row, r) => { if (r > 1) rows.push([String(row.getCell(1).value), row.getCell(2).value]); });
        expect(rows, s.id).toEqual(s.rows);
      });
      const audited = [...await server.db.selectFrom('audit_pending').select('action').where('action', '=', 'team.report').execute(),
        ...await server.db.selectFrom('audit_log').select('action').where('action', '=', 'team.report').execute()];
      expect(audited.length).toBeGreaterThanOrEqual(3);
    });
  });
}
