import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer, withTestServer } from '../fixtures/server';
import { openEventStream } from '../fixtures/sse';

// The foundation's core loop on every database of the matrix: a lodging checks a guest in,
// the Timpora members of that regency see it live, and nobody else does.

for (const kind of dialectMatrix()) {
  describe(`core loop on ${kind}`, () => {
    let server: TestServer;
    let hotel: string;
    let polres: string;
    let makassar: string;

    beforeAll(async () => {
      server = await startTestServer({ kind, listen: true });
      [hotel, polres, makassar] = await Promise.all([server.login('hotel.maryam'), server.login('polres.soppeng'), server.login('polres.makassar')]);
    });
    afterAll(async () => server?.close());

    it('answers healthz with the database kind', async () => {
      const res = await server.app.inject('/healthz');
      expect(res.json()).toMatchObject({ status: 'ok', db: kind });
    });

    it('describes the stays, auth, regions and events routes in OpenAPI', async () => {
      const spec = (await server.app.inject('/openapi.json')).json();
      for (const route of ['/api/v1/stays', '/api/v1/stays/{id}/checkout', '/api/v1/auth/login', '/api/v1/regions', '/api/v1/events', '/api/v1/stats/present']) {
        expect(Object.keys(spec.paths)).toContain(route);
      }
    });

    it('delivers a check-in to Soppeng within a second, not to Makassar', async () => {
      const soppengStream = await openEventStream(`${server.url}/api/v1/events`, polres);
      const makassarStream = await openEventStream(`${server.url}/api/v1/events`, makassar);
      try {
        const before = (await server.app.inject({ url: '/api/v1/stats/present', headers: { cookie: polres } })).json();
        const sentAt = Date.now();
        const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: checkInBody() });
        expect(res.statusCode).toBe(201);
        const created = res.json();
        expect(created.receiptNumber).toMatch(/^STTP\/73\.12\/\d{8}\/\d{6}$/);

        const event = await soppengStream.next(1000);
        expect(event).not.toBeNull();
        expect(event!.event).toBe('stay.checked_in');
        expect(event!.data).toMatchObject({ stayId: created.id, regionCode: expect.stringMatching(/^73\.12\./) });
        expect(event!.receivedAt - sentAt).toBeLessThan(1000);

        const after = (await server.app.inject({ url: '/api/v1/stats/present', headers: { cookie: polres } })).json();
        expect(after.presentCount).toBe(before.presentCount + 1);
        await new Promise((r) => setTimeout(r, 300));
        expect(makassarStream.events.filter((e) => (e.data as { stayId: string }).stayId === created.id)).toHaveLength(0);
      } finally {
        soppengStream.close();
        makassarStream.close();
      }
    });

    it('refuses the dashboard to a lodging and hides other regencies', async () => {
      expect((await server.app.inject({ url: '/api/v1/stats/present', headers: { cookie: hotel } })).statusCode).toBe(403);
      expect((await server.app.inject({ url: '/api/v1/stats/present?region=73.71', headers: { cookie: polres } })).statusCode).toBe(404);
      expect((await server.app.inject({ url: '/api/v1/stats/present' })).statusCode).toBe(401);
    });

    it('checks out and refuses a second check-out', async () => {
      const created = (await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: checkInBody() })).json();
      const today = new Date().toISOString().slice(0, 10);
      const out = await server.app.inject({ method: 'POST', url: `/api/v1/stays/${created.id}/checkout`, headers: { cookie: hotel }, payload: { departureDate: today } });
      expect(out.statusCode).toBe(200);
      expect(out.json()).toMatchObject({ departureDate: today, abilities: { checkOut: false } });
      const again = await server.app.inject({ method: 'POST', url: `/api/v1/stays/${created.id}/checkout`, headers: { cookie: hotel }, payload: { departureDate: today } });
      expect(again.statusCode).toBe(409);
    });

    it('finds the same person again by issuing state and passport number', async () => {
      const body = checkInBody();
      const first = (await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: body })).json();
      // at another lodging: the same passport present twice at one lodging is refused (stay-lifecycle.test.ts)
      const second = (await server.app.inject({
        method: 'POST', url: '/api/v1/stays', headers: { cookie: await server.login('villa.lejja') },
        payload: { ...body, guest: { ...body.guest, document: { ...body.guest.document, number: ` ${body.guest.document.number.toLowerCase()} ` } } },
      })).json();
      const personOf = async (id: string) => (await server.db.selectFrom('stays').select('person_id').where('id', '=', id).executeTakeFirstOrThrow()).person_id;
      expect(await personOf(second.id)).toBe(await personOf(first.id));
      expect(second.personId).toBeNull(); // a lodging is not told which person a passport belongs to
      expect(second.id).not.toBe(first.id);
    });

    it('replays an Idempotency-Key without storing twice', async () => {
      const body = checkInBody();
      const headers = { cookie: hotel, 'idempotency-key': `retry-${kind}-0001` };
      const a = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers, payload: body });
      const b = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers, payload: body });
      expect(a.statusCode).toBe(201);
      expect(b.statusCode).toBe(201);
      expect(b.json()).toEqual(a.json());
      const list = (await server.app.inject({ url: `/api/v1/stays?q=${encodeURIComponent(body.guest.givenNames)}`, headers: { cookie: hotel } })).json();
      expect(list.total).toBe(1);
    });

    it('shows a lodging its own stays only, and officers their area', async () => {
      const own = (await server.app.inject({ url: '/api/v1/stays?pageSize=200', headers: { cookie: hotel } })).json();
      expect(own.items.length).toBeGreaterThan(0);
      expect(new Set(own.items.map((s: { lodging: { name: string } }) => s.lodging.name))).toEqual(new Set(['Hotel Maryam']));
      const area = (await server.app.inject({ url: '/api/v1/stays?present=true&pageSize=200', headers: { cookie: polres } })).json();
      expect(area.items.every((s: { regionCode: string }) => s.regionCode.startsWith('73.12.'))).toBe(true);
      const other = (await server.app.inject({ url: `/api/v1/stays/${area.items[0].id}`, headers: { cookie: makassar } }));
      expect(other.statusCode).toBe(404);
    });

    it('serves the receipt as a PDF', async () => {
      const created = (await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: checkInBody() })).json();
      const pdf = await server.app.inject({ url: `/api/v1/stays/${created.id}/receipt.pdf`, headers: { cookie: hotel } });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
}

describe('need to know', () => {
  it('shows passport numbers to the police, not to the manpower office', async () => {
    await withTestServer(async (server) => {
      const get = async (username: string) =>
        (await server.app.inject({ url: '/api/v1/stays?present=true&pageSize=5&sort=-createdAt', headers: { cookie: await server.login(username) } })).json().items[0];
      const police = await get('polres.soppeng');
      const manpower = await get('disnaker.soppeng');
      expect(police.id).toBe(manpower.id);
      expect(police.guest.document.number).toMatch(/^[A-Z0-9]+$/);
      expect(police.guest.dateOfBirth).toMatch(/^\d{4}-/);
      expect(manpower.guest.document.number).toBeNull();
      expect(manpower.guest.dateOfBirth).toBeNull();
      expect(manpower.guest.nationality).toBe(police.guest.nationality);
    });
  });
});

describe('lodgings list', () => {
  it('gives officers the lodgings of their area and a reporter its own', async () => {
    await withTestServer(async (server) => {
      const list = async (username: string) =>
        (await server.app.inject({ url: '/api/v1/lodgings', headers: { cookie: await server.login(username) } })).json().items as { name: string; villageCode: string }[];
      const soppeng = await list('imigrasi.parepare');
      expect(soppeng.map((l) => l.name)).toContain('Hotel Maryam');
      expect(soppeng.every((l) => l.villageCode.startsWith('73.12.'))).toBe(true);
      expect((await list('hotel.maryam')).map((l) => l.name)).toEqual(['Hotel Maryam']);
      expect((await list('polres.makassar')).some((l) => l.name === 'Hotel Maryam')).toBe(false);
    });
  });
});

describe('receipt verification', () => {
  it('confirms a genuine receipt QR and rejects an edited one', async () => {
    await withTestServer(async (server) => {
      const hotel = await server.login('hotel.maryam');
      const created = (await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: checkInBody() })).json();
      const key = await server.db.selectFrom('settings').select('value').where('key', '=', 'receipt_key').executeTakeFirstOrThrow();
      const { receiptQrPayload } = await import('../../src/server/features/stays/receipt');
      const code = receiptQrPayload(Buffer.from(key.value, 'base64'), { receipt_number: created.receiptNumber, id: created.id });
      const verify = async (cookie: string, qr: string) => server.app.inject({ method: 'POST', url: '/api/v1/receipts/verify', headers: { cookie }, payload: { code: qr } });

      const polres = await server.login('polres.soppeng');
      const genuine = (await verify(polres, code)).json();
      expect(genuine).toMatchObject({ valid: true, receiptNumber: created.receiptNumber, stay: { lodging: 'Hotel Maryam' } });
      const edited = (await verify(polres, code.replace(/\/(\d{6})\|/, '/999999|'))).json();
      expect(edited.valid).toBe(false);
      const elsewhere = (await verify(await server.login('polres.makassar'), code)).json();
      expect(elsewhere).toMatchObject({ valid: true, stay: null });
      expect((await verify(hotel, code)).statusCode).toBe(403);
    });
  });
});
