import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPending } from '../../src/server/audit/pending';
import { dialectMatrix } from '../fixtures/scratch-db';
import { newKey, sightingBody } from '../fixtures/sighting';
import { type TestServer, startTestServer } from '../fixtures/server';
import { openEventStream } from '../fixtures/sse';

// Cases from their source to closed with an action: the whole trail is in the case timeline and
// in the audit log; only the agencies the policy names see a case; attachments are sniffed,
// limited and audited when downloaded.

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000000020001e221bc330000000049454e44ae426082', 'hex');

for (const kind of dialectMatrix()) {
  describe(`cases on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const get = (url: string, who: string) => server.app.inject({ url, headers: { cookie: cookies[who]! } });
    const post = (url: string, who: string, payload: object = {}) => server.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
    const agencyOf = async (username: string) =>
      (await server.db.selectFrom('users').select(['id', 'agency_id']).where('username', '=', username).executeTakeFirstOrThrow());
    const soppengStay = async () => server.db.selectFrom('stays').select(['id', 'person_id', 'region_code']).where('region_code', 'like', '73.12.%')
      .where('departure_date', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const auditActions = async (caseId: string) => {
      await foldPending(server.db);
      return (await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', caseId).orderBy('seq').execute()).map((r) => r.action);
    };

    beforeAll(async () => {
      server = await startTestServer({ kind, listen: true });
      for (const u of ['imigrasi.parepare', 'polres.soppeng', 'polres.makassar', 'disnaker.soppeng', 'kesbangpol.soppeng', 'bin.sulsel', 'hotel.maryam', 'auditor', 'desa.lalabata']) {
        cookies[u] = await server.login(u);
      }
    }, 120_000);
    afterAll(async () => server?.close());

    it('opens a case from a stay, assigns it, records an action and closes it; timeline and audit log hold every step', async () => {
      const stay = await soppengStay();
      const polres = await agencyOf('polres.soppeng');
      const opened = await post('/api/v1/cases', 'imigrasi.parepare', { title: 'WNA bekerja tanpa izin di Lalabata', summary: 'Laporan warga', source: { kind: 'stay', id: stay.id } });
      expect(opened.statusCode, opened.body).toBe(201);
      const c = opened.json();
      expect(c).toMatchObject({ status: 'open', regionCode: stay.region_code, source: { kind: 'stay', id: stay.id } });
      expect(c.number).toMatch(/^KASUS\/73\.12\/\d{4}\/\d{4}$/);
      expect(c.persons.map((p: { id: string }) => p.id)).toEqual([stay.person_id]);

      expect((await post(`/api/v1/cases/${c.id}/assign`, 'imigrasi.parepare', { agencyId: polres.agency_id, userId: polres.id })).json().assignedAgency.id).toBe(polres.agency_id);
      expect((await post(`/api/v1/cases/${c.id}/start`, 'polres.soppeng', {})).json().status).toBe('in_progress');
      expect((await post(`/api/v1/cases/${c.id}/start`, 'polres.soppeng', {})).statusCode).toBe(409);
      expect((await post(`/api/v1/cases/${c.id}/comments`, 'polres.soppeng', { text: 'Sudah dicek ke lokasi kerja' })).statusCode).toBe(200);
      // administrative immigration action is for immigration only; an administrative action needs its measure
      expect((await post(`/api/v1/cases/${c.id}/action`, 'polres.soppeng', { action: 'administrative', measure: 'deportation', note: 'Dideportasi' })).statusCode).toBe(403);
      const noMeasure = await post(`/api/v1/cases/${c.id}/action`, 'imigrasi.parepare', { action: 'administrative', note: 'Tanpa pilihan' });
      expect(noMeasure.statusCode).toBe(400);
      expect(noMeasure.json().errors[0].field).toBe('measure');
      expect((await post(`/api/v1/cases/${c.id}/close`, 'imigrasi.parepare', {})).statusCode).toBe(409);
      const acted = await post(`/api/v1/cases/${c.id}/action`, 'imigrasi.parepare', { action: 'administrative', measure: 'deportation', note: 'Dideportasi melalui Bandara Sultan Hasanuddin' });
      expect(acted.json()).toMatchObject({ status: 'action_taken', action: { kind: 'administrative', measure: 'deportation' } });
      const closed = (await post(`/api/v1/cases/${c.id}/close`, 'imigrasi.parepare', { note: 'Selesai' })).json();
      expect(closed.status).toBe('closed');
      expect((await post(`/api/v1/cases/${c.id}/comments`, 'polres.soppeng', { text: 'Terlambat' })).statusCode).toBe(409);

      const detail = (await get(`/api/v1/cases/${c.id}`, 'polres.soppeng')).json();
      expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'assigned', 'status', 'comment', 'action', 'closed']);
      expect(detail.timeline[3].detail.text).toBe('Sudah dicek ke lokasi kerja');
      expect(detail.timeline[4].detail).toMatchObject({ action: 'administrative', measure: 'deportation', from: 'in_progress', to: 'action_taken' });
      expect(detail.abilities).toMatchObject({ comment: false, close: false });
      expect(await auditActions(c.id)).toEqual(['case.open', 'case.assign', 'case.start', 'case.comment', 'case.act', 'case.close', 'case.read']);
    });

    it('opens a case from an alert; the alert\'s history links to it; the case goes live to those who may read it', async () => {
      const stay = await soppengStay();
      const at = new Date().toISOString();
      const alertId = randomUUID();
      await server.db.insertInto('alerts').values({
        id: alertId, key: `case-test:${alertId}`, source: 'rule', rule: 'overstay', severity: 'high', status: 'new', person_id: stay.person_id, stay_id: stay.id,
        region_code: stay.region_code, explanation: JSON.stringify({ key: 'rule.overstay', params: { days: 2 } }), watchlist_entry_id: null, score: null,
        assigned_agency_id: null, assigned_user_id: null, resolution: null, reason: null, created_at: at, updated_at: at, resolved_at: null, resolved_by: null,
      }).execute();
      const police = await openEventStream(`${server.url}/api/v1/events`, cookies['polres.soppeng']!);
      const manpower = await openEventStream(`${server.url}/api/v1/events`, cookies['disnaker.soppeng']!);
      try {
        expect((await post(`/api/v1/alerts/${alertId}/case`, 'disnaker.soppeng', { title: 'Overstay' })).statusCode).toBe(403);
        expect((await post(`/api/v1/alerts/${alertId}/case`, 'polres.makassar', { title: 'Overstay' })).statusCode).toBe(404);
        const res = await post(`/api/v1/alerts/${alertId}/case`, 'polres.soppeng', { title: 'Overstay di Hotel Maryam' });
        expect(res.statusCode, res.body).toBe(201);
        const c = res.json();
        expect(c.source).toEqual({ kind: 'alert', id: alertId });
        const alert = (await get(`/api/v1/alerts/${alertId}`, 'polres.soppeng')).json();
        expect(alert.activity.map((a: { kind: string; detail: { caseId?: string } }) => [a.kind, a.detail.caseId])).toContainEqual(['case_opened', c.id]);
        expect((await get(`/api/v1/cases?sourceKind=alert&sourceId=${alertId}`, 'imigrasi.parepare')).json().items.map((x: { id: string }) => x.id)).toEqual([c.id]);
        await new Promise((r) => setTimeout(r, 400));
        expect(police.events.filter((e) => e.event === 'case.opened').map((e) => (e.data as { caseId: string }).caseId)).toContain(c.id);
        expect(manpower.events.filter((e) => e.event.startsWith('case.'))).toEqual([]);
      } finally { police.close(); manpower.close(); }
    });

    it('turns a village officer\'s sighting into a case, closes it, and the officer sees what became of it', async () => {
      const reported = await server.app.inject({
        method: 'POST', url: '/api/v1/sightings', payload: sightingBody(),
        headers: { cookie: cookies['desa.lalabata']!, 'idempotency-key': newKey() },
      });
      expect(reported.statusCode, reported.body).toBe(201);
      const id = reported.json().id as string;
      const res = await post('/api/v1/cases', 'imigrasi.parepare', { title: 'Laporan deteksi dini', source: { kind: 'sighting', id } });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(res.json().regionCode).toBe(sightingBody().location.villageCode);
      const acted = await post(`/api/v1/cases/${c.id}/action`, 'imigrasi.parepare', { action: 'no_action', note: 'WNA memiliki izin tinggal yang sah' });
      expect(acted.json().status).toBe('action_taken');
      expect((await post(`/api/v1/cases/${c.id}/close`, 'imigrasi.parepare', {})).json().status).toBe('closed');
      const detail = (await get(`/api/v1/cases/${c.id}`, 'imigrasi.parepare')).json();
      expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'action', 'closed']);
      expect(await auditActions(c.id)).toEqual(['case.open', 'case.act', 'case.close', 'case.read']);
      const mine = (await get('/api/v1/sightings?mine=true', 'desa.lalabata')).json().items as { id: string; status: string }[];
      expect(mine.find((x) => x.id === id)?.status).toBe('case_opened');
      // one sighting, one case
      expect((await post('/api/v1/cases', 'imigrasi.parepare', { title: 'Lagi', source: { kind: 'sighting', id } })).statusCode).toBe(409);
    });

    it('hides a case outside the area (404) and from agencies the policy does not name (403), until assigned to them', async () => {
      const stay = await soppengStay();
      const c = (await post('/api/v1/cases', 'imigrasi.parepare', { title: 'Kasus uji akses', source: { kind: 'stay', id: stay.id } })).json();
      expect((await get(`/api/v1/cases/${c.id}`, 'polres.makassar')).statusCode).toBe(404);
      expect((await get(`/api/v1/cases/${c.id}`, 'disnaker.soppeng')).statusCode).toBe(403);
      expect((await get(`/api/v1/cases/${c.id}`, 'kesbangpol.soppeng')).statusCode).toBe(403);
      expect((await get(`/api/v1/cases/${c.id}`, 'bin.sulsel')).statusCode).toBe(200); // through its team membership
      expect((await get(`/api/v1/cases/${c.id}`, 'hotel.maryam')).statusCode).toBe(403);
      expect((await get('/api/v1/cases?pageSize=200', 'disnaker.soppeng')).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
      expect((await get('/api/v1/cases?pageSize=200', 'polres.makassar')).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
      // a stay outside the caller's area is an unknown source
      const makassarStay = await server.db.selectFrom('stays').select('id').where('region_code', 'like', '73.71.%').limit(1).executeTakeFirstOrThrow();
      const outside = await post('/api/v1/cases', 'imigrasi.parepare', { title: 'Di luar wilayah', source: { kind: 'stay', id: makassarStay.id } });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().errors[0].field).toBe('source.id');
      // assigned to the manpower office: its members see and work it, but take no immigration action
      const disnaker = await agencyOf('disnaker.soppeng');
      expect((await post(`/api/v1/cases/${c.id}/assign`, 'disnaker.soppeng', { agencyId: disnaker.agency_id })).statusCode).toBe(403);
      await post(`/api/v1/cases/${c.id}/assign`, 'polres.soppeng', { agencyId: disnaker.agency_id });
      expect((await get(`/api/v1/cases/${c.id}`, 'disnaker.soppeng')).statusCode).toBe(200);
      expect((await get('/api/v1/cases?mine=agency', 'disnaker.soppeng')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
      expect((await post(`/api/v1/cases/${c.id}/action`, 'disnaker.soppeng', { action: 'criminal_handover', note: 'Dilimpahkan' })).statusCode).toBe(403);
      expect((await post(`/api/v1/cases/${c.id}/action`, 'disnaker.soppeng', { action: 'no_action', note: 'Pekerja sudah punya RPTKA' })).json().status).toBe('action_taken');
    });

    it('links and removes persons', async () => {
      const [a, b] = await server.db.selectFrom('stays').select(['id', 'person_id']).where('region_code', 'like', '73.12.%').orderBy('id').limit(40).execute()
        .then((rows) => [rows[0]!, rows.find((r) => r.person_id !== rows[0]!.person_id)!]);
      const c = (await post('/api/v1/cases', 'imigrasi.parepare', { title: 'Kasus dua orang', source: { kind: 'stay', id: a!.id } })).json();
      expect((await post(`/api/v1/cases/${c.id}/persons`, 'imigrasi.parepare', { personId: b!.person_id })).json().persons).toHaveLength(2);
      expect((await post(`/api/v1/cases/${c.id}/persons`, 'imigrasi.parepare', { personId: b!.person_id })).statusCode).toBe(409);
      const unknown = await post(`/api/v1/cases/${c.id}/persons`, 'imigrasi.parepare', { personId: 'no-such-person' });
      expect(unknown.json().errors[0].field).toBe('personId');
      const removed = (await post(`/api/v1/cases/${c.id}/persons/remove`, 'imigrasi.parepare', { personId: b!.person_id })).json();
      expect(removed.persons.map((p: { id: string }) => p.id)).toEqual([a!.person_id]);
      expect(removed.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'person_linked', 'person_unlinked']);
    });

    it('takes images and PDFs up to 5 MB by their bytes, refuses others naming the field, and audits each download', async () => {
      const stay = await soppengStay();
      const c = (await post('/api/v1/cases', 'imigrasi.parepare', { title: 'Kasus lampiran', source: { kind: 'stay', id: stay.id } })).json();
      const up = await post(`/api/v1/cases/${c.id}/attachments`, 'polres.soppeng', { filename: '../foto lokasi.png', contentBase64: PNG.toString('base64'), note: 'Foto lokasi' });
      expect(up.statusCode, up.body).toBe(201);
      const att = up.json().attachments[0];
      expect(att).toMatchObject({ filename: 'foto lokasi.png', contentType: 'image/png', size: PNG.length });
      expect(up.json().timeline.at(-1)).toMatchObject({ kind: 'attachment', detail: { attachmentId: att.id } });

      const html = await post(`/api/v1/cases/${c.id}/attachments`, 'polres.soppeng', { filename: 'x.png', contentBase64: Buffer.from('<html><script>alert(1)</script>').toString('base64') });
      expect(html.statusCode).toBe(400);
      expect(html.json().errors[0].field).toBe('contentBase64');
      const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
      const tooBig = await post(`/api/v1/cases/${c.id}/attachments`, 'polres.soppeng', { filename: 'besar.png', contentBase64: big.toString('base64') });
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json().errors[0]).toMatchObject({ field: 'contentBase64' });
      expect(tooBig.json().errors[0].message).toMatch(/5 MB/);
      const pdf = await post(`/api/v1/cases/${c.id}/attachments`, 'polres.soppeng', { filename: 'surat', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
      expect(pdf.json().attachments[1]).toMatchObject({ filename: 'surat.pdf', contentType: 'application/pdf' });

      const down = await get(`/api/v1/case-attachments/${att.id}`, 'polres.soppeng');
      expect(down.statusCode).toBe(200);
      expect(down.headers['content-type']).toBe('image/png');
      expect(down.headers['content-disposition']).toMatch(/^attachment; filename="foto lokasi.png"/);
      expect(down.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(down.rawPayload, PNG)).toBe(0);
      expect((await get(`/api/v1/case-attachments/${att.id}`, 'disnaker.soppeng')).statusCode).toBe(403);
      expect((await get(`/api/v1/case-attachments/${att.id}`, 'polres.makassar')).statusCode).toBe(404);
      expect(await auditActions(c.id)).toEqual(['case.open', 'case.attach', 'case.attach', 'case.attachment.download']);
    });
  });
}
