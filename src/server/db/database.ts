import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { startCheckpointer } from './checkpointer';
import { PausingSqliteDialect } from './sqlite-dialect';
import { registerWritePauses } from './write-group';
import type { Database } from './schema';

export type DbKind = 'sqlite' | 'postgres';
export interface Db { kysely: Kysely<Database>; kind: DbKind; url: string; close(): Promise<void> }

/**
 * Opens the database: PostgreSQL when the URL is postgres://, otherwise an SQLite file
 * (or ':memory:'). SQLite runs in WAL mode with foreign keys on.
 */
export function openDatabase(options: { databaseUrl?: string; dataDir: string }): Db {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // JIT off: the app asks short indexed questions, and PostgreSQL's cost estimates for them
    // (e.g. a name search's candidates) cross jit_above_cost often, adding 10–100 ms of compiling
    const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
    // An idle connection the server closes (restart, failover, admin) must not crash the
    // app: the pool drops it and opens a new one on the next query.
    pool.on('error', (err) => console.error(`sinergi: idle PostgreSQL connection lost: ${err.message}`));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, kind: 'postgres', url, close: () => kysely.destroy() };
  }
  const file = url && url !== '' ? url.replace(/^sqlite:/, '') : path.join(options.dataDir, 'sinergi.sqlite');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Statement journals in memory: a multi-row insert keeps the original of every page it changes
  // (to undo that statement alone), and beyond 64 KiB SQLite wrote it to a temporary file: 3.5 GB
  // of writes in a 100,000-row import. Sorts and temporary tables are held in memory too.
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -65536'); // 64 MiB: a group commit's dirty pages must not spill to the WAL mid-transaction
  // checkpoints off the event loop (checkpointer.ts); an in-memory database has no WAL
  const checkpointer = file === ':memory:' ? null : startCheckpointer(file);
  if (checkpointer) sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.pragma('journal_size_limit = 67108864'); // a WAL restarted after a burst shrinks back to 64 MiB
  const config = { database: withStatementCache(sqlite) };
  // what the writers wait for so that the WAL can start over (checkpointer.ts): every transaction
  // before its BEGIN (the dialect), the write group before it gathers a group, an import after each chunk
  const pauses = checkpointer && { beforeWrite: () => checkpointer.restartPoint(), afterBigWrite: () => checkpointer.catchUp() };
  const kysely = new Kysely<Database>({ dialect: pauses ? new PausingSqliteDialect(config, pauses.beforeWrite) : new SqliteDialect(config) });
  if (pauses) registerWritePauses(kysely, pauses);
  return { kysely, kind: 'sqlite', url: file, close: async () => { await kysely.destroy(); await checkpointer?.stop(); } };
}

const STATEMENT_CACHE = 500;

/**
 * Kysely's SQLite driver prepares every statement afresh (a parse and plan each time, about a
 * third of a check-in's database time). This hands it statements prepared once per SQL text.
 * Kysely's SQL text is stable for a query shape (values are parameters), so a few hundred
 * cover the app; the least recently prepared is dropped beyond that. A statement still
 * iterating (a streamed query) is busy: that call gets a fresh one.
 */
export function withStatementCache(sqlite: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const stmt = sqlite.prepare(sql);
      if (!cached) {
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close: () => sqlite.close(),
  };
}
