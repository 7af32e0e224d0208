import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestExport, runExport } from '../../src/server/features/exports/commands';
import { housekeeping } from '../../src/server/jobs/housekeeping';
import { actorForToken } from '../../src/server/auth/sessions';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Exports of lists and figures: a job with a purpose, made in the background a chunk at a time,
// columns by the field matrix, times in the region's zone, the file only for its requester.

const PURPOSE = 'Rapat koordinasi Timpora Desember';
type Json = Record<string, any>;

for (const kind of dialectMatrix()) {
  describe(`exports on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const post = (user: string, payload: Json, lang = 'id') =>
      server.app.inject({ method: 'POST', url: '/api/v1/exports', headers: { cookie: cookies[user]!, 'accept-language': lang }, payload });
    const get = (user: string, url: string) => server.app.inject({ url, headers: { cookie: cookies[user]! } });

    /** Asks for an export and waits (polling its progress) until it is done or failed; returns the last progress. */
    async function exportAndWait(user: string, payload: Json): Promise<{ job: Json; seen: Json[] }> {
      const res = await post(user, payload);
      expect(res.statusCode, res.body).toBe(202);
      const seen: Json[] = [res.json()];
      for (;;) {
        const job = (await get(user, `/api/v1/exports/${res.json().id}`)).json();
        seen.push(job);
        if (job.status === 'done' || job.status === 'failed') return { job, seen };
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    /** Polls a job until it is done (with a pause, so the background job's chunks get their turn). */
    async function waitDone(user: string, id: string): Promise<Json> {
      for (;;) {
        const job = (await get(user, `/api/v1/exports/${id}`)).json();
        if (job.status === 'done' || job.status === 'failed') return job;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    const fileOf = (user: string, job: Json) => get(user, job.fileUrl);
    async function sheetOf(body: Buffer) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    }

    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'polres.soppeng', 'disnaker.soppeng', 'kesbangpol.soppeng', 'imigrasi.parepare']) cookies[u] = await server.login(u);
      const body = checkInBody();
      body.guest.surname = 'EKSPORSSON';
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.maryam']! }, payload: body });
      expect(res.statusCode, res.body).toBe(201);
    }, 60_000);
    afterAll(async () => server?.close());

    it('requires a purpose of 3 to 200 characters, naming the field', async () => {
      for (const purpose of [undefined, '', 'ab', '  a  ', 'x'.repeat(201)]) {
        const res = await post('polres.soppeng', { source: 'stays', format: 'csv', ...(purpose === undefined ? {} : { purpose }) });
        expect(res.statusCode, String(purpose)).toBe(400);
        expect(res.json().errors[0].field).toBe('purpose');
      }
    });

    it('checks the filter against the source, naming the field', async () => {
      const bad = await post('polres.soppeng', { source: 'stays', format: 'csv', purpose: PURPOSE, filter: { present: 'ya' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('filter.present');
      const unknown = await post('polres.soppeng', { source: 'persons', format: 'csv', purpose: PURPOSE, filter: { lodging: 'x' } });
      expect(unknown.json().errors[0].field).toBe('filter.lodging');
      expect((await post('polres.soppeng', { source: 'nothing', format: 'csv', purpose: PURPOSE })).json().errors[0].field).toBe('source');
      // a region outside the caller's area is not there for it
      expect((await post('polres.soppeng', { source: 'figures', format: 'csv', purpose: PURPOSE, filter: { region: '73.71' } })).statusCode).toBe(404);
      expect((await post('hotel.maryam', { source: 'persons', format: 'csv', purpose: PURPOSE })).statusCode).toBe(403);
    });

    it('writes CSV with the columns of the field matrix (Polres: documents; Disnaker: employment), times in WITA', async () => {
      const polres = await exportAndWait('polres.soppeng', { source: 'stays', format: 'csv', purpose: PURPOSE, filter: { present: true } });
      expect(polres.job.status).toBe('done');
      expect(polres.job.percent).toBe(100);
      const text = (await fileOf('polres.soppeng', polres.job)).body;
      const header = text.replace(/^\uFEFF/, '').split('\r\n')[0]!;
      expect(header).toContain('Nomor paspor');
      expect(header).toContain('Dilaporkan (WITA)');
      expect(header).not.toContain('Pemberi kerja');
      expect(text).toContain('EKSPORSSON');
      expect(text.trim().split('\r\n')).toHaveLength(polres.job.rowsTotal + 1);
      expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}\r\n/); // local time, the zone in the header only

      const disnaker = await exportAndWait('disnaker.soppeng', { source: 'stays', format: 'csv', purpose: PURPOSE, filter: { present: true } });
      const dHeader = (await fileOf('disnaker.soppeng', disnaker.job)).body.split('\r\n')[0]!;
      expect(dHeader).toContain('Pemberi kerja');
      expect(dHeader).not.toContain('Nomor paspor');
      expect(dHeader).not.toContain('Tanggal lahir');
    });

    it('writes XLSX by the field matrix, English headers on request', async () => {
      const res = await post('disnaker.soppeng', { source: 'stays', format: 'xlsx', purpose: PURPOSE }, 'en');
      const job = await waitDone('disnaker.soppeng', res.json().id);
      expect(job.status).toBe('done');
      const file = await fileOf('disnaker.soppeng', job);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      expect(file.headers['content-disposition']).toMatch(/sinergi-stays-\d{4}-\d{2}-\d{2}\.xlsx/);
      const rows = await sheetOf(file.rawPayload);
      expect(rows[0]).toContain('Employer');
      expect(rows[0]).toContain('Reported (WITA)');
      expect(rows[0]).not.toContain('Passport number');
      expect(rows).toHaveLength(job.rowsTotal + 1);
      const polres = await exportAndWait('polres.soppeng', { source: 'stays', format: 'xlsx', purpose: PURPOSE });
      const pRows = await sheetOf((await fileOf('polres.soppeng', polres.job)).rawPayload);
      expect(pRows[0]).toContain('Nomor paspor');
      expect(pRows[0]).not.toContain('Pemberi kerja');
    });

    it('gives the job and its file only to the user who asked (404 for anyone else), and audits the purpose and row count', async () => {
      const { job } = await exportAndWait('polres.soppeng', { source: 'persons', format: 'csv', purpose: PURPOSE, filter: { q: 'EKSPORSSON' } });
      expect(job.rowsTotal).toBe(1);
      expect((await get('kesbangpol.soppeng', `/api/v1/exports/${job.id}`)).statusCode).toBe(404);
      expect((await get('kesbangpol.soppeng', job.fileUrl)).statusCode).toBe(404);
      expect((await get('imigrasi.parepare', job.fileUrl)).statusCode).toBe(404);
      expect((await get('polres.soppeng', job.fileUrl)).body).toContain('EKSPORSSON');
      const audit = await server.db.selectFrom('audit_log').select(['detail', 'actor_username']).where('action', '=', 'export.create')
        .where('resource_id', '=', job.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_username).toBe('polres.soppeng');
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ source: 'persons', purpose: PURPOSE, rows: 1, format: 'csv' });
    });

    it('exports the present list as filtered on screen: overstays only, every row, flags by the field matrix', async () => {
      const list = (await get('polres.soppeng', '/api/v1/present?status=overstaying&pageSize=200')).json();
      expect(list.total).toBeGreaterThan(0);
      const { job } = await exportAndWait('polres.soppeng', { source: 'present', format: 'csv', purpose: PURPOSE, filter: { status: 'overstaying' } });
      expect(job).toMatchObject({ status: 'done', rowsTotal: list.total });
      const lines = (await fileOf('polres.soppeng', job)).body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines).toHaveLength(list.total + 1);
      expect(lines[0]).toContain('Melebihi izin');
      for (const line of lines.slice(1)) expect(line).toContain(',Ya,');
      // a region outside the area is refused as the list refuses it
      expect((await post('polres.soppeng', { source: 'present', format: 'csv', purpose: PURPOSE, filter: { region: '73.71' } })).statusCode).toBe(404);
    });

    it('exports the area figures (aggregates) and deletes old files after the retention', async () => {
      const { job } = await exportAndWait('kesbangpol.soppeng', { source: 'figures', format: 'csv', purpose: PURPOSE });
      const lines = (await fileOf('kesbangpol.soppeng', job)).body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('Wilayah,Kelompok,Nilai,Jumlah ada,Per (WITA)');
      const nld = lines.find((l) => l.startsWith('73.12,Kewarganegaraan,NLD,'));
      const present = await server.db.selectFrom('stays').innerJoin('persons', 'persons.id', 'stays.person_id').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('departure_date', 'is', null).where('cancelled_at', 'is', null).where('persons.nationality', '=', 'NLD')
        .where('region_code', 'like', '73.12.%').executeTakeFirstOrThrow();
      expect(nld?.split(',')[3]).toBe(String(Number(present.n)));

      // a day and an hour later (the job made back then), housekeeping deletes its file
      await server.db.updateTable('exports').set({ created_at: new Date(Date.now() - 25 * 3600_000).toISOString() }).where('id', '=', job.id).execute();
      const removed = await housekeeping(server.db, new Date(), { dataDir: server.dataDir, exportRetentionHours: 24 });
      expect(removed.exportFiles).toBeGreaterThan(0);
      expect((await get('kesbangpol.soppeng', `/api/v1/exports/${job.id}`)).json().fileUrl).toBeNull();
      expect((await get('kesbangpol.soppeng', `/api/v1/exports/${job.id}/file`)).statusCode).toBe(410);
    });

    it('makes a large export (5,000 rows) in chunks, with progress after each', async () => {
      const template = await server.db.selectFrom('stays').selectAll().where('reported_surname', '=', 'EKSPORSSON').executeTakeFirstOrThrow();
      const batch = 'BULK' + randomUUID().slice(0, 6);
      for (let at = 0; at < 5000; at += 250) {
        const rows = Array.from({ length: 250 }, (_, i) => ({
          ...template, id: randomUUID(), receipt_number: `${batch}-${at + i}`, receipt_group: `${batch}-${at + i}`, reported_surname: 'MASSALSSON',
        }));
        await server.db.insertInto('stays').values(rows).execute();
      }
      // the job as the route records it, run here by hand to see each chunk
      const token = /sinergi_session=([^;]+)/.exec(cookies['imigrasi.parepare']!)![1]!;
      const actor = (await actorForToken(server.db, token))!;
      const queued = await requestExport(server.db, actor, { source: 'stays', format: 'xlsx', purpose: PURPOSE, filter: { q: 'MASSALSSON' } }, 'id');
      const progress: number[][] = [];
      await runExport(server.db, server.dataDir, actor, queued.id, { chunk: 1000, onChunk: (done, total) => progress.push([done, total]) });
      expect(progress).toEqual([1000, 2000, 3000, 4000, 5000].map((d) => [d, 5000]));
      const job = await waitDone('imigrasi.parepare', queued.id);
      const rows = await sheetOf((await fileOf('imigrasi.parepare', job)).rawPayload);
      expect(rows).toHaveLength(5001);
      expect(rows[1]).toContain('MASSALSSON');

      // over HTTP: progress is seen between chunks and reaches done
      const { job: http, seen } = await exportAndWait('imigrasi.parepare', { source: 'stays', format: 'csv', purpose: PURPOSE, filter: { q: 'MASSALSSON' } });
      expect(http).toMatchObject({ status: 'done', rowsDone: 5000, rowsTotal: 5000, percent: 100 });
      const percents = seen.map((s) => s.percent);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      await server.db.deleteFrom('stays').where('reported_surname', '=', 'MASSALSSON').execute();
    }, 120_000);
  });

  describe(`public stats on ${kind}`, () => {
    it('answers 404 unless enabled', async () => {
      const server = await startTestServer({ kind });
      try {
        expect((await server.app.inject({ url: '/api/v1/public/stats?region=73.12' })).statusCode).toBe(404);
      } finally { await server.close(); }
    });

    it('counts present foreigners per district without sign-in, small counts shown as <5', async () => {
      const server = await startTestServer({ kind, env: { SINERGI_PUBLIC_STATS: '1' } });
      try {
        // one guest alone in an otherwise empty district of Soppeng
        const present = await server.db.selectFrom('stays').selectAll().where('departure_date', 'is', null).where('cancelled_at', 'is', null)
          .where('region_code', 'like', '73.12.%').execute();
        const used = new Set(present.map((s) => s.region_code.slice(0, 8)));
        const empty = await server.db.selectFrom('regions').select('code').where('level', '=', 4).where('code', 'like', '73.12.%').orderBy('code').execute();
        const village = empty.find((v) => !used.has(v.code.slice(0, 8)))!.code;
        await server.db.insertInto('stays').values({ ...present[0]!, id: randomUUID(), receipt_number: 'PUB-1', receipt_group: 'PUB-1', region_code: village }).execute();

        const res = await server.app.inject({ url: '/api/v1/public/stats?region=73.12' });
        expect(res.statusCode, res.body).toBe(200);
        const stats = res.json();
        expect(stats.region).toEqual({ code: '73.12', name: expect.any(String) });
        expect(stats.asOf).toMatch(/ WITA$/);
        const counts = new Map<string, number>();
        for (const s of [...present, { region_code: village }]) counts.set(s.region_code.slice(0, 8), (counts.get(s.region_code.slice(0, 8)) ?? 0) + 1);
        for (const d of stats.districts) {
          const n = counts.get(d.code) ?? 0;
          expect(d.present, d.code).toEqual(n > 0 && n < 5 ? '<5' : n);
        }
        expect(stats.districts.find((d: Json) => d.code === village.slice(0, 8)).present).toBe('<5');
        expect(stats.total.exact).toBe(false);
        expect(JSON.stringify(stats)).not.toMatch(/surname|passport|EKSPOR|TESTSSON/i);
        expect((await server.app.inject({ url: '/api/v1/public/stats?region=99' })).statusCode).toBe(404);
        const bad = await server.app.inject({ url: '/api/v1/public/stats?region=73.12.01' });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().errors[0].field).toBe('region');
      } finally { await server.close(); }
    }, 60_000);
  });
}
