import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPending } from '../../src/server/audit/pending';
import { maskTail } from '../../src/domain/access/field-matrix';
import { checkInBody } from '../fixtures/check-in';
import { pdfText } from '../fixtures/pdf-text';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// The need-to-know findings of the attack on main, each as a test: the receipt PDF and the
// search obey the field matrix, one lodging's report never rewrites another's, and an
// officer's area includes the areas of its active Timpora teams.

for (const kind of dialectMatrix()) {
  describe(`need to know on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    let soppengStay: { id: string; number: string; surname: string };
    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'hotel.makassar', 'imigrasi.parepare', 'polres.soppeng', 'kesbangpol.soppeng', 'disnaker.soppeng', 'bin.sulsel', 'polres.makassar', 'auditor']) {
        cookies[u] = await server.login(u);
      }
      const body = checkInBody();
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.maryam'] }, payload: body });
      expect(res.statusCode).toBe(201);
      soppengStay = { id: res.json().id, number: body.guest.document.number, surname: body.guest.surname };
    });
    afterAll(async () => server?.close());
    const get = (user: string, url: string) => server.app.inject({ url, headers: { cookie: cookies[user] } });

    it('prints on the receipt PDF only what the JSON shows the agency (finding 1)', async () => {
      for (const user of ['kesbangpol.soppeng', 'disnaker.soppeng']) {
        expect((await get(user, `/api/v1/stays/${soppengStay.id}`)).json().guest.document.number).toBeNull();
        const pdf = await get(user, `/api/v1/stays/${soppengStay.id}/receipt.pdf`);
        expect(pdf.statusCode).toBe(200);
        const text = pdfText(pdf.rawPayload);
        expect(text).toContain('SURAT TANDA TERIMA');
        expect(text).not.toContain(soppengStay.number);
        expect(text).not.toContain(maskTail(soppengStay.number).slice(-5)); // not even its masked tail
        expect(text).toContain('withheld');
      }
      // an agency that sees documents gets the usual masked number
      const text = pdfText((await get('polres.soppeng', `/api/v1/stays/${soppengStay.id}/receipt.pdf`)).rawPayload);
      expect(text).not.toContain(soppengStay.number);
      expect(text).toContain(maskTail(soppengStay.number).slice(-5));
    });

    it('never matches a search on a field hidden from the agency (finding 2)', async () => {
      const prefix = soppengStay.number.slice(0, 5);
      const hidden = (await get('kesbangpol.soppeng', `/api/v1/stays?q=${prefix}`)).json();
      expect(hidden.total).toBe(0);
      const shown = (await get('polres.soppeng', `/api/v1/stays?q=${prefix}`)).json();
      expect(shown.total).toBeGreaterThanOrEqual(1);
      expect(shown.items.map((s: { id: string }) => s.id)).toContain(soppengStay.id);
      // names stay searchable for everyone who sees them
      expect((await get('kesbangpol.soppeng', `/api/v1/stays?q=${soppengStay.surname}`)).json().total).toBeGreaterThanOrEqual(1);
    });

    it('links another lodging\'s report of the same passport without rewriting anything (finding 3)', async () => {
      const body = checkInBody();
      const first = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.maryam'] }, payload: body });
      const before = (await get('polres.soppeng', `/api/v1/stays/${first.json().id}`)).json();
      const forged = structuredClone(body);
      forged.guest.surname = 'IMPOSTOR';
      forged.guest.sex = 'M';
      forged.guest.dateOfBirth = '1971-01-01';
      const second = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.makassar'] }, payload: forged });
      expect(second.statusCode).toBe(201);
      expect(second.json().personId).toBeNull(); // the lodging is not told it matched anyone
      const after = (await get('polres.soppeng', `/api/v1/stays/${first.json().id}`)).json();
      expect(after.guest).toEqual(before.guest);
      const personId = before.personId as string;
      const person = await server.db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
      expect(person).toMatchObject({ surname: body.guest.surname, sex: body.guest.sex, date_of_birth: body.guest.dateOfBirth });
      // both reports link to the one person; the difference waits for immigration as a conflict
      const makassarStay = await server.db.selectFrom('stays').selectAll().where('id', '=', second.json().id).executeTakeFirstOrThrow();
      expect(makassarStay.person_id).toBe(personId);
      expect(makassarStay.reported_surname).toBe('IMPOSTOR');
      const conflicts = (await get('polres.makassar', '/api/v1/identity-conflicts?status=open')).json();
      const conflict = conflicts.items.find((c: { stayId: string }) => c.stayId === makassarStay.id);
      expect(conflict.fields).toMatchObject({ surname: { person: body.guest.surname, reported: 'IMPOSTOR' }, sex: { person: 'F', reported: 'M' } });
      expect(conflict.abilities.resolve).toBe(false); // police see it; immigration decides
      expect((await get('polres.soppeng', '/api/v1/identity-conflicts')).json().items.some((c: { id: string }) => c.id === conflict.id)).toBe(false);
    });

    it('lets immigration decide a conflict, audited, and only then changes the person', async () => {
      const body = checkInBody();
      const first = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.maryam'] }, payload: body });
      const corrected = structuredClone(body);
      corrected.guest.givenNames = `${body.guest.givenNames} MARIA`;
      // reported by another lodging: one lodging cannot have the same passport present twice
      const second = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: await server.login('villa.lejja') }, payload: corrected });
      expect(second.statusCode).toBe(201);
      const list = (await get('imigrasi.parepare', '/api/v1/identity-conflicts?status=open')).json();
      const conflict = list.items.find((c: { stayId: string }) => c.stayId === second.json().id);
      expect(conflict.abilities.resolve).toBe(true);
      const kesbangpol = await server.app.inject({ method: 'POST', url: `/api/v1/identity-conflicts/${conflict.id}/resolve`, headers: { cookie: cookies['kesbangpol.soppeng'] }, payload: { decision: 'take_reported', reason: 'coba' } });
      expect(kesbangpol.statusCode).toBe(403);
      const decided = await server.app.inject({ method: 'POST', url: `/api/v1/identity-conflicts/${conflict.id}/resolve`, headers: { cookie: cookies['imigrasi.parepare'] }, payload: { decision: 'take_reported', reason: 'Nama lengkap diperiksa pada paspor' } });
      expect(decided.statusCode).toBe(200);
      expect(decided.json()).toMatchObject({ status: 'resolved', resolution: 'take_reported' });
      const person = await server.db.selectFrom('persons').selectAll().where('id', '=', conflict.personId).executeTakeFirstOrThrow();
      expect(person.given_names).toBe(corrected.guest.givenNames);
      // the first report still says what its reporter said
      expect((await get('imigrasi.parepare', `/api/v1/stays/${first.json().id}`)).json().guest.givenNames).toBe(body.guest.givenNames);
      const audit = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'person.identity_decided').where('resource_id', '=', conflict.personId).execute();
      expect(audit).toHaveLength(1);
      const again = await server.app.inject({ method: 'POST', url: `/api/v1/identity-conflicts/${conflict.id}/resolve`, headers: { cookie: cookies['imigrasi.parepare'] }, payload: { decision: 'keep_person', reason: 'lagi' } });
      expect(again.statusCode).toBe(409);
    });

    it('gives an officer the areas of its active Timpora teams, and takes them away when it leaves', async () => {
      // bin.sulsel has no area of its own: it supervises Soppeng only as a Timpora Soppeng member
      const seen = (await get('bin.sulsel', '/api/v1/stays?pageSize=200&present=true')).json();
      expect(seen.total).toBeGreaterThan(0);
      expect(seen.items.every((s: { regionCode: string }) => s.regionCode.startsWith('73.12.'))).toBe(true);
      expect((await get('bin.sulsel', `/api/v1/stays/${soppengStay.id}`)).statusCode).toBe(200);
      const bin = await server.db.selectFrom('users').select('id').where('username', '=', 'bin.sulsel').executeTakeFirstOrThrow();
      await server.db.updateTable('team_memberships').set({ left_on: '2025-12-31' }).where('user_id', '=', bin.id).execute();
      expect((await get('bin.sulsel', '/api/v1/stays')).json().total).toBe(0);
      expect((await get('bin.sulsel', `/api/v1/stays/${soppengStay.id}`)).statusCode).toBe(404);
      await server.db.updateTable('team_memberships').set({ left_on: null }).where('user_id', '=', bin.id).execute();
    });

    it('exports only the columns the agency may see, with a purpose on record', async () => {
      const url = (format: string) => `/api/v1/stays/export?format=${format}&present=true&purpose=${encodeURIComponent('Rapat Timpora Desember')}`;
      const hidden = await get('kesbangpol.soppeng', url('csv'));
      expect(hidden.statusCode).toBe(200);
      expect(hidden.headers['content-type']).toContain('text/csv');
      const header = hidden.body.split('\r\n')[0]!;
      expect(header).toContain('Nama keluarga');
      expect(header).not.toContain('Nomor paspor');
      expect(hidden.body).not.toContain(soppengStay.number);
      const shown = await get('polres.soppeng', url('csv'));
      expect(shown.body.split('\r\n')[0]).toContain('Nomor paspor');
      expect(shown.body).toContain(soppengStay.number);
      const xlsx = await get('disnaker.soppeng', url('xlsx'));
      expect(xlsx.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const headers = (book.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean);
      expect(headers).toContain('Nama keluarga');
      expect(headers).not.toContain('Nomor paspor');
      expect(book.worksheets[0]!.rowCount).toBeGreaterThan(1);
      const noPurpose = await get('polres.soppeng', '/api/v1/stays/export?format=csv');
      expect(noPurpose.statusCode).toBe(400);
      expect(noPurpose.json().errors[0].field).toBe('purpose');
      expect((await get('auditor', url('csv'))).statusCode).toBe(403);
      await foldPending(server.db);
      const audit = await server.db.selectFrom('audit_log').select('detail').where('action', '=', 'stay.export').execute();
      expect(audit.map((a) => JSON.parse(a.detail).purpose)).toContain('Rapat Timpora Desember');
    });

    it('keeps other areas and other lodgings out (404)', async () => {
      expect((await get('polres.makassar', `/api/v1/stays/${soppengStay.id}`)).statusCode).toBe(404);
      expect((await get('polres.makassar', `/api/v1/stays/${soppengStay.id}/receipt.pdf`)).statusCode).toBe(404);
      expect((await get('hotel.makassar', `/api/v1/stays/${soppengStay.id}`)).statusCode).toBe(404);
      const mine = (await get('hotel.makassar', '/api/v1/stays?pageSize=200')).json();
      expect(mine.items.every((s: { regionCode: string }) => s.regionCode.startsWith('73.71.'))).toBe(true);
    });
  });
}
