import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/domain/rules/types';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// The demo opens with its early warnings raised: one alert at least of every rule, and a
// watchlist hit, each raised by the rules and the screening from the demo's facts.
describe.each(dialectMatrix())('demo alerts on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer({ kind }); });
  afterAll(async () => { await server?.close(); });

  it('has at least one alert of each rule and one watchlist hit, all in Soppeng', async () => {
    const rows = await server.db.selectFrom('alerts').select(['rule', 'source', 'region_code']).execute();
    for (const rule of RULE_IDS) expect(rows.filter((r) => r.source === 'rule' && r.rule === rule), rule).not.toHaveLength(0);
    const hits = rows.filter((r) => r.source === 'watchlist');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.region_code.startsWith('73.12.')).toBe(true);
  });

  it('shows the watchlist hit to immigration but never to the lodging that reported the guest', async () => {
    const alert = await server.db.selectFrom('alerts').select(['id', 'stay_id']).where('source', '=', 'watchlist').executeTakeFirstOrThrow();
    const officer = await server.login('imigrasi.parepare');
    const seen = await server.app.inject({ method: 'GET', url: `/api/v1/alerts/${alert.id}`, headers: { cookie: officer } });
    expect(seen.statusCode).toBe(200);
    const stay = await server.db.selectFrom('stays').innerJoin('users', 'users.reporter_org_id', 'stays.lodging_id')
      .select('users.username').where('stays.id', '=', alert.stay_id!).executeTakeFirstOrThrow();
    const clerk = await server.login(stay.username);
    const hidden = await server.app.inject({ method: 'GET', url: `/api/v1/alerts/${alert.id}`, headers: { cookie: clerk } });
    expect([403, 404]).toContain(hidden.statusCode);
  });
});
