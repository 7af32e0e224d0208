import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { ReadPool, sqliteReadPool } from '../../src/server/db/read-pool';

// SQLite's read workers: they answer queries on their own connections, see what the app's
// connection committed, refuse writes, and run side by side.

describe('SQLite read pool', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-reads-'));
  const db = openDatabase({ databaseUrl: path.join(dir, 'reads.sqlite'), dataDir: dir });
  let reads: ReturnType<typeof sqliteReadPool>;
  beforeAll(async () => {
    await migrateToLatest(db.kysely);
    reads = sqliteReadPool(db.url, 2);
  });
  afterAll(async () => { await reads.destroy(); await db.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('sees every committed write of the app\'s connection', async () => {
    for (let i = 0; i < 3; i++) {
      await db.kysely.insertInto('settings').values({ key: `reads.${i}`, value: String(i) }).execute();
      const row = await reads.selectFrom('settings').select('value').where('key', '=', `reads.${i}`).executeTakeFirst();
      expect(row).toEqual({ value: String(i) });
    }
  });

  it('answers queries in parallel and keeps their answers apart', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => sql<{ n: number }>`select ${i} * 2 as n`.execute(reads)));
    expect(answers.map((a) => a.rows[0]!.n)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it('never keeps the process alive: its threads hold no event-loop handle, and none start before the first read', async () => {
    const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
    const before = ports();
    const pool = new ReadPool(db.url, 2);
    try {
      expect(await pool.query('select 1 as n', [])).toEqual([{ n: 1 }]);
      expect(ports()).toBe(before);
    } finally {
      await pool.close();
    }
    const unused = sqliteReadPool(db.url, 2);
    expect(ports()).toBe(before);
    await unused.destroy();
  });

  it('replaces a reader that died, failing only what it was asked', async () => {
    const pool = new ReadPool(db.url, 1);
    try {
      expect(await pool.query('select 2 as n', [])).toEqual([{ n: 2 }]);
      const [reader] = (pool as unknown as { readers: { worker: import('node:worker_threads').Worker }[] }).readers;
      // a query that runs a while (a thread stops between native calls, so it dies as this one returns)
      const asked = pool.query('with recursive c(x) as (select 1 union all select x + 1 from c where x < 3000000) select count(*) as n from c', []);
      await new Promise((r) => setTimeout(r, 50));
      await reader!.worker.terminate();
      await expect(asked).rejects.toThrow(/reader stopped/);
      expect(await pool.query('select 4 as n', [])).toEqual([{ n: 4 }]);
    } finally {
      await pool.close();
    }
  });

  it('closes while a query is still out: that answer arrives first, the close still ends, and later queries are refused', async () => {
    const pool = new ReadPool(db.url, 1);
    const asked = pool.query('with recursive c(x) as (select 1 union all select x + 1 from c where x < 300000) select count(*) as n from c', []);
    await pool.close(); // before the fix, the answer took the close's one listener and the close never ended
    expect(await asked).toEqual([{ n: 300000 }]);
    await expect(pool.query('select 1 as n', [])).rejects.toThrow(/read pool: closed/);
  });

  it('refuses a write and survives a bad query', async () => {
    await expect(reads.insertInto('settings').values({ key: 'x', value: 'y' }).execute()).rejects.toThrow();
    await expect(sql`select * from no_such_table`.execute(reads)).rejects.toThrow(/no_such_table/);
    expect((await sql<{ one: number }>`select 1 as one`.execute(reads)).rows).toEqual([{ one: 1 }]);
  });
});
