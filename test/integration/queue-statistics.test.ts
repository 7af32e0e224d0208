import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSqlite } from '../../src/server/db/statistics';
import { outboxRow } from '../../src/server/events/bus';
import { claimBatch } from '../../src/server/events/relay';
import { openScratchDatabase, type ScratchDb } from '../fixtures/scratch-db';

// Statistics taken while a queue table was small must not steer later plans: the relay's claim
// has to use the outbox's indexes however many rows ANALYZE saw (SQLite only; PostgreSQL's
// autovacuum keeps its statistics current).

describe('statistics of queue tables on sqlite', () => {
  let scratch: ScratchDb;
  beforeAll(async () => { scratch = await openScratchDatabase('sqlite'); });
  afterAll(async () => { await scratch?.dispose(); });

  const planOf = async (query: CompiledQuery) => {
    const { rows } = await scratch.db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
    return rows.map((r) => r.detail);
  };

  it('keeps no statistics for the outbox, so the claim searches its indexes at any size', async () => {
    const k = scratch.db.kysely;
    await k.insertInto('outbox').values(Array.from({ length: 33 }, (_, i) => outboxRow('stay.checked_in', '73.12', { n: i }))).execute();
    await k.insertInto('countries').values({ code: 'ZZQ', alpha2: null, name_id: 'Uji', name_en: 'Test', icao_only: 0 }).onConflict((c) => c.doNothing()).execute();
    await analyzeSqlite(k);

    const stats = await sql<{ tbl: string }>`select distinct tbl from sqlite_stat1`.execute(k);
    const analyzed = stats.rows.map((r) => r.tbl);
    expect(analyzed).not.toContain('outbox');
    expect(analyzed).toContain('countries'); // the other tables keep theirs

    const plan = await planOf(claimBatch(k).compile());
    expect(plan).toContain('SCAN outbox USING INDEX outbox_pending');
    expect(plan.filter((step) => /^SCAN outbox$/.test(step))).toEqual([]);
    expect(plan.some((step) => step.startsWith('SEARCH outbox USING INDEX'))).toBe(true);
  });

  it('still claims every row, once', async () => {
    const claimed = await claimBatch(scratch.db.kysely).execute();
    expect(claimed).toHaveLength(33);
    expect(claimed.every((row) => row.published_at !== null)).toBe(true);
    expect(await claimBatch(scratch.db.kysely).execute()).toEqual([]);
  });
});
