import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxRow } from '../../src/server/events/bus';
import { foldPending } from '../../src/server/audit/pending';
import { sweepDueTasks } from '../../src/server/features/notifications/tasks';
import { housekeeping } from '../../src/server/jobs/housekeeping';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';
import { startTestSmtp, type TestSmtp } from '../fixtures/smtp';
import { openEventStream } from '../fixtures/sse';

// The team channel replaces the team's WhatsApp group: only the team (and the office that formed it)
// reads it, mentions notify members (live, in the inbox, by e-mail), links never show a person the
// reader may not see, threads resolve, read state counts unread, search finds, retention purges all
// but the pinned guides, and every post is in the audit log.

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6c2f70000000049454e44ae426082', 'hex');

for (const kind of dialectMatrix()) {
  describe(`team channel on ${kind}`, () => {
    let server: TestServer;
    let smtp: TestSmtp;
    let teamId: string;
    let makassarTeamId: string;
    const cookies: Record<string, string> = {};
    const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, who: string, payload?: object) =>
      server.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
    const post = (who: string, body: object, team = teamId) => call('POST', `/api/v1/teams/${team}/channel/messages`, who, body);
    const userId = async (username: string) => (await server.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const flush = async () => { await server.app.notificationsIdle(); await new Promise((r) => setTimeout(r, 100)); };

    beforeAll(async () => {
      smtp = await startTestSmtp();
      server = await startTestServer({ kind, listen: true, env: { SINERGI_SMTP_URL: smtp.url } });
      teamId = (await server.db.selectFrom('teams').select('id').where('region_code', '=', '73.12').executeTakeFirstOrThrow()).id;
      makassarTeamId = (await server.db.selectFrom('teams').select('id').where('region_code', '=', '73.71').executeTakeFirstOrThrow()).id;
      // a Soppeng police officer who is not in the team: inside the area, outside the channel
      const hash = (await server.db.selectFrom('users').select('password_hash').where('username', '=', 'polres.soppeng').executeTakeFirstOrThrow()).password_hash;
      const polres = await server.db.selectFrom('users').selectAll().where('username', '=', 'polres.soppeng').executeTakeFirstOrThrow();
      await server.db.insertInto('users').values({ ...polres, id: randomUUID(), username: 'polres.outsider', display_name: 'Bukan Anggota', password_hash: hash, email: null }).execute();
      for (const u of ['imigrasi.parepare', 'polres.soppeng', 'kesbangpol.soppeng', 'disnaker.soppeng', 'polres.makassar', 'polres.outsider', 'hotel.maryam']) cookies[u] = await server.login(u);
      await server.db.updateTable('users').set({ email: 'polres@example.test' }).where('username', '=', 'polres.soppeng').execute();
    }, 60_000);
    afterAll(async () => { await server?.close(); await smtp?.close(); });

    it('opens only to the team and the office that formed it: 404 outside the area, 403 inside', async () => {
      const ok = await call('GET', `/api/v1/teams/${teamId}/channel`, 'polres.soppeng');
      expect(ok.statusCode).toBe(200);
      const body = ok.json();
      expect(body.team.name).toBe('Timpora Kabupaten Soppeng');
      expect(body.pinned.filter((m: { kind: string }) => m.kind === 'guide')).toHaveLength(2);
      expect(body.pinned.map((m: { text: string }) => m.text).join()).toMatch(/Panduan singkat.*short guide/s);
      expect(body.members.map((m: { username: string }) => m.username)).toContain('disnaker.soppeng');
      expect(body.abilities).toEqual({ post: true, announce: false, readLog: false });
      expect((await call('GET', `/api/v1/teams/${teamId}/channel`, 'polres.makassar')).statusCode).toBe(404);
      expect((await call('GET', `/api/v1/teams/${teamId}/channel`, 'polres.outsider')).statusCode).toBe(403);
      expect((await post('polres.outsider', { text: 'halo' })).statusCode).toBe(403);
      expect((await call('GET', `/api/v1/teams/${teamId}/channel`, 'hotel.maryam')).statusCode).toBe(403);
      expect((await call('GET', `/api/v1/teams/${makassarTeamId}/channel`, 'polres.makassar')).statusCode).toBe(200);
      expect((await call('GET', '/api/v1/channel/teams', 'imigrasi.parepare')).json().map((t: { name: string }) => t.name)).toEqual(['Timpora Kabupaten Soppeng']);
    });

    it('resolves mentions to members, notifies them live, in the inbox and by e-mail, and audits the post without its text', async () => {
      const polresStream = await openEventStream(`${server.url}/api/v1/events`, cookies['polres.soppeng']!);
      const outsiderStream = await openEventStream(`${server.url}/api/v1/events`, cookies['polres.makassar']!);
      try {
      const mailsBefore = smtp.messages.length;
      const res = await post('imigrasi.parepare', { text: 'Mohon @polres.soppeng cek lokasi; cc @polres.makassar @tidak.ada' });
      expect(res.statusCode).toBe(201);
      const message = res.json();
      expect(message.mentions.map((m: { username: string }) => m.username)).toEqual(['polres.soppeng']); // not a member: plain text
      for (let i = 0; i < 50 && polresStream.events.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      expect(polresStream.events.map((e) => e.event).sort()).toEqual(['channel.message_posted', 'notification.created']);
      const live = polresStream.events.find((e) => e.event === 'channel.message_posted')!.data as Record<string, unknown>;
      expect(live).toMatchObject({ teamId, messageId: message.id });
      expect(JSON.stringify(live)).not.toMatch(/Mohon/); // ids only
      await new Promise((r) => setTimeout(r, 300));
      expect(outsiderStream.events).toEqual([]);

      const inbox = (await call('GET', '/api/v1/notifications', 'polres.soppeng')).json();
      expect(inbox.unread).toBe(1);
      expect(inbox.items[0]).toMatchObject({ kind: 'mention', teamId, refId: message.id, actorName: 'Petugas Inteldakim Kanim Parepare', readAt: null });
      const mail = await smtp.waitFor('polres@example.test', mailsBefore);
      expect(mail.subject).toMatch(/disebut|mentioned/);
      expect(mail.text).toContain(`/channel/${teamId}?message=${message.id}`);
      expect(mail.text).not.toMatch(/cek lokasi/);

      const audit = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'channel.post').where('resource_id', '=', message.id).executeTakeFirstOrThrow();
      expect(JSON.parse(audit.detail)).toEqual({ teamId });
      } finally { polresStream.close(); outsiderStream.close(); }
    });

    it('keeps the inbox\'s read state and shows the chair which notice went to whom and when it was read', async () => {
      const [notice] = (await call('GET', '/api/v1/notifications?unread=true', 'polres.soppeng')).json().items;
      expect((await call('POST', `/api/v1/notifications/${notice.id}/read`, 'disnaker.soppeng')).statusCode).toBe(404);
      expect((await call('POST', `/api/v1/notifications/${notice.id}/read`, 'polres.soppeng')).statusCode).toBe(204);
      expect((await call('GET', '/api/v1/notifications', 'polres.soppeng')).json().unread).toBe(0);
      await flush();
      const log = await call('GET', `/api/v1/teams/${teamId}/notification-log`, 'imigrasi.parepare');
      expect(log.statusCode).toBe(200);
      const row = log.json().items.find((i: { id: string }) => i.id === notice.id);
      expect(row).toMatchObject({ kind: 'mention', recipient: { displayName: 'Satintelkam Polres Soppeng' }, email: { status: 'delivered' } });
      expect(row.readAt).not.toBeNull();
      expect((await call('GET', `/api/v1/teams/${teamId}/notification-log`, 'kesbangpol.soppeng')).statusCode).toBe(200); // secretary
      expect((await call('GET', `/api/v1/teams/${teamId}/notification-log`, 'polres.soppeng')).statusCode).toBe(403);
    });

    it('shows a person link only to members who may see the person, and never a name', async () => {
      const makassarOnly = await server.db.selectFrom('stays').select('person_id').where('region_code', 'like', '73.71.%')
        .where('person_id', 'not in', server.db.selectFrom('stays').select('person_id').where('region_code', 'like', '73.12.%')).executeTakeFirstOrThrow();
      const soppeng = await server.db.selectFrom('stays').select('person_id').where('region_code', 'like', '73.12.%').executeTakeFirstOrThrow();
      const res = await post('polres.soppeng', { text: `Cek sinergi:person/${makassarOnly.person_id} dan sinergi:person/${soppeng.person_id} dan sinergi:case/123` });
      expect(res.statusCode).toBe(201);
      const links = res.json().links as { id: string; visible: boolean }[];
      expect(links.map((l) => [l.id, l.visible])).toEqual([[makassarOnly.person_id, false], [soppeng.person_id, true], ['123', false]]);
      const person = await server.db.selectFrom('persons').select('surname').where('id', '=', soppeng.person_id).executeTakeFirstOrThrow();
      expect(res.body).not.toContain(person.surname);
      const listed = await call('GET', `/api/v1/teams/${teamId}/channel/messages?q=${encodeURIComponent(person.surname)}`, 'polres.soppeng');
      expect(listed.json().items).toEqual([]); // search matches text only, never a linked person's data
    });

    it('shows a case link to members the case policy lets read it, not to the manpower office', async () => {
      const stay = await server.db.selectFrom('stays').select('id').where('region_code', 'like', '73.12.%').where('departure_date', 'is', null).executeTakeFirstOrThrow();
      const opened = await call('POST', '/api/v1/cases', 'imigrasi.parepare', { title: 'Kasus untuk tautan', source: { kind: 'stay', id: stay.id } });
      expect(opened.statusCode).toBe(201);
      const ref = `sinergi:case/${opened.json().id}`;
      const msg = (await post('imigrasi.parepare', { text: `Lihat ${ref}` })).json();
      const seen = async (who: string) => {
        const items = (await call('GET', `/api/v1/teams/${teamId}/channel/messages`, who)).json().items as { id: string; links: { visible: boolean }[] }[];
        return items.find((m) => m.id === msg.id)!.links[0]!.visible;
      };
      expect(await seen('polres.soppeng')).toBe(true);
      expect(await seen('disnaker.soppeng')).toBe(false);
    });

    it('threads replies under a message and marks a thread resolved', async () => {
      const root = (await post('disnaker.soppeng', { text: 'Temuan TKA di PT Sutera, siapa menindaklanjuti?' })).json();
      expect((await post('polres.soppeng', { text: 'Kami cek besok.', parentId: root.id })).statusCode).toBe(201);
      const reply = (await post('imigrasi.parepare', { text: 'Imigrasi ikut.', parentId: root.id })).json();
      expect((await post('polres.soppeng', { text: 'balas balasan', parentId: reply.id })).json().errors[0].field).toBe('parentId');
      const thread = (await call('GET', `/api/v1/teams/${teamId}/channel/messages?thread=${root.id}`, 'kesbangpol.soppeng')).json();
      expect(thread.items.map((m: { text: string }) => m.text)).toEqual(['Imigrasi ikut.', 'Kami cek besok.']);
      const top = (await call('GET', `/api/v1/teams/${teamId}/channel/messages`, 'kesbangpol.soppeng')).json();
      expect(top.items.find((m: { id: string }) => m.id === root.id).replyCount).toBe(2);
      expect(top.items.some((m: { id: string }) => m.id === reply.id)).toBe(false);
      const resolved = await call('POST', `/api/v1/channel/messages/${root.id}/resolve`, 'polres.soppeng', { resolved: true });
      expect(resolved.json().resolvedAt).not.toBeNull();
      expect((await call('POST', `/api/v1/channel/messages/${reply.id}/resolve`, 'polres.soppeng', { resolved: true })).statusCode).toBe(400);
      expect((await call('POST', `/api/v1/channel/messages/${root.id}/resolve`, 'polres.makassar', { resolved: false })).statusCode).toBe(404);
    });

    it('counts unread messages from the member\'s read mark', async () => {
      const before = (await call('GET', '/api/v1/channel/teams', 'disnaker.soppeng')).json()[0].unread;
      expect(before).toBeGreaterThan(0);
      const latest = (await call('GET', `/api/v1/teams/${teamId}/channel`, 'disnaker.soppeng')).json().latestMessageId;
      expect((await call('POST', `/api/v1/teams/${teamId}/channel/read`, 'disnaker.soppeng', { messageId: latest })).statusCode).toBe(204);
      expect((await call('GET', `/api/v1/teams/${teamId}/channel`, 'disnaker.soppeng')).json().unread).toBe(0);
      await post('polres.soppeng', { text: 'Satu pesan baru.' });
      await post('disnaker.soppeng', { text: 'Pesan saya sendiri tidak dihitung.' });
      expect((await call('GET', `/api/v1/teams/${teamId}/channel`, 'disnaker.soppeng')).json().unread).toBe(1);
      expect((await call('POST', `/api/v1/teams/${teamId}/channel/read`, 'disnaker.soppeng', { messageId: 'nope' })).statusCode).toBe(400);
    });

    it('searches the team\'s messages by words', async () => {
      await post('kesbangpol.soppeng', { text: 'Jadwal OPERASI gabungan Lejja hari Senin' });
      const found = (await call('GET', `/api/v1/teams/${teamId}/channel/messages?q=${encodeURIComponent('operasi lejja')}`, 'polres.soppeng')).json();
      expect(found.items.map((m: { text: string }) => m.text)).toEqual(['Jadwal OPERASI gabungan Lejja hari Senin']);
      expect((await call('GET', `/api/v1/teams/${teamId}/channel/messages?q=${encodeURIComponent('100%_')}`, 'polres.soppeng')).json().items).toEqual([]);
      expect((await call('GET', `/api/v1/teams/${makassarTeamId}/channel/messages?q=Lejja`, 'polres.makassar')).json().items).toEqual([]);
    });

    it('keeps the original on edit, deletes softly by the author or a moderator, audited', async () => {
      const msg = (await post('polres.soppeng', { text: 'Rapat jam 9' })).json();
      expect((await call('PATCH', `/api/v1/channel/messages/${msg.id}`, 'disnaker.soppeng', { text: 'x' })).statusCode).toBe(403);
      const edited = await call('PATCH', `/api/v1/channel/messages/${msg.id}`, 'polres.soppeng', { text: 'Rapat jam 10' });
      expect(edited.json()).toMatchObject({ text: 'Rapat jam 10' });
      const detail = (await call('GET', `/api/v1/channel/messages/${msg.id}`, 'disnaker.soppeng')).json();
      expect(detail.history.map((h: { text: string }) => h.text)).toEqual(['Rapat jam 9']);
      expect((await call('DELETE', `/api/v1/channel/messages/${msg.id}`, 'disnaker.soppeng')).statusCode).toBe(403);
      expect((await call('DELETE', `/api/v1/channel/messages/${msg.id}`, 'kesbangpol.soppeng')).statusCode).toBe(204); // the secretary moderates
      const gone = (await call('GET', `/api/v1/channel/messages/${msg.id}`, 'polres.soppeng')).json();
      expect(gone).toMatchObject({ text: null, history: [] });
      expect(gone.deletedAt).not.toBeNull();
      const stored = await server.db.selectFrom('channel_messages').select('text').where('id', '=', msg.id).executeTakeFirstOrThrow();
      expect(stored.text).toBe('Rapat jam 10'); // the record is kept
      const actions = (await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', msg.id).orderBy('seq').execute()).map((a) => a.action);
      expect(actions).toEqual(['channel.post', 'channel.edit', 'channel.delete']);
    });

    it('lets only the chair, the secretary or immigration announce; announcements are pinned', async () => {
      expect((await post('polres.soppeng', { text: 'Pengumuman?', announcement: true })).statusCode).toBe(403);
      const a = await post('kesbangpol.soppeng', { text: 'Rapat pleno 12 Desember di Hotel Maryam', announcement: true });
      expect(a.statusCode).toBe(201);
      const pinned = (await call('GET', `/api/v1/teams/${teamId}/channel`, 'polres.soppeng')).json().pinned;
      expect(pinned[0]).toMatchObject({ id: a.json().id, kind: 'announcement' });
    });

    it('takes photos and PDFs by their content, attaches them and audits each download', async () => {
      const fake = await call('POST', `/api/v1/teams/${teamId}/channel/attachments`, 'polres.soppeng', { filename: 'foto.png', contentBase64: Buffer.from('<html>hi</html>').toString('base64') });
      expect(fake.json().errors[0].field).toBe('contentBase64');
      const up = await call('POST', `/api/v1/teams/${teamId}/channel/attachments`, 'polres.soppeng', { filename: '../../etc/foto lokasi.png', contentBase64: PNG.toString('base64') });
      expect(up.statusCode).toBe(201);
      expect(up.json()).toMatchObject({ filename: 'foto lokasi.png', mime: 'image/png', size: PNG.length });
      expect((await post('disnaker.soppeng', { text: 'curi lampiran', attachmentIds: [up.json().id] })).statusCode).toBe(400);
      const msg = (await post('polres.soppeng', { text: 'Foto lokasi', attachmentIds: [up.json().id] })).json();
      expect(msg.attachments).toHaveLength(1);
      const dl = await call('GET', `/api/v1/channel/attachments/${up.json().id}`, 'disnaker.soppeng');
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('image/png');
      expect(Buffer.from(dl.rawPayload).equals(PNG)).toBe(true);
      expect((await call('GET', `/api/v1/channel/attachments/${up.json().id}`, 'polres.makassar')).statusCode).toBe(404);
      await foldPending(server.db); // reads wait in a pending table; folding first avoids counting one twice mid-fold
      const folded = await server.db.selectFrom('audit_log').select('actor_username').where('action', '=', 'channel.attachment.download').execute();
      expect(folded.map((r) => r.actor_username)).toEqual(['disnaker.soppeng']);
    });

    it('notifies the assignee of a task (task.assigned event) and of a task falling due', async () => {
      const polres = await userId('polres.soppeng');
      const polresAgency = (await server.db.selectFrom('users').select('agency_id').where('id', '=', polres).executeTakeFirstOrThrow()).agency_id;
      const taskId = randomUUID();
      await server.db.insertInto('outbox').values(outboxRow('task.assigned', '73.12', { taskId, teamId, assigneeAgencyId: polresAgency, assignedBy: await userId('imigrasi.parepare') })).execute();
      await server.app.inject({ method: 'GET', url: '/api/v1/health' });
      for (let i = 0; i < 50; i++) {
        await (server.app as unknown as { taskNoticesIdle(): Promise<unknown> }).taskNoticesIdle();
        const n = await server.db.selectFrom('notifications').selectAll().where('ref_id', '=', taskId).execute();
        if (n.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const inbox = (await call('GET', '/api/v1/notifications', 'polres.soppeng')).json();
      expect(inbox.items[0]).toMatchObject({ kind: 'task_assigned', refId: taskId, link: `/tugas?open=${taskId}`, actorName: 'Petugas Inteldakim Kanim Parepare' });

      const polresAgencyId = polresAgency!;
      const task = (id: string, due: string, status: 'open' | 'done') => ({
        id, team_id: teamId, meeting_id: null, agreement_id: null, title: `Tugas ${id}`, owner_agency_id: polresAgencyId, owner_user_id: polres,
        due_on: due, status, done_note: null, done_at: null, done_by: null, created_by: polres, created_at: new Date().toISOString(),
      });
      await server.db.insertInto('team_tasks').values([task('due-1', '2000-01-01', 'open'), task('done-1', '2000-01-01', 'done'), task('later-1', '2999-01-01', 'open')]).execute();
      const config = { publicUrl: 'http://localhost:3000' } as never;
      expect(await sweepDueTasks({ db: server.db, config })).toBe(1);
      expect(await sweepDueTasks({ db: server.db, config })).toBe(0); // once per task and due date
      const due = await server.db.selectFrom('notifications').select(['ref_id', 'kind']).where('kind', '=', 'task_due').execute();
      expect(due).toEqual([{ ref_id: 'due-1', kind: 'task_due' }]);
    });

    it('purges messages past the retention period but keeps the pinned guides', async () => {
      const old = new Date(Date.now() - 800 * 86400_000).toISOString();
      const id = randomUUID();
      await server.db.insertInto('channel_messages').values({
        id, team_id: teamId, author_id: await userId('polres.soppeng'), kind: 'message', parent_id: null, text: 'lama sekali', created_at: old,
        edited_at: null, deleted_at: null, deleted_by: null, resolved_at: null, resolved_by: null, last_reply_at: null,
      }).execute();
      await server.db.updateTable('channel_messages').set({ created_at: old }).where('kind', '=', 'guide').execute();
      const result = await housekeeping(server.db, new Date(), { channelRetentionDays: 730 });
      expect(result.channelMessages).toBe(1);
      expect(await server.db.selectFrom('channel_messages').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
      expect((await server.db.selectFrom('channel_messages').select('id').where('team_id', '=', teamId).where('kind', '=', 'guide').execute())).toHaveLength(2);
      expect((await server.db.selectFrom('channel_messages').select('id').where('team_id', '=', teamId).where('kind', '=', 'message').execute()).length).toBeGreaterThan(3);
    });
  });
}
