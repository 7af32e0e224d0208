import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PausingSqliteDialect } from './sqlite-dialect';

describe('PausingSqliteDialect', () => {
  it('holds a transaction back, before BEGIN, while its pause lasts; plain statements never ask', async () => {
    const sqlite = new SQLite(':memory:');
    const ran: string[] = [];
    const database = { prepare: (text: string) => { ran.push(text); return sqlite.prepare(text); }, close: () => sqlite.close() };
    let asked = 0;
    let release = () => {};
    const pause = new Promise<void>((done) => { release = () => { ran.push('(released)'); done(); }; });
    const db = new Kysely<{ t: { x: number } }>({ dialect: new PausingSqliteDialect({ database }, () => (++asked === 1 ? pause : null)) });
    await sql`create table t (x integer)`.execute(db);
    expect(asked).toBe(0);

    const first = db.transaction().execute((trx) => trx.insertInto('t').values({ x: 1 }).execute());
    await new Promise((turn) => setTimeout(turn, 20));
    expect(ran).not.toContain('begin');
    release();
    await first;
    expect(ran.slice(-4)).toEqual(['(released)', 'begin', 'insert into "t" ("x") values (?)', 'commit']);

    await db.transaction().execute((trx) => trx.insertInto('t').values({ x: 2 }).execute()); // no pause asked this time
    expect(asked).toBe(2);
    expect(await db.selectFrom('t').select('x').orderBy('x').execute()).toEqual([{ x: 1 }, { x: 2 }]);
    await db.destroy();
  });
});
