import http from 'node:http';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix, openScratchDatabase } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Findings 5-9 of the attack on the running app: sign-in throttling, lockout, event streams
// that outlived their session, and a second factor a session could replace without it.

const LOGIN = '/api/v1/auth/login';

/** An SSE stream over real HTTP that tells when the server ended it. */
function openStream(url: string, cookie: string): Promise<{ status: number; names: string[]; ended: Promise<void>; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      const names: string[] = [];
      const ended = new Promise<void>((done) => { res.on('end', done); res.on('close', done); });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { for (const m of chunk.matchAll(/^event: (.*)$/gm)) names.push(m[1]); });
      if (res.statusCode !== 200) { res.resume(); resolve({ status: res.statusCode ?? 0, names, ended, close: () => req.destroy() }); return; }
      res.once('data', () => resolve({ status: 200, names, ended, close: () => req.destroy() }));
    });
    req.on('error', (err) => { if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err); });
  });
}

/** Resolves true when the promise settles first, false after a (generous) wait: a stream that should close at once. */
const settles = (p: Promise<unknown>, ms = 5000) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

for (const kind of dialectMatrix()) {
  describe(`sign-in and sessions on ${kind}`, () => {
    let server: TestServer;
    beforeAll(async () => { server = await startTestServer({ kind, listen: true }); });
    afterAll(async () => server?.close());

    const attempt = (username: string, password: string, remoteAddress: string, extra: object = {}) =>
      server.app.inject({ method: 'POST', url: LOGIN, remoteAddress, payload: { username, password, ...extra } });

    it('ignores X-Forwarded-For from a client that is not a trusted proxy (finding 5)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await server.app.inject({
          method: 'POST', url: LOGIN, remoteAddress: '10.5.0.1', headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
          payload: { username: `xff${i}`, password: 'wrong-password' },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
    });

    it('counts parallel wrong passwords one by one (finding 6)', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => attempt('kesbangpol.soppeng', 'wrong-password', '10.6.0.1')));
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
      // per username too: 30 addresses at once get 15 tries at one name
      const spread = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt('pt.sutera', 'wrong-password', `10.6.1.${i + 1}`)));
      // compared as one sorted list so a failure shows every answer (a stray 5xx under load, a drained slot)
      expect(spread.map((r) => r.statusCode).sort()).toEqual([...Array(15).fill(401), ...Array(15).fill(429)]);
    });

    it('answers an unknown user exactly as a known one, wrong password and throttled alike (finding 7)', async () => {
      const known: { status: number; body: string }[] = [];
      const unknown: { status: number; body: string }[] = [];
      for (let i = 0; i < 12; i++) {
        const k = await attempt('polres.soppeng', 'wrong-password', '10.7.0.1');
        const u = await attempt('no.such.user', 'wrong-password', '10.7.0.2');
        known.push({ status: k.statusCode, body: k.body });
        unknown.push({ status: u.statusCode, body: u.body });
      }
      expect(unknown).toEqual(known);
      expect(known.map((r) => r.status)).toEqual([...Array(10).fill(401), 429, 429]);
      // the per-username budget holds for unknown names in the same way
      const byName = async (username: string) => {
        const out: { status: number; body: string }[] = [];
        for (let i = 0; i < 16; i++) { const r = await attempt(username, 'wrong-password', `10.7.${username.length}.${i + 10}`); out.push({ status: r.statusCode, body: r.body }); }
        return out;
      };
      const knownName = await byName('villa.lejja');
      expect(await byName('villa.ghost')).toEqual(knownName);
      expect(knownName.map((r) => r.status)).toEqual([...Array(15).fill(401), 429]);
      const audit = await server.db.selectFrom('audit_log').select(['action', 'resource_id', 'detail']).where('action', 'in', ['auth.login_failed', 'auth.login_throttled']).execute();
      expect(audit.some((a) => a.action === 'auth.login_throttled' && JSON.parse(a.detail).username === 'no.such.user')).toBe(true);
      expect(audit.some((a) => a.action === 'auth.login_failed' && a.resource_id === null && JSON.parse(a.detail).username === 'no.such.user')).toBe(true);
    });

    it('lets the owner sign in from elsewhere while one address hammers the name, the admin included (finding 7)', async () => {
      const hammered = [];
      for (let i = 0; i < 40; i++) hammered.push(await attempt('admin', 'guess', '10.7.9.9'));
      expect(hammered.some((r) => r.statusCode === 429)).toBe(true);
      expect(hammered.some((r) => r.statusCode === 423)).toBe(false);
      expect((await attempt('admin', 'sinergi-demo', '10.7.9.10')).statusCode).toBe(200);
      expect((await attempt('admin', 'sinergi-demo', '10.7.9.9')).statusCode).toBe(429); // the hammering address stays refused
    });

    it('closes a session\'s event stream at logout, and only officers may open one (finding 8)', async () => {
      const cookie = await server.login('polres.soppeng');
      const stream = await openStream(`${server.url}/api/v1/events`, cookie);
      expect(stream.status).toBe(200);
      expect((await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
      expect(await settles(stream.ended)).toBe(true);
      expect(stream.names).not.toContain('session.ended');

      const reporter = await openStream(`${server.url}/api/v1/events`, await server.login('hotel.maryam'));
      expect(reporter.status).toBe(403);
    });

    it('lists and revokes sessions; revoking closes that session\'s streams only (finding 8)', async () => {
      const first = await server.login('imigrasi.parepare');
      const second = await server.login('imigrasi.parepare');
      const listed = await server.app.inject({ url: '/api/v1/me/sessions', headers: { cookie: second } });
      expect(listed.statusCode).toBe(200);
      const items = listed.json().items as { id: string; current: boolean; ip: string }[];
      expect(items.filter((s) => s.current)).toHaveLength(1);
      const stored = (await server.db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
      for (const s of items) expect(stored).not.toContain(s.id); // a public id, never the stored hash

      const streamA = await openStream(`${server.url}/api/v1/events`, first);
      const streamB = await openStream(`${server.url}/api/v1/events`, second);
      const other = items.find((s) => !s.current)!;
      expect((await server.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${other.id}`, headers: { cookie: await server.login('polres.soppeng') } })).statusCode).toBe(404);
      expect((await server.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${other.id}`, headers: { cookie: second } })).statusCode).toBe(204);
      expect(await settles(streamA.ended)).toBe(true);
      expect((await server.app.inject({ url: '/api/v1/me', headers: { cookie: first } })).statusCode).toBe(401);

      // the other stream lives on and still gets its area's events, but no internal ones
      const hotel = await server.login('hotel.maryam');
      expect((await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: checkInBody() })).statusCode).toBe(201);
      await server.app.inject({ url: '/api/v1/me', headers: { cookie: second } });
      for (let i = 0; i < 50 && !streamB.names.includes('stay.checked_in'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(streamB.names).toContain('stay.checked_in');
      expect(streamB.names).not.toContain('session.ended');
      streamB.close();
    });

    it('keeps at most 5 streams per user, closing the oldest (finding 8)', async () => {
      const cookie = await server.login('disnaker.soppeng');
      const streams = [];
      for (let i = 0; i < 6; i++) streams.push(await openStream(`${server.url}/api/v1/events`, cookie));
      expect(await settles(streams[0].ended)).toBe(true);
      for (const s of streams.slice(1)) s.close();
    });

    it('changes the password, ending every other session and its streams (finding 8)', async () => {
      const keep = await server.login('kesbangpol.soppeng');
      const other = await server.login('kesbangpol.soppeng');
      const stream = await openStream(`${server.url}/api/v1/events`, other);
      const change = (body: object) => server.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie: keep }, payload: body });
      expect((await change({ currentPassword: 'wrong-password', newPassword: 'a-new-long-password' })).json().errors[0].field).toBe('currentPassword');
      expect((await change({ currentPassword: 'sinergi-demo', newPassword: 'short' })).statusCode).toBe(400);
      expect((await change({ currentPassword: 'sinergi-demo', newPassword: 'Kesbangpol.Soppeng' })).json().errors[0].field).toBe('newPassword');
      expect((await change({ currentPassword: 'sinergi-demo', newPassword: 'a-new-long-password', extra: 1 })).statusCode).toBe(400);
      expect((await change({ currentPassword: 'sinergi-demo', newPassword: 'a-new-long-password' })).statusCode).toBe(204);
      expect(await settles(stream.ended)).toBe(true);
      expect((await server.app.inject({ url: '/api/v1/me', headers: { cookie: other } })).statusCode).toBe(401);
      expect((await server.app.inject({ url: '/api/v1/me', headers: { cookie: keep } })).statusCode).toBe(200);
      expect((await attempt('kesbangpol.soppeng', 'sinergi-demo', '10.8.0.1')).statusCode).toBe(401);
      expect((await attempt('kesbangpol.soppeng', 'a-new-long-password', '10.8.0.1')).statusCode).toBe(200);
    });

    it('needs the current second factor to replace or remove TOTP; recovery codes work once (finding 9)', async () => {
      const cookie = await server.login('polres.makassar');
      const post = (url: string, payload?: object, method: 'POST' | 'DELETE' = 'POST') => server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
      // a session alone cannot turn TOTP on: the password is asked first
      expect((await post('/api/v1/me/totp')).statusCode).toBe(400);
      expect((await post('/api/v1/me/totp', { password: 'wrong-password' })).statusCode).toBe(400);
      const started = (await post('/api/v1/me/totp', { password: 'sinergi-demo' })).json();
      const confirmed = await post('/api/v1/me/totp/confirm', { totp: await generate({ secret: started.secret }) });
      const codes = confirmed.json().recoveryCodes as string[];
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);

      // the attack: a session alone starts over with a new secret
      expect((await post('/api/v1/me/totp')).statusCode).toBe(400);
      expect((await post('/api/v1/me/totp', { totp: '000000' })).statusCode).toBe(400);
      expect((await post('/api/v1/me/totp', {}, 'DELETE')).statusCode).toBe(400);
      expect((await post('/api/v1/me/totp', { password: 'wrong-password', recoveryCode: codes[0] }, 'DELETE')).statusCode).toBe(400);
      expect((await post('/api/v1/me/totp', { totp: await generate({ secret: started.secret }) })).statusCode).toBe(200);

      // a recovery code signs in in place of the code, once
      const login = (extra: object) => attempt('polres.makassar', 'sinergi-demo', '10.9.0.9', extra);
      expect((await login({ recoveryCode: codes[1] })).statusCode).toBe(200);
      const reused = await login({ recoveryCode: codes[1] });
      expect(reused.statusCode).toBe(401);
      expect(reused.json().errors[0].field).toBe('recoveryCode');

      // removing it: the password and an unused recovery code (the wrong password above spent none)
      expect((await post('/api/v1/me/totp', { password: 'sinergi-demo', recoveryCode: codes[0] }, 'DELETE')).statusCode).toBe(204);
      expect((await login({})).statusCode).toBe(200);
      expect((await server.app.inject({ url: '/api/v1/me', headers: { cookie } })).json().totpEnabled).toBe(false);
    });
  });

  describe(`behind a trusted proxy on ${kind}`, () => {
    it('takes the client address from X-Forwarded-For only when the proxy is named in SINERGI_TRUST_PROXY', async () => {
      const scratch = await openScratchDatabase(kind);
      const app = await buildApp(loadConfig({ NODE_ENV: 'test', SINERGI_LOG: 'false', SINERGI_TRUST_PROXY: '10.5.5.5' }), { db: scratch.db });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) {
          const res = await app.inject({
            method: 'POST', url: LOGIN, remoteAddress: '10.5.5.5', headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
            payload: { username: `proxied${i}`, password: 'wrong-password' },
          });
          statuses.push(res.statusCode);
        }
        expect(statuses).toEqual(Array(12).fill(401)); // twelve different clients, each with its own budget
      } finally {
        await app.close();
        await scratch.dispose();
      }
    });
  });
}
