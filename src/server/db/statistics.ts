import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect';

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

/** The tables reports and imports grow, whose statistics steer the rules' and the screening's joins. */
export const GROWING_TABLES = ['stays', 'persons', 'person_documents', 'person_name_tokens', 'alerts'];

/**
 * PostgreSQL: analyzes those of `tables` that changed by more than autovacuum's threshold since
 * their last ANALYZE (50 rows + 10%), now rather than at autovacuum's next round, which may be a
 * minute away or switched off. Without it, a 100,000-row import into tables last analyzed nearly
 * empty left the alert rules' reads planned as sequential scans: about 0.8 s a page of 100 persons,
 * and the rules finished 3 minutes after the import instead of about 5 s. SKIP_LOCKED: a table
 * autovacuum is vacuuming is left to it (it analyzes too) rather than holding up an import. SQLite:
 * nothing (its statistics come from migrations, analyzeSqlite). Returns the tables it asked to analyze.
 */
export async function analyzeGrownTables(db: Kysely<any>, tables: readonly string[] = GROWING_TABLES): Promise<string[]> {
  if (!isPostgres(db)) return [];
  const grown = await sql<{ relname: string }>`select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = current_schema() and s.relname in (${sql.join(tables)})
      and s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)`.execute(db);
  for (const { relname } of grown.rows) await sql`analyze (skip_locked) ${sql.table(relname)}`.execute(db);
  return grown.rows.map((r) => r.relname);
}
