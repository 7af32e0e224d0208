import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as passwords from '../../src/server/auth/passwords';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Timing parity without a clock: an unknown user, a wrong password and a throttled attempt
// each spend exactly one argon2 verification (finding 7).
vi.mock('../../src/server/auth/passwords', async (original) => {
  const real = await original<typeof import('../../src/server/auth/passwords')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

for (const kind of dialectMatrix()) {
  describe(`password work per sign-in path on ${kind}`, () => {
    let server: TestServer;
    beforeAll(async () => { server = await startTestServer({ kind }); });
    afterAll(async () => server?.close());

    const verifications = async (username: string, remoteAddress: string) => {
      const spy = vi.mocked(passwords.verifyPassword);
      spy.mockClear();
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username, password: 'wrong-password' } });
      return { status: res.statusCode, verifications: spy.mock.calls.length };
    };

    it('spends one verification on an unknown user, a wrong password and a throttled attempt', async () => {
      expect(await verifications('no.such.user', '10.11.0.1')).toEqual({ status: 401, verifications: 1 });
      expect(await verifications('polres.soppeng', '10.11.0.1')).toEqual({ status: 401, verifications: 1 });
      for (let i = 0; i < 8; i++) await verifications('polres.soppeng', '10.11.0.1');
      expect(await verifications('polres.soppeng', '10.11.0.1')).toEqual({ status: 429, verifications: 1 });
      expect(await verifications('no.such.user', '10.11.0.1')).toEqual({ status: 429, verifications: 1 });
    });
  });
}
