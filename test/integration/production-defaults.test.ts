import { describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../../src/cli/users';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { dialectMatrix, openScratchDatabase } from '../fixtures/scratch-db';

// Finding 12: production had no way in, published its API map, and sent no HSTS.
async function withProductionApp(kind: 'sqlite' | 'postgres', env: Record<string, string>, body: (app: Awaited<ReturnType<typeof buildApp>>, db: Awaited<ReturnType<typeof openScratchDatabase>>['db']) => Promise<void>) {
  const scratch = await openScratchDatabase(kind);
  const app = await buildApp(loadConfig({ NODE_ENV: 'production', SINERGI_LOG: 'false', ...env }), { db: scratch.db });
  try {
    await body(app, scratch.db);
  } finally {
    await app.close();
    await scratch.dispose();
  }
}

for (const kind of dialectMatrix()) {
  describe(`production defaults on ${kind}`, () => {
    it('keeps /docs and /openapi.json behind sign-in, sends HSTS, and lets the first administrator in', async () => {
      await withProductionApp(kind, {}, async (app, db) => {
        const anonymous = await app.inject('/openapi.json');
        expect(anonymous.statusCode).toBe(401);
        expect(anonymous.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect((await app.inject('/docs')).statusCode).toBe(401);
        expect((await app.inject('/docs/static/index.html')).statusCode).toBe(401);

        await createFirstAdmin(db.kysely, 'kepala.admin', 'a-long-password');
        await expect(createFirstAdmin(db.kysely, 'kedua.admin', 'a-long-password')).rejects.toThrow(/already exists/);
        const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kepala.admin', password: 'a-long-password' } });
        expect(login.statusCode).toBe(200);
        const cookie = `sinergi_session=${login.cookies.find((c) => c.name === 'sinergi_session')!.value}`;
        expect((await app.inject({ url: '/openapi.json', headers: { cookie } })).statusCode).toBe(200);
      });
    });

    it('publishes the docs when SINERGI_PUBLIC_DOCS=1', async () => {
      await withProductionApp(kind, { SINERGI_PUBLIC_DOCS: '1' }, async (app) => {
        expect((await app.inject('/openapi.json')).statusCode).toBe(200);
      });
    });
  });
}
