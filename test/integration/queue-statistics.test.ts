import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeGrownTables, analyzeSqlite } from '../../src/server/db/statistics';
import { outboxRow } from '../../src/server/events/bus';
import { claimBatch } from '../../src/server/events/relay';
import { dialectMatrix, openScratchDatabase, type ScratchDb } from '../fixtures/scratch-db';

// Statistics taken while a queue table was small must not steer later plans: the relay's claim
// has to use the outbox's indexes however many rows ANALYZE saw (SQLite only; PostgreSQL's
// statistics are kept current by autovacuum and analyzeGrownTables, below).

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

// A table that grew past autovacuum's threshold (50 rows + 10%) since its last ANALYZE is analyzed
// at once on PostgreSQL (an import calls this after each chunk); SQLite keeps the statistics of
// its migrations.
for (const kind of dialectMatrix()) {
  describe(`statistics of grown tables on ${kind}`, () => {
    let scratch: ScratchDb;
    beforeAll(async () => { scratch = await openScratchDatabase(kind); });
    afterAll(async () => { await scratch?.dispose(); });

    const lastAnalyzed = async () => (await sql<{ at: Date | null }>`select coalesce(last_analyze, last_autoanalyze) as at
      from pg_stat_user_tables where schemaname = current_schema() and relname = 'settings'`.execute(scratch.db.kysely)).rows[0]?.at ?? null;
    const changes = async () => Number((await sql<{ n: string }>`select n_mod_since_analyze as n from pg_stat_user_tables
      where schemaname = current_schema() and relname = 'settings'`.execute(scratch.db.kysely)).rows[0]?.n ?? 0);
    const addSettings = (from: number, n: number) => scratch.db.kysely.insertInto('settings')
      .values(Array.from({ length: n }, (_, i) => ({ key: `grown-${from + i}`, value: String(i) }))).execute();

    it('analyzes a table that grew past the threshold, once, and leaves one that did not', async () => {
      await addSettings(0, 120);
      if (kind === 'sqlite') {
        expect(await analyzeGrownTables(scratch.db.kysely, ['settings'])).toEqual([]);
        return;
      }
      // the server counts a table's changes a moment after their commit
      await expect.poll(() => analyzeGrownTables(scratch.db.kysely, ['settings']), { timeout: 5000, interval: 100 }).toEqual(['settings']);
      expect(await lastAnalyzed()).not.toBeNull();
      expect(await analyzeGrownTables(scratch.db.kysely, ['settings'])).toEqual([]);
      const before = await lastAnalyzed();
      await addSettings(1000, 10); // under 50 rows + 10% of about 120
      await expect.poll(changes, { timeout: 5000, interval: 100 }).toBeGreaterThanOrEqual(10); // counted, and still under the threshold
      expect(await analyzeGrownTables(scratch.db.kysely, ['settings'])).toEqual([]);
      expect(await lastAnalyzed()).toEqual(before);
    });

    it.runIf(kind === 'postgres')('does not wait for a table another session holds (autovacuum vacuuming it)', async () => {
      await addSettings(2000, 200);
      await expect.poll(changes, { timeout: 5000, interval: 100 }).toBeGreaterThanOrEqual(200); // counted: it will be analyzed
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${(await sql<{ db: string }>`select current_database() as db`.execute(scratch.db.kysely)).rows[0]!.db}`;
      const holder = new pg.Client({ connectionString: url.toString() });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('lock table settings in share update exclusive mode'); // the lock VACUUM and ANALYZE take
        const started = Date.now();
        await analyzeGrownTables(scratch.db.kysely, ['settings']);
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        await holder.query('rollback');
        await holder.end();
      }
    });
  });
}
