import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPending } from '../../src/server/audit/pending';
import { pdfText } from '../fixtures/pdf-text';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// A joint operation: planned with its targets and participants, field results recorded, a
// finding opens a case, and the report PDF prints plan, participants, results and case numbers.

for (const kind of dialectMatrix()) {
  describe(`joint operations on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const get = (url: string, who: string) => server.app.inject({ url, headers: { cookie: cookies[who]! } });
    const post = (url: string, who: string, payload: object = {}) => server.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
    const user = async (username: string) => server.db.selectFrom('users').select(['id', 'agency_id']).where('username', '=', username).executeTakeFirstOrThrow();

    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['imigrasi.parepare', 'polres.soppeng', 'polres.makassar', 'disnaker.soppeng', 'kesbangpol.soppeng']) cookies[u] = await server.login(u);
    }, 120_000);
    afterAll(async () => server?.close());

    it('plans an operation, records results, opens a case from a finding and prints the report', async () => {
      const maryam = await server.db.selectFrom('reporter_orgs').select('id').where('name', '=', 'Hotel Maryam').executeTakeFirstOrThrow();
      const [imigrasi, disnaker, polres] = [await user('imigrasi.parepare'), await user('disnaker.soppeng'), await user('polres.soppeng')];
      const planned = await post('/api/v1/operations', 'imigrasi.parepare', {
        title: 'Operasi gabungan Lalabata', plannedOn: '2025-06-10', regionCode: '73.12', notes: 'Sasaran: penginapan dan lokasi kerja',
        lodgingIds: [maryam.id], villageCodes: ['73.12.03.1001'],
        participants: [{ agencyId: imigrasi.agency_id, userIds: [imigrasi.id] }, { agencyId: disnaker.agency_id, userIds: [disnaker.id] }, { agencyId: polres.agency_id }],
      });
      expect(planned.statusCode, planned.body).toBe(201);
      const op = planned.json();
      expect(op.number).toMatch(/^OPS\/73\.12\/2025\/\d{4}$/);
      expect(op.targets.map((t: { kind: string; name: string }) => [t.kind, t.name])).toEqual([['lodging', 'Hotel Maryam'], ['area', expect.any(String)]]);
      expect(op.participants).toHaveLength(3);

      const bad = await post('/api/v1/operations', 'imigrasi.parepare', { title: 'Di luar', plannedOn: '2025-06-10', regionCode: '73.71', participants: [{ agencyId: 'nope' }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['regionCode', 'participants.0.agencyId']);

      const person = await server.db.selectFrom('stays').select('person_id').where('region_code', 'like', '73.12.%').limit(1).executeTakeFirstOrThrow();
      const results = await post(`/api/v1/operations/${op.id}/results`, 'disnaker.soppeng', {
        checks: [{ personId: person.person_id, documentsSeen: 'Paspor, KITAS' }, { name: 'ZHANG WEI', nationality: 'CHN', documentsSeen: 'Paspor', note: 'Tidak ada izin kerja' }],
        findings: [{ description: 'WNA bekerja tanpa izin kerja di PT Sutera', villageCode: '73.12.03.1001' }],
        done: true,
      });
      expect(results.statusCode, results.body).toBe(200);
      const after = results.json();
      expect(after.status).toBe('done');
      expect(after.checks.map((c: { name: string }) => c.name)).toContain('ZHANG WEI');
      const noName = await post(`/api/v1/operations/${op.id}/results`, 'disnaker.soppeng', { checks: [{ note: 'tanpa nama' }] });
      expect(noName.json().errors[0].field).toBe('checks.0.name');

      // the finding opens a case; the manpower office opened it and follows it
      const finding = after.findings[0];
      const opened = await post('/api/v1/cases', 'disnaker.soppeng', { title: 'Pekerja tanpa izin di PT Sutera', source: { kind: 'operation_finding', id: finding.id } });
      expect(opened.statusCode, opened.body).toBe(201);
      const c = opened.json();
      expect(c.regionCode).toBe('73.12.03.1001');
      expect((await get(`/api/v1/cases/${c.id}`, 'disnaker.soppeng')).statusCode).toBe(200);
      expect((await post('/api/v1/cases', 'disnaker.soppeng', { title: 'Lagi', source: { kind: 'operation_finding', id: finding.id } })).statusCode).toBe(409);
      const detail = (await get(`/api/v1/operations/${op.id}`, 'polres.soppeng')).json();
      expect(detail.findings[0].case).toMatchObject({ id: c.id, number: c.number, status: 'open' });

      const pdf = await get(`/api/v1/operations/${op.id}/report.pdf`, 'imigrasi.parepare');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfText(pdf.rawPayload);
      for (const s of ['LAPORAN OPERASI GABUNGAN', op.number, 'Operasi gabungan Lalabata', 'Hotel Maryam', 'Dinas Tenaga Kerja Kabupaten Soppeng', 'ZHANG WEI', 'Paspor, KITAS',
        'WNA bekerja tanpa izin kerja di PT Sutera', `Kasus ${c.number}`]) expect(text).toContain(s);

      await foldPending(server.db);
      const actions = (await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', op.id).orderBy('seq').execute()).map((r) => r.action);
      expect(actions).toEqual(['operation.plan', 'operation.results', 'operation.read', 'operation.report']);
    });

    it('shows an operation to its participants and the area\'s enforcement agencies only', async () => {
      const polres = await user('polres.soppeng');
      const op = (await post('/api/v1/operations', 'polres.soppeng', { title: 'Patroli Cabenge', plannedOn: '2025-07-01', regionCode: '73.12.03', participants: [{ agencyId: polres.agency_id }] })).json();
      expect((await get(`/api/v1/operations/${op.id}`, 'imigrasi.parepare')).statusCode).toBe(200);
      expect((await get(`/api/v1/operations/${op.id}`, 'kesbangpol.soppeng')).statusCode).toBe(403);
      expect((await get(`/api/v1/operations/${op.id}`, 'disnaker.soppeng')).statusCode).toBe(403);
      expect((await get(`/api/v1/operations/${op.id}`, 'polres.makassar')).statusCode).toBe(404);
      expect((await post(`/api/v1/operations/${op.id}/results`, 'kesbangpol.soppeng', { findings: [] })).statusCode).toBe(403);
      expect((await get('/api/v1/operations', 'disnaker.soppeng')).json().items.map((o: { id: string }) => o.id)).not.toContain(op.id);
      expect((await get('/api/v1/operations', 'imigrasi.parepare')).json().items.map((o: { id: string }) => o.id)).toContain(op.id);
    });
  });
}
