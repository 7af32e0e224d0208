import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Holes an attack on the running app found at the edge: each answer must be a small 4xx
// problem+json naming the field, never a 500 and never an answer bigger than the question.

const today = new Date().toISOString().slice(0, 10);
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
const isProblem = (res: { headers: Record<string, unknown> }) => String(res.headers['content-type']).startsWith('application/problem+json');

/** The attack's body: ~150,000 unknown keys, about 1.7 MB (over the body limit, so 413). */
const wideBody = (keys: number) => `{${Array.from({ length: keys }, (_, i) => `"k${i}":1`).join(',')}}`;

for (const kind of dialectMatrix()) {
  describe(`the edge on ${kind}`, () => {
    let server: TestServer;
    let hotel: string;
    beforeAll(async () => {
      server = await startTestServer({ kind, listen: true });
      hotel = await server.login('hotel.maryam');
    });
    afterAll(async () => server?.close());

    it.each([
      ['99999999999999999999', 'page'], ['10001', 'page'], ['0', 'page'], ['1e400', 'page'], ['abc', 'page'], ['-1', 'page'],
    ])('page=%s → 400 naming page, never 500', async (value, field) => {
      const res = await server.app.inject({ url: `/api/v1/stays?page=${value}`, headers: { cookie: hotel } });
      expect(res.statusCode).toBe(400);
      expect(isProblem(res)).toBe(true);
      expect(fields(res)).toEqual([field]);
    });

    it('still serves the last sane page', async () => {
      const res = await server.app.inject({ url: '/api/v1/stays?page=10000&pageSize=200', headers: { cookie: hotel } });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    });

    it('refuses NUL anywhere with a 400 naming the field: anonymous login, body, query, params', async () => {
      const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hotel.maryam\u0000', password: 'x' } });
      expect(login.statusCode).toBe(400);
      expect(fields(login)).toEqual(['username']);
      const body = checkInBody(today);
      body.guest.document.number = 'AB\u00001234';
      const checkIn = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: body });
      expect(checkIn.statusCode).toBe(400);
      expect(fields(checkIn)).toEqual(['guest.document.number']);
      const key = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a', password: 'b', 'x\u0000': 1 } });
      expect(key.statusCode).toBe(400);
      expect(fields(key)).toEqual(['x\\u0000']);
      const query = await server.app.inject({ url: '/api/v1/stays?q=ab%00cd', headers: { cookie: hotel } });
      expect(query.statusCode).toBe(400);
      expect(fields(query)).toEqual(['q']);
      const param = await server.app.inject({ url: '/api/v1/stays/ab%00cd', headers: { cookie: hotel } });
      expect(param.statusCode).toBe(400);
      expect(fields(param)).toEqual(['id']);
      const region = await server.app.inject({ url: '/api/v1/regions/%00', headers: { cookie: hotel } });
      expect(region.statusCode).toBe(400);
      expect(isProblem(region)).toBe(true);
    });

    it('answers unknown keys with ONE problem, however many there are', async () => {
      const few = JSON.parse(wideBody(500)) as Record<string, unknown>;
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a', password: 'b', ...few } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toHaveLength(1);
      const nested = checkInBody(today) as Record<string, unknown> & { guest: Record<string, unknown> };
      Object.assign(nested.guest, JSON.parse(wideBody(300)));
      const inner = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: nested });
      expect(inner.statusCode).toBe(400);
      expect(fields(inner)).toEqual(['guest.k0']);
    });

    it('refuses the 150,000-key body and a 100,000-key body cheaply, with one problem each', async () => {
      const huge = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: wideBody(150_000) });
      expect(huge.statusCode).toBe(413);
      expect(isProblem(huge)).toBe(true);
      const wide = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: wideBody(100_000) });
      expect(wide.statusCode).toBe(400);
      expect(fields(wide)).toEqual(['body']);
      expect(wide.body.length).toBeLessThan(1000);
      const deep = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` });
      expect(deep.statusCode).toBe(400);
      expect(fields(deep)).toEqual(['body']);
    });

    it('keeps /healthz answering while four such bodies arrive in parallel', async () => {
      const payload = wideBody(100_000);
      const attacks = Array.from({ length: 4 }, () => fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload }));
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      for (const res of await Promise.all(attacks)) {
        expect(res.status).toBe(400);
        expect((await res.json()).errors).toHaveLength(1);
      }
    });

    it('lists at most 20 problems in one answer', async () => {
      const wrong = { guest: { surname: 1, givenNames: 1, sex: 1, dateOfBirth: 1, nationality: 1, x: 1,
        document: { type: 1, number: 1, issuingState: 1, expiryDate: 1, y: 1 }, permit: { kind: 1, number: 1, validFrom: 1, validUntil: 1, z: 1 } },
      arrivalDate: 1, plannedDeparture: 1, room: 1, lodgingId: 1, w: 1 };
      // signed in: an anonymous caller is refused (401) before its body is even looked at
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toHaveLength(20);
    });

    it('answers unknown API routes, over-long params, bad URLs and over-long URLs as problem+json', async () => {
      const unknown = await server.app.inject({ url: '/api/v1/nothing-here' });
      expect([unknown.statusCode, isProblem(unknown)]).toEqual([404, true]);
      const wrongMethod = await server.app.inject({ method: 'DELETE', url: '/api/v1/stays' });
      expect([wrongMethod.statusCode, isProblem(wrongMethod)]).toEqual([404, true]);
      const longParam = await server.app.inject({ url: `/api/v1/stays/${'a'.repeat(500)}`, headers: { cookie: hotel, 'accept-language': 'en' } });
      expect([longParam.statusCode, isProblem(longParam), longParam.json().title]).toEqual([414, true, 'The address (URL) is too long']);
      const badUrl = await server.app.inject({ url: '/api/v1/stays/%E0%A4%A', headers: { cookie: hotel } });
      expect([badUrl.statusCode, isProblem(badUrl)]).toEqual([400, true]);
      expect(fields(badUrl)).toEqual(['url']);
      const longUrl = await fetch(`${server.url}/api/v1/stays?q=${'a'.repeat(20_000)}`);
      expect([longUrl.status, longUrl.headers.get('content-type')]).toEqual([431, 'application/problem+json; charset=utf-8']);
      expect((await longUrl.json()).code).toBe('header_too_large');
    });
  });
}
