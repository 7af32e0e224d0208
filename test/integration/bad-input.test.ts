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
  ['1 MB name', withGuest((b) => { b.guest.surname = 'A'.repeat(1024 * 1024); }), 'guest.surname'],
  ['bad sex', withGuest((b) => { (b.guest as Record<string, unknown>).sex = 'Q'; }), 'guest.sex'],
  ['unknown permit kind', withGuest((b) => { (b.guest.permit as Record<string, unknown>).kind = 'golden'; }), 'guest.permit.kind'],
  ['visit permit without end', withGuest((b) => { delete (b.guest.permit as Partial<Body['guest']['permit']>).validUntil; }), 'guest.permit.validUntil'],
  ['departure before arrival', withGuest((b) => { b.plannedDeparture = addDays(b.arrivalDate, -2); }), 'plannedDeparture'],
  ['passport number with symbols', withGuest((b) => { b.guest.document.number = 'AB#12$'; }), 'guest.document.number'],
  ['unknown field', withGuest((b) => { (b as Record<string, unknown>).favouriteColour = 'blue'; }), 'favouriteColour'],
  // found by an attack on the running app: garbage that used to be stored
  ['boolean surname (no coercion of bodies)', withGuest((b) => { (b.guest as Record<string, unknown>).surname = true; }), 'guest.surname'],
  ['numeric given names', withGuest((b) => { (b.guest as Record<string, unknown>).givenNames = 42; }), 'guest.givenNames'],
  ['zero-width space in surname', withGuest((b) => { b.guest.surname = 'TEST\u200bSSON'; }), 'guest.surname'],
  ['RTL override in given names', withGuest((b) => { b.guest.givenNames = 'ANNA \u202eMAIL'; }), 'guest.givenNames'],
  ['bidi isolate in surname', withGuest((b) => { b.guest.surname = '\u2067TESTSSON\u2069'; }), 'guest.surname'],
  ['surname of zero-width characters only', withGuest((b) => { b.guest.surname = '\u200b\u200c\ufeff'; }), 'guest.surname'],
  ['surname of spaces and zero-width only', withGuest((b) => { b.guest.surname = ' \u200b \u3000'; }), 'guest.surname'],
  ['surname without letters ("!!!")', withGuest((b) => { b.guest.surname = '!!!'; }), 'guest.surname'],
  ['given names without letters ("123")', withGuest((b) => { b.guest.givenNames = '123'; }), 'guest.givenNames'],
  ['control character in room', withGuest((b) => { b.room = '1\u001b[2J'; }), 'room'],
  ['birth after arrival', withGuest((b) => { b.guest.dateOfBirth = today; }), 'guest.dateOfBirth'],
  ['arrival in 1800', withGuest((b) => { b.arrivalDate = '1800-01-01'; }), 'arrivalDate'],
  ['passport expiry in year 9999', withGuest((b) => { b.guest.document.expiryDate = '9999-12-31'; }), 'guest.document.expiryDate'],
  ['permit end in year 9999', withGuest((b) => { b.guest.permit.validUntil = '9999-12-31'; }), 'guest.permit.validUntil'],
  ['planned departure in year 9999', withGuest((b) => { b.plannedDeparture = '9999-12-31'; }), 'plannedDeparture'],
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

    it('names the new refusals clearly in Indonesian and English', async () => {
      const ask = async (body: Body, lang?: string) => (await server.app.inject({
        method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel, ...(lang ? { 'accept-language': lang } : {}) }, payload: body,
      })).json().errors as { field: string; message: string }[];
      const noLetters = withGuest((b) => { b.guest.surname = '123'; });
      expect(await ask(noLetters)).toEqual([{ field: 'guest.surname', message: 'Harus berisi setidaknya satu huruf' }]);
      expect(await ask(noLetters, 'en')).toEqual([{ field: 'guest.surname', message: 'Must contain at least one letter' }]);
      const hidden = withGuest((b) => { b.guest.givenNames = 'A\u202eB'; });
      expect((await ask(hidden, 'en'))[0].message).toBe('Contains hidden or control characters that are not allowed');
      expect((await ask(withGuest((b) => { b.guest.dateOfBirth = today; }), 'en'))[0].message).toBe('Date of birth must not be after the arrival date');
      expect((await ask(withGuest((b) => { b.guest.document.expiryDate = '9999-12-31'; })))[0].message).toBe('Tanggal terlalu jauh di masa depan');
    });

    // Errors versus findings (DESIGN.md, Access): facts officers must know are stored, never refused.
    it.each([
      ['a passport that expired before arrival', withGuest((b) => { b.guest.document.expiryDate = addDays(b.arrivalDate, -1); }), 'passport_expired'],
      ['a passport that expired long ago', withGuest((b) => { b.guest.document.expiryDate = '2001-05-05'; }), 'passport_expired'],
      ['a permit that ended yesterday', withGuest((b) => { b.guest.permit.validUntil = addDays(today, -1); delete (b as Partial<Body>).plannedDeparture; }), 'permit_ended'],
      ['a stay planned beyond the permit', withGuest((b) => { b.plannedDeparture = addDays(b.guest.permit.validUntil, 3); }), 'stay_beyond_permit'],
      ['a report ten days late', withGuest((b) => { b.arrivalDate = addDays(today, -10); b.guest.permit.validFrom = addDays(today, -10); }), 'late_report'],
    ])('stores %s (201, not 400), flagged for officers', async (_name, body, finding) => {
      const before = await countStays();
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      expect(await countStays()).toBe(before + 1);
      const officer = await server.login('imigrasi.parepare');
      const stay = (await server.app.inject({ url: `/api/v1/stays/${res.json().id}`, headers: { cookie: officer } })).json();
      expect(stay.findings).toContain(finding);
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
