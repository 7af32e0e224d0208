import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskTail } from '../../src/domain/access/field-matrix';
import { checkInBody } from '../fixtures/check-in';
import { pdfHasQrOf } from '../fixtures/pdf-qr';
import { pdfText } from '../fixtures/pdf-text';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// The Surat Tanda Terima Pelaporan Orang Asing: one receipt lists a whole family, its QR opens a
// public page that tells a genuine receipt from an altered one, and a reporter lists and
// downloads its receipts again at any time.

for (const kind of dialectMatrix()) {
  describe(`receipts on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const get = (url: string, user?: string) => server.app.inject({ url, headers: user ? { cookie: cookies[user]! } : {} });
    let family: ReturnType<typeof checkInBody> & { members: ReturnType<typeof checkInBody>['guest'][] };
    let created: { id: string; receiptNumber: string; verifyUrl: string };
    let token: string;

    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'villa.lejja', 'polres.soppeng', 'kesbangpol.soppeng']) cookies[u] = await server.login(u);
      const head = checkInBody();
      family = { ...head, members: [checkInBody().guest, checkInBody().guest] };
      family.members[0]!.surname = 'ANAKSATU';
      family.members[1]!.surname = 'ANAKDUA';
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.maryam']! }, payload: family });
      expect(res.statusCode).toBe(201);
      created = res.json();
      token = created.verifyUrl.split('/verify/')[1]!;
    });
    afterAll(async () => server?.close());

    it('answers the check-in with the receipt number and an absolute verify URL', () => {
      expect(created.receiptNumber).toMatch(/^STTP\/73\.12\/\d{8}\/\d{6}$/);
      expect(created.verifyUrl).toMatch(/^http:\/\/localhost(:\d+)?\/verify\/[A-Za-z0-9_-]{40}$/);
    });

    it('shows a genuine receipt at the public /verify page: every guest, masked, no sign-in', async () => {
      const res = await get(`/verify/${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('data-verdict="genuine"');
      expect(res.body).toContain(created.receiptNumber);
      expect(res.body).toContain('Kantor Imigrasi Kelas II TPI Parepare');
      for (const g of [family.guest, ...family.members]) {
        expect(res.body).toContain(g.surname);
        expect(res.body).toContain(maskTail(g.document.number));
        expect(res.body).not.toContain(g.document.number);
        expect(res.body).not.toContain(g.givenNames); // given names only as initials on the public page
      }
    });

    it('refuses a token with one character changed, and garbage, without a 500', async () => {
      const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
      const edited = await get(`/verify/${flipped}`);
      expect(edited.statusCode).toBe(404);
      expect(edited.body).toContain('data-verdict="refused"');
      expect(edited.body).not.toContain(family.guest.surname);
      for (const junk of ['x', '%00', encodeURIComponent('<script>'), 'A'.repeat(40), `${token}x`, 'a'.repeat(300)]) {
        const res = await get(`/verify/${junk}`);
        expect(res.statusCode, junk).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, junk).toBeLessThan(500);
      }
    });

    it('lets an officer post the new token or the verify URL to the receipt check', async () => {
      for (const code of [token, created.verifyUrl]) {
        const res = await server.app.inject({ method: 'POST', url: '/api/v1/receipts/verify', headers: { cookie: cookies['polres.soppeng']! }, payload: { code } });
        expect(res.json()).toMatchObject({ valid: true, receiptNumber: created.receiptNumber, stay: { lodging: 'Hotel Maryam' } });
      }
    });

    it('lists a reporter\'s receipts newest first, its own only', async () => {
      const list = (await get('/api/v1/receipts?pageSize=5', 'hotel.maryam')).json();
      expect(list.items[0]).toMatchObject({ receiptNumber: created.receiptNumber, guests: 3, stayId: created.id, verifyUrl: created.verifyUrl });
      expect(list.total).toBeGreaterThan(0);
      const dates = list.items.map((i: { createdAt: string }) => i.createdAt);
      expect([...dates].sort().reverse()).toEqual(dates);
      const villa = (await get('/api/v1/receipts?pageSize=200', 'villa.lejja')).json();
      expect(villa.items.map((i: { receiptNumber: string }) => i.receiptNumber)).not.toContain(created.receiptNumber);
    });

    it('serves the PDF by number (dashed or percent-encoded) listing every guest with the number masked', async () => {
      const dashed = await get(`/api/v1/receipts/${created.receiptNumber.replaceAll('/', '-')}.pdf`, 'hotel.maryam');
      expect(dashed.statusCode).toBe(200);
      expect(dashed.headers['content-type']).toBe('application/pdf');
      const text = pdfText(dashed.rawPayload);
      expect(text).toContain('SURAT TANDA TERIMA PELAPORAN ORANG ASING');
      expect(text).toContain('KANTOR IMIGRASI KELAS II TPI PAREPARE');
      expect(text).toContain('Hotel Maryam');
      expect(text).toContain(created.verifyUrl);
      expect(pdfHasQrOf(dashed.rawPayload, created.verifyUrl)).toBe(true); // the QR picture encodes the verify URL
      for (const g of [family.guest, ...family.members]) {
        expect(text).toContain(g.surname);
        expect(text).toContain(maskTail(g.document.number));
        expect(text).not.toContain(g.document.number);
      }
      const encoded = await get(`/api/v1/receipts/${encodeURIComponent(created.receiptNumber)}.pdf`, 'hotel.maryam');
      expect(encoded.statusCode).toBe(200);
      // the same receipt through a member's stay
      const member = (await server.db.selectFrom('stays').select('id').where('receipt_number', '=', `${created.receiptNumber}-3`).executeTakeFirstOrThrow()).id;
      expect(pdfText((await get(`/api/v1/stays/${member}/receipt.pdf`, 'hotel.maryam')).rawPayload)).toContain('ANAKSATU');
      expect((await get(`/api/v1/receipts/${created.receiptNumber.replaceAll('/', '-')}.pdf`, 'villa.lejja')).statusCode).toBe(404);
      expect((await get('/api/v1/receipts/STTP-00-00000000-000000.pdf', 'hotel.maryam')).statusCode).toBe(404);
    });

    it('gives the print view the same data as the PDF, through the field matrix', async () => {
      const view = (await get(`/api/v1/stays/${created.id}/receipt`, 'hotel.maryam')).json();
      expect(view.guests.map((g: { name: string }) => g.name.split(',')[0])).toEqual([family.guest.surname, 'ANAKSATU', 'ANAKDUA']);
      expect(view.guests[0].document.number).toBe(maskTail(family.guest.document.number));
      expect(view.verifyUrl).toBe(created.verifyUrl);
      const hidden = (await get(`/api/v1/stays/${created.id}/receipt`, 'kesbangpol.soppeng')).json();
      expect(hidden.guests[0].document).toBeNull();
    });

    it('shows a cancelled guest as cancelled on the receipt', async () => {
      const member = (await server.db.selectFrom('stays').select('id').where('receipt_number', '=', `${created.receiptNumber}-2`).executeTakeFirstOrThrow()).id;
      await server.app.inject({ method: 'POST', url: `/api/v1/stays/${member}/cancellation`, headers: { cookie: cookies['hotel.maryam']! }, payload: { reason: 'Salah lapor' } });
      const page = await get(`/verify/${token}`);
      expect(page.body).toContain('DIBATALKAN');
    });
  });
}
