import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { actorForToken } from '../../src/server/auth/sessions';
import { createImport } from '../../src/server/features/imports/commands';
import { beginImport, performImport } from '../../src/server/features/imports/run';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInBody } from '../fixtures/check-in';
import { guestRows, HEADERS, toCsv, withBadRows } from '../fixtures/guest-file';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Bulk import (issue #7, item 10): a file with planted bad rows — the dry run lists exactly
// those, the import stores the rest, and importing it again stores nothing.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const kind of dialectMatrix()) {
  describe(`guest import on ${kind}`, () => {
    let server: TestServer;
    let hotel: string;
    const upload = (body: string | Buffer, cookie = hotel, type = 'text/csv', query = '') =>
      server.app.inject({ method: 'POST', url: `/api/v1/imports?fileName=tamu.csv${query}`, headers: { cookie, 'content-type': type, 'accept-language': 'en' }, payload: body });
    const post = (url: string, payload: unknown, cookie = hotel) => server.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });
    const get = (url: string, cookie = hotel, lang = 'en') => server.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
    const countStays = async (lodgingId: string) => Number((await server.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).where('lodging_id', '=', lodgingId).executeTakeFirstOrThrow()).n);
    async function finish(id: string, cookie = hotel) {
      for (let i = 0; i < 600; i++) {
        const state = (await get(`/api/v1/imports/${id}`, cookie)).json();
        if (state.status === 'done' || state.status === 'failed') return state;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('import did not finish');
    }
    async function allErrors(id: string) {
      const items: { row: number; field: string; column: string | null; message: string }[] = [];
      for (let page = 1; ; page++) {
        const body = (await get(`/api/v1/imports/${id}/errors?page=${page}&pageSize=200`)).json();
        items.push(...body.items);
        if (items.length >= body.total) return items;
      }
    }

    beforeAll(async () => {
      server = await startTestServer({ kind });
      hotel = await server.login('hotel.maryam');
    }, 120_000);
    afterAll(async () => server?.close());

    it('dry run lists exactly the 20 bad rows, the import stores 980, again stores nothing', async () => {
      const file = withBadRows(1000);
      // the guest "already present" is checked in by hand first
      const present = checkInBody();
      present.guest.document.number = file.presentPassport!.number;
      present.guest.document.issuingState = file.presentPassport!.nationality;
      present.guest.nationality = file.presentPassport!.nationality;
      expect((await post('/api/v1/stays', present)).statusCode).toBe(201);
      const lodgingId = (await server.db.selectFrom('users').select('reporter_org_id').where('username', '=', 'hotel.maryam').executeTakeFirstOrThrow()).reporter_org_id!;
      const before = await countStays(lodgingId);

      const up = await upload(toCsv(file.headers, file.rows));
      expect(up.statusCode).toBe(201);
      const created = up.json();
      expect(created.rows).toBe(1000);
      expect(created.headers).toEqual(HEADERS);
      // Indonesian headers are mapped by their common names
      expect(created.suggested).toMatchObject({ surname: 0, givenNames: 1, sex: 2, dateOfBirth: 3, nationality: 4, documentNumber: 5, documentExpiry: 6, permitKind: 7, permitValidUntil: 8, arrivalDate: 9, plannedDeparture: 10, departureDate: 11, room: 12 });

      const dry = await post(`/api/v1/imports/${created.id}/dry-run`, { mapping: created.suggested });
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({ status: 'checked', failed: 20, wouldStore: 980, skipped: 0 });
      const errors = await allErrors(created.id);
      expect([...new Set(errors.map((e) => e.row))].sort((a, b) => a - b)).toEqual([...file.bad.keys()].sort((a, b) => a - b));
      expect(errors.every((e) => e.message.length > 5)).toBe(true);
      const byRow = new Map(errors.map((e) => [e.row, e]));
      const rowOf = (kind: string) => [...file.bad].find(([, k]) => k === kind)![0];
      expect(byRow.get(rowOf('unknown country'))).toMatchObject({ field: 'nationality', column: 'Kewarganegaraan' });
      expect(byRow.get(rowOf('guest already present at the lodging'))!.message).toContain('still recorded as staying here');
      expect(byRow.get(rowOf('duplicate of an earlier row'))!.message).toMatch(/Same as row \d+/);
      expect(await countStays(lodgingId)).toBe(before); // a dry run stores nothing
      // in Indonesian on request
      const id = (await get(`/api/v1/imports/${created.id}/errors?pageSize=200`, hotel, 'id')).json();
      expect(id.items.find((e: { field: string }) => e.field === 'nationality').message).toContain('Negara tidak dikenal');

      const run = await post(`/api/v1/imports/${created.id}/run`, { mapping: created.suggested });
      expect(run.statusCode).toBe(202);
      const done = await finish(created.id);
      expect(done).toMatchObject({ status: 'done', stored: 980, failed: 20, skipped: 0, percent: 100 });
      expect(await countStays(lodgingId)).toBe(before + 980);
      const receipts = (await get(`/api/v1/imports/${created.id}/receipts?pageSize=5`)).json();
      expect(receipts.total).toBe(980);
      expect(receipts.items[0].receiptNumber).toMatch(/^STTP\/73\.12\/\d{8}\/\d{6}$/);
      // past stays arrive checked out
      const closed = await server.db.selectFrom('stays').innerJoin('import_rows', 'import_rows.stay_id', 'stays.id')
        .select((eb) => eb.fn.countAll().as('n')).where('import_rows.import_id', '=', created.id).where('stays.departure_date', 'is not', null).executeTakeFirstOrThrow();
      expect(Number(closed.n)).toBeGreaterThan(100);
      expect((await post(`/api/v1/imports/${created.id}/run`, { mapping: created.suggested })).statusCode).toBe(409);

      // the same file again: nothing is stored twice
      const again = (await upload(toCsv(file.headers, file.rows))).json();
      const dry2 = (await post(`/api/v1/imports/${again.id}/dry-run`, { mapping: again.suggested })).json();
      expect(dry2).toMatchObject({ wouldStore: 0, skipped: 980 });
      await post(`/api/v1/imports/${again.id}/run`, { mapping: again.suggested });
      expect(await finish(again.id)).toMatchObject({ status: 'done', stored: 0, skipped: 980 });
      expect(await countStays(lodgingId)).toBe(before + 980);
    }, 180_000);

    it('reads XLSX the same way, remembers the mapping, keeps lodgings apart', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Tamu');
      const headers = ['Surname', 'Given names', 'Sex', 'Date of birth', 'Nationality', 'Passport No', 'Passport expiry', 'Permit', 'Permit valid until', 'Arrival date', 'Kamar Tamu'];
      sheet.addRow(headers);
      const rows = guestRows(5, { seed: 99, prefix: 'XL' });
      rows.forEach((r, i) => {
        const iso = (d: string) => (d.includes('/') ? `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}` : d);
        // dates as real Excel dates, as an Excel serial number, and as text; nationality by name
        sheet.addRow([r[0], r[1], r[2] === 'L' ? 'M' : 'F', new Date(`${iso(r[3]!)}T00:00:00Z`), i === 0 ? 'Belanda' : r[4], r[5],
          (Date.parse(iso(r[6]!)) - Date.UTC(1899, 11, 30)) / 86_400_000, r[7], r[8], r[9], r[12]]);
      });
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      const villa = await server.login('villa.lejja');
      const up = await upload(bytes, villa, XLSX);
      expect(up.statusCode).toBe(201);
      const created = up.json();
      expect(created).toMatchObject({ format: 'xlsx', rows: 5 });
      // a header nobody else uses: the clerk maps it, and the choice is remembered by header name
      expect(created.suggested.room).toBeUndefined();
      const mapping = { ...created.suggested, room: 10 };
      const dry = (await post(`/api/v1/imports/${created.id}/dry-run`, { mapping }, villa)).json();
      expect(dry, JSON.stringify((await get(`/api/v1/imports/${created.id}/errors`, villa)).json())).toMatchObject({ wouldStore: 5, failed: 0 });
      const next = (await upload(bytes, villa, XLSX)).json();
      expect(next.suggested).toEqual(mapping);
      await post(`/api/v1/imports/${created.id}/run`, { mapping }, villa);
      expect(await finish(created.id, villa)).toMatchObject({ status: 'done', stored: 5 });
      const stays = await server.db.selectFrom('stays').innerJoin('import_rows', 'import_rows.stay_id', 'stays.id')
        .innerJoin('reporter_orgs', 'reporter_orgs.id', 'stays.lodging_id').select(['reporter_orgs.name', 'stays.reported_nationality'])
        .where('import_rows.import_id', '=', created.id).execute();
      expect(new Set(stays.map((s) => s.name))).toEqual(new Set(['Villa Lejja Indah']));
      expect(stays.map((s) => s.reported_nationality)).toContain('NLD');
      // another lodging (or another area) cannot see the import
      expect((await get(`/api/v1/imports/${created.id}`, hotel)).statusCode).toBe(404);
      expect((await get(`/api/v1/imports/${created.id}`, await server.login('hotel.makassar'))).statusCode).toBe(404);
      expect((await get(`/api/v1/imports/${created.id}`, await server.login('imigrasi.parepare'))).statusCode).toBe(200);
      expect((await get(`/api/v1/imports/${created.id}`, await server.login('polres.soppeng'))).statusCode).toBe(403); // imports are not its work
      // the same rows imported by another lodging are that lodging's own guests, not duplicates
      const other = (await upload(bytes, hotel, XLSX)).json();
      expect((await post(`/api/v1/imports/${other.id}/dry-run`, { mapping: other.suggested })).json()).toMatchObject({ wouldStore: 5, skipped: 0 });
    }, 120_000);

    it('checks again at import what changed since the dry run: a guest checked in meanwhile, another mapping', async () => {
      const rows = guestRows(6, { seed: 31, prefix: 'RC' });
      rows[0]![11] = ''; // still present: a check-in by hand of the same passport makes this row a duplicate
      const created = (await upload(toCsv(HEADERS, rows))).json();
      expect((await post(`/api/v1/imports/${created.id}/dry-run`, { mapping: created.suggested })).json()).toMatchObject({ wouldStore: 6, failed: 0 });
      const byHand = checkInBody();
      byHand.guest.document.number = rows[0]![5]!;
      byHand.guest.document.issuingState = rows[0]![4]!;
      byHand.guest.nationality = rows[0]![4]!;
      expect((await post('/api/v1/stays', byHand)).statusCode).toBe(201);
      const { room: _room, ...withoutRoom } = created.suggested as Record<string, number>;
      expect((await post(`/api/v1/imports/${created.id}/run`, { mapping: withoutRoom })).statusCode).toBe(202);
      expect(await finish(created.id)).toMatchObject({ status: 'done', stored: 5, failed: 1 });
      expect((await allErrors(created.id)).map((e) => [e.row, e.field])).toEqual([[2, 'documentNumber']]);
      const rooms = await server.db.selectFrom('stays').innerJoin('import_rows', 'import_rows.stay_id', 'stays.id').select('stays.room')
        .where('import_rows.import_id', '=', created.id).execute();
      expect(rooms.map((r) => r.room)).toEqual([null, null, null, null, null]); // the import's mapping, not the dry run's
    }, 120_000);

    it('lets an immigration officer import for a lodging of its area only', async () => {
      const officer = await server.login('imigrasi.parepare');
      const lodgings = await server.db.selectFrom('reporter_orgs').select(['id', 'name']).execute();
      const cabenge = lodgings.find((l) => l.name === 'Homestay Cabenge')!.id;
      const makassar = lodgings.find((l) => l.name === 'Hotel Losari Permai')!.id;
      const csv = toCsv(HEADERS, guestRows(3, { seed: 5, prefix: 'OF' }), ',');
      expect((await upload(csv, officer)).statusCode).toBe(400); // which lodging?
      const ok = await upload(csv, officer, 'text/csv; charset=utf-8', `&lodgingId=${cabenge}`);
      expect(ok.statusCode).toBe(201);
      expect(ok.json().lodgingId).toBe(cabenge);
      expect((await upload(csv, officer, 'text/csv', `&lodgingId=${makassar}`)).statusCode).toBe(400);
      expect((await upload(csv, await server.login('polres.soppeng'))).statusCode).toBe(403);
    });

    it('stores nothing twice when the same file is imported twice at once', async () => {
      const cookie = await server.login('homestay.cabenge');
      const actor = (await actorForToken(server.db, cookie.split('=')[1]!))!;
      const bytes = Buffer.from(toCsv(HEADERS, guestRows(1200, { seed: 11, prefix: 'TW' })));
      const a = await createImport(server.db, actor, { bytes, format: 'csv', name: 'a.csv' });
      const b = await createImport(server.db, actor, { bytes, format: 'csv', name: 'b.csv' });
      await beginImport(server.db, actor, a.imp.id, a.suggested);
      await beginImport(server.db, actor, b.imp.id, b.suggested);
      // both check before either stores: the second's chunks meet the first's fingerprints and are redone row by row
      const [ra, rb] = await Promise.all([performImport(server.db, actor, a.imp.id), performImport(server.db, actor, b.imp.id)]);
      expect(ra.stored + rb.stored).toBe(1200);
      expect(ra.skipped + rb.skipped).toBe(1200);
      expect(ra.failed + rb.failed).toBe(0);
      const stays = await server.db.selectFrom('stays').innerJoin('person_documents', 'person_documents.id', 'stays.document_id')
        .select((eb) => eb.fn.countAll().as('n')).where('person_documents.number', 'like', 'TW%').executeTakeFirstOrThrow();
      expect(Number(stays.n)).toBe(1200);
    }, 180_000);

    it('answers a bad file with a 4xx naming the problem', async () => {
      const problem = async (body: string | Buffer, type = 'text/csv') => {
        const res = await upload(body, hotel, type);
        return { status: res.statusCode, text: `${res.json().errors?.map((e: { field: string; message: string }) => `${e.field}: ${e.message}`).join('; ') ?? ''} ${res.json().title}` };
      };
      expect(await problem('')).toMatchObject({ status: 400 });
      expect((await problem('')).text).toMatch(/file: .*empty/i);
      expect((await problem('Nama Belakang;No Paspor\r\n')).text).toMatch(/file: .*empty/i);
      expect((await problem('plain text, no rows', XLSX)).text).toMatch(/file: .*Excel/);
      expect((await problem(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0]), 'text/csv')).text).toMatch(/file: .*not a CSV/);
      expect((await problem('"unterminated\n')).text).toMatch(/file: .*cannot be read/);
      expect((await problem('a,b', 'text/plain')).status).toBe(415);
      expect((await problem('{"a":1}', 'application/json')).status).toBe(415);
      const big = 'a'.repeat(21 * 1024 * 1024);
      expect((await problem(big)).status).toBe(413);
      // whatever the bytes, never a 5xx: CSV text, random bytes, broken workbooks (a zip header and junk)
      const zipJunk = fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.from(b)]));
      const csvText = fc.array(fc.array(fc.string({ maxLength: 30 }), { maxLength: 15 }), { maxLength: 30 }).map((rows) => rows.map((r) => r.join(';')).join('\n'));
      await fc.assert(fc.asyncProperty(fc.oneof(csvText, fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)), zipJunk), fc.boolean(), async (body, asXlsx) => {
        const res = await upload(body, hotel, asXlsx ? XLSX : 'text/csv');
        expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }), { numRuns: 60 });
      // a mapping without a required field names it
      const up = (await upload(toCsv(HEADERS, guestRows(2, { seed: 3, prefix: 'MP' })))).json();
      const res = await post(`/api/v1/imports/${up.id}/dry-run`, { mapping: { surname: 0 } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('mapping.documentNumber');
      expect((await post(`/api/v1/imports/${up.id}/dry-run`, { mapping: { ...up.suggested, room: 59 } })).statusCode).toBe(400);
    });
  });
}
