import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/log';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer, withTestServer } from '../fixtures/server';

for (const kind of dialectMatrix()) {
  describe(`auth and audit on ${kind}`, () => {
    let server: TestServer;
    beforeAll(async () => { server = await startTestServer({ kind }); });
    afterAll(async () => server?.close());

    it('logs in and out with an HttpOnly session cookie', async () => {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'polres.soppeng', password: 'sinergi-demo' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ username: 'polres.soppeng', role: 'timpora_member', area: { code: '73.12', timeZone: 'WITA' }, abilities: { viewDashboard: true, checkIn: false } });
      const cookie = res.cookies.find((c) => c.name === 'sinergi_session')!;
      expect(cookie.httpOnly).toBe(true);
      const headers = { cookie: `sinergi_session=${cookie.value}` };
      expect((await server.app.inject({ url: '/api/v1/me', headers })).statusCode).toBe(200);
      expect((await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
      expect((await server.app.inject({ url: '/api/v1/me', headers })).statusCode).toBe(401);
    });

    it('does not lock an account after repeated failures (throttling, not lockout)', async () => {
      const attempt = (password: string) => server.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.0.1', payload: { username: 'disnaker.soppeng', password } });
      for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
      expect((await attempt('sinergi-demo')).statusCode).toBe(200);
    });

    it('keeps only admins in the admin screens and validates new users', async () => {
      const hotel = await server.login('hotel.maryam');
      expect((await server.app.inject({ url: '/api/v1/admin/users', headers: { cookie: hotel } })).statusCode).toBe(403);
      const admin = await server.login('admin');
      const bad = await server.app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: { cookie: admin }, payload: { username: 'kodim.soppeng', displayName: 'Kodim', password: 'short', role: 'timpora_member' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['agencyId', 'areaCode', 'password']);
      const agencies = (await server.app.inject({ url: '/api/v1/admin/agencies', headers: { cookie: admin } })).json().items;
      const kodim = agencies.find((a: { kind: string }) => a.kind === 'kodim');
      const ok = await server.app.inject({ method: 'POST', url: '/api/v1/admin/users', headers: { cookie: admin }, payload: { username: 'kodim.soppeng', displayName: 'Kodim 1423', password: 'a-long-password', role: 'timpora_member', agencyId: kodim.id, areaCode: '73.12' } });
      expect(ok.statusCode).toBe(201);
      // an officer account waits for a second administrator (test/integration/accounts-approval.test.ts)
      expect(ok.json()).toMatchObject({ active: false, approval: 'pending' });
    });

    it('keeps a verifiable audit chain that breaks when a row is edited', async () => {
      const hotel = await server.login('hotel.maryam');
      const created = (await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: checkInBody() })).json();
      const report = await verifyAuditChain(server.db);
      expect(report.ok).toBe(true);
      const entry = await server.db.selectFrom('audit_log').select(['seq']).where('resource_id', '=', created.id).executeTakeFirstOrThrow();
      await sql`update audit_log set detail = '{"receiptNumber":"forged"}' where seq = ${entry.seq}`.execute(server.db);
      const broken = await verifyAuditChain(server.db);
      expect(broken.ok).toBe(false);
      expect(broken.firstBroken!.seq).toBe(Number(entry.seq));
    });

    it('notices entries removed from the end of the log', async () => {
      const fresh = await startTestServer({ kind });
      try {
        await fresh.login('hotel.maryam');
        expect((await verifyAuditChain(fresh.db)).ok).toBe(true);
        const last = await fresh.db.selectFrom('audit_log').select(['seq']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
        await fresh.db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
        const report = await verifyAuditChain(fresh.db);
        expect(report.ok).toBe(false);
        expect(report.firstBroken!.reason).toContain('removed from the end');
      } finally {
        await fresh.close();
      }
    });
  });
}

describe('restart keeps every stay (SQLite file)', () => {
  it('reopens the same data directory with the stays intact', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-restart-'));
    const config = loadConfig({ NODE_ENV: 'test', SINERGI_DATA_DIR: dataDir, SINERGI_LOG: 'false' });
    const count = async (app: Awaited<ReturnType<typeof buildApp>>, cookie: string) =>
      (await app.inject({ url: '/api/v1/stays?pageSize=1', headers: { cookie } })).json().total as number;
    const login = async (app: Awaited<ReturnType<typeof buildApp>>) =>
      `sinergi_session=${(await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hotel.maryam', password: 'sinergi-demo' } })).cookies[0].value}`;

    const first = await buildApp(config);
    const cookie = await login(first);
    expect((await first.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie }, payload: checkInBody() })).statusCode).toBe(201);
    const before = await count(first, cookie);
    await first.close();

    const second = await buildApp(config);
    expect(await count(second, await login(second))).toBe(before);
    await second.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('TOTP enrolment', () => {
  it('asks enrolled officers for a code at sign-in', async () => {
    const { generate } = await import('otplib');
    await withTestServer(async (server) => {
      const cookie = await server.login('imigrasi.parepare');
      const started = (await server.app.inject({ method: 'POST', url: '/api/v1/me/totp', headers: { cookie }, payload: { password: 'sinergi-demo' } })).json();
      expect(started.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      const wrong = await server.app.inject({ method: 'POST', url: '/api/v1/me/totp/confirm', headers: { cookie }, payload: { totp: '000000' } });
      expect(wrong.statusCode).toBe(400);
      const code = await generate({ secret: started.secret });
      const confirmed = await server.app.inject({ method: 'POST', url: '/api/v1/me/totp/confirm', headers: { cookie }, payload: { totp: code } });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json().recoveryCodes).toHaveLength(10);

      const login = (payload: object) => server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'imigrasi.parepare', password: 'sinergi-demo', ...payload } });
      const noCode = await login({});
      expect(noCode.statusCode).toBe(401);
      expect(noCode.json().errors[0].field).toBe('totp');
      expect((await login({ totp: await generate({ secret: started.secret }) })).statusCode).toBe(200);
    });
  });
});

describe('login throttle', () => {
  it('answers 429 after 10 failures from one address, even to the right password', async () => {
    await withTestServer(async (server) => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push((await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `nobody${i}`, password: 'x' } })).statusCode);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
      const limited = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hotel.maryam', password: 'sinergi-demo' } });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('rate_limited');
    });
  });
});
