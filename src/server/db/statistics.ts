import { type Kysely, sql } from 'kysely';

// SQLite plans from the statistics ANALYZE left. A migration's new index has none, and the
// planner then guesses, so the tables are analyzed after migrating. A sampled ANALYZE (1,000
// rows per index) takes a moment on millions of rows.
//
// Queue tables are the exception: their size swings from a few rows to a whole import's worth
// between two runs. Statistics taken while the outbox held 33 rows made the relay's claim scan
// the whole table once it held 35,000 (5 ms a claim, most of a busy server's SQL time). Without
// statistics the planner assumes a large table and uses the queue's indexes at any size.
const QUEUE_TABLES = ['outbox', 'audit_pending'];

export async function analyzeSqlite(db: Kysely<any>): Promise<void> {
  await sql`pragma analysis_limit = 1000`.execute(db);
  await sql`analyze`.execute(db);
  const statTables = await sql<{ name: string }>`select name from sqlite_schema where name in ('sqlite_stat1', 'sqlite_stat4')`.execute(db);
  for (const { name } of statTables.rows) {
    await sql`delete from ${sql.table(name)} where tbl in (${sql.join(QUEUE_TABLES)})`.execute(db);
  }
  await sql`analyze sqlite_schema`.execute(db); // reloads the statistics this connection plans with
}
