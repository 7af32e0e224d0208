import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Bad input gets a 4xx problem+json naming the field, in the caller's language, and stores nothing.

const today = new Date().toISOString().slice(0, 10);
type Body = ReturnType<typeof checkInBody>;
const withGuest = (patch: (b: Body) => void): Body => { const b = structuredClone(checkInBody(today)); patch(b); return b; };

const cases: [string, Body | Record<string, unknown>, string][] = [
  ['missing surname', withGuest((b) => { delete (b.guest as Partial<Body['guest']>).surname; }), 'guest.surname'],
  ['blank surname', withGuest((b) => { b.guest.surname = '   '; }), 'guest.surname'],
  ['date of birth in the future', withGuest((b) => { b.guest.dateOfBirth = addDays(today, 3); }), 'guest.dateOfBirth'],
  ['impossible date', withGuest((b) => { b.guest.dateOfBirth = '1990-02-30'; }), 'guest.dateOfBirth'],
  ['unknown country code', withGuest((b) => { b.guest.nationality = 'QQQ'; }), 'guest.nationality'],
  ['unknown issuing state', withGuest((b) => { b.guest.document.issuingState = 'ZZ'; }), 'guest.document.issuingState'],
  ['passport expiry before arrival', withGuest((b) => { b.guest.document.expiryDate = addDays(b.arrivalDate, -1); }), 'guest.document.expiryDate'],
  ['1 MB name', withGuest((b) => { b.guest.surname = 'A'.repeat(1024 * 1024); }), 'guest.surname'],
  ['bad sex', withGuest((b) => { (b.guest as Record<string, unknown>).sex = 'Q'; }), 'guest.sex'],
  ['unknown permit kind', withGuest((b) => { (b.guest.permit as Record<string, unknown>).kind = 'golden'; }), 'guest.permit.kind'],
  ['visit permit without end', withGuest((b) => { delete (b.guest.permit as Partial<Body['guest']['permit']>).validUntil; }), 'guest.permit.validUntil'],
  ['departure before arrival', withGuest((b) => { b.plannedDeparture = addDays(b.arrivalDate, -2); }), 'plannedDeparture'],
  ['passport number with symbols', withGuest((b) => { b.guest.document.number = 'AB#12$'; }), 'guest.document.number'],
  ['unknown field', withGuest((b) => { (b as Record<string, unknown>).favouriteColour = 'blue'; }), 'favouriteColour'],
];

for (const kind of dialectMatrix()) {
  describe(`bad input on ${kind}`, () => {
    let server: TestServer;
    let hotel: string;
    beforeAll(async () => {
      server = await startTestServer({ kind });
      hotel = await server.login('hotel.maryam');
    });
    afterAll(async () => server?.close());

    const countStays = async () => Number((await server.app.inject({ url: '/api/v1/stays?pageSize=1', headers: { cookie: hotel } })).json().total);

    it.each(cases.map(([name, body, field]) => ({ name, body, field })))('$name → 400 naming $field', async ({ body, field }) => {
      const before = await countStays();
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: body });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem).toMatchObject({ status: 400, code: 'validation' });
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await countStays()).toBe(before);
    });

    it('speaks Indonesian by default and English on request', async () => {
      const body = withGuest((b) => { delete (b.guest as Partial<Body['guest']>).surname; });
      const id = (await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: body })).json();
      const en = (await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel, 'accept-language': 'en-GB,en;q=0.9' }, payload: body })).json();
      expect(id.title).toBe('Data tidak valid');
      expect(id.errors[0].message).toBe('Wajib diisi');
      expect(en.title).toBe('Invalid data');
      expect(en.errors[0].message).toBe('Required');
    });

    it('answers malformed JSON, wrong content type and unknown ids with 4xx problems', async () => {
      const broken = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel, 'content-type': 'application/json' }, payload: '{"guest": ' });
      expect(broken.statusCode).toBe(400);
      expect(broken.headers['content-type']).toContain('application/problem+json');
      const text = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel, 'content-type': 'text/plain' }, payload: 'hello' });
      expect(text.statusCode).toBe(415);
      const missing = await server.app.inject({ method: 'POST', url: '/api/v1/stays/does-not-exist/checkout', headers: { cookie: hotel }, payload: { departureDate: today } });
      expect(missing.statusCode).toBe(404);
      const badQuery = await server.app.inject({ url: '/api/v1/stays?pageSize=5000', headers: { cookie: hotel } });
      expect(badQuery.statusCode).toBe(400);
      expect(badQuery.json().errors[0].field).toBe('pageSize');
    });
  });
}
