import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileBody, hostileParam } from '../fixtures/nasty';
import { type Operation, operationsOf } from '../fixtures/routes';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Property: whatever a client sends to any route, as anyone, the answer is never a 5xx;
// a 400 names at least one field and lists at most 20 problems; every 4xx is problem+json.
// Routes come from the OpenAPI document, so a new route is covered without touching this file.

const RUNS = 40;
const ROLES = ['anonymous', 'hotel.maryam', 'imigrasi.parepare'] as const;

function checkAnswer(res: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string): void {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  expect(String(res.headers['content-type']), what).toContain('application/problem+json');
  if (res.statusCode !== 400) return;
  const errors = JSON.parse(res.body).errors as { field: string; message: string }[] | undefined;
  expect(errors?.length, `${what}: a 400 names a field`).toBeGreaterThan(0);
  expect(errors!.length, what).toBeLessThanOrEqual(20);
  for (const e of errors!) expect(e.field, what).toMatch(/\S/);
}

for (const kind of dialectMatrix()) {
  describe(`every route under hostile input on ${kind}`, () => {
    let server: TestServer;
    let operations: Operation[];
    const cookies: Record<string, string | undefined> = {};
    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const role of ROLES) cookies[role] = role === 'anonymous' ? undefined : await server.login(role);
      operations = await operationsOf(server);
    });
    afterAll(async () => server?.close());

    it('finds the JSON routes to attack', () => {
      expect(operations.filter((o) => o.body).map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['POST /api/v1/stays', 'POST /api/v1/auth/login']));
    });

    for (const role of ROLES) {
      it(`JSON bodies as ${role}: never 5xx, 400s name a field, at most 20 problems`, async () => {
        for (const op of operations.filter((o) => o.body)) {
          const url = op.path.replace(/\{(\w+)\}/g, 'does-not-exist');
          await fc.assert(fc.asyncProperty(hostileBody(op.body!), async (body) => {
            const res = await server.app.inject({
              method: op.method as 'POST', url, payload: JSON.stringify(body) ?? 'null',
              headers: { 'content-type': 'application/json', ...(cookies[role] ? { cookie: cookies[role] } : {}) },
            });
            checkAnswer(res, `${op.method} ${op.path} as ${role}`);
          }), { numRuns: RUNS });
        }
      });

      it(`query and path parameters as ${role}: never 5xx`, async () => {
        for (const op of operations.filter((o) => o.method === 'GET' && o.params.length && !o.path.startsWith('/api/v1/events'))) {
          const arbitraries = Object.fromEntries(op.params.map((p) => [p.name, hostileParam(p.schema)]));
          await fc.assert(fc.asyncProperty(fc.record(arbitraries, { requiredKeys: [] }), async (values) => {
            const query = op.params.filter((p) => p.in === 'query' && values[p.name] !== undefined).map((p) => `${p.name}=${encodeURIComponent(values[p.name]!)}`).join('&');
            const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] || 'x'));
            const res = await server.app.inject({ url: `${path}${query ? `?${query}` : ''}`, headers: cookies[role] ? { cookie: cookies[role] } : {} });
            checkAnswer(res, `GET ${path}?${query.slice(0, 100)} as ${role}`);
          }), { numRuns: RUNS / 2 });
        }
      });
    }
  });
}
