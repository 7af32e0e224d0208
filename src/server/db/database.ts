import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
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
    const pool = new pg.Pool({ connectionString: url, max: 10 });
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
  cacheStatements(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, kind: 'sqlite', url: file, close: () => kysely.destroy() };
}

/**
 * Kysely's SQLite driver prepares every statement afresh; preparing costs about as much as
 * running. Statements are kept by their SQL text (bounded, oldest dropped) and reused: the
 * driver only calls all()/run() on them, never iterate(), so a cached statement is never busy.
 */
function cacheStatements(sqlite: SQLite.Database, limit = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  (sqlite as { prepare: (source: string) => SQLite.Statement }).prepare = (source: string) => {
    let stmt = cache.get(source);
    if (stmt) return stmt;
    stmt = prepare(source);
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    cache.set(source, stmt);
    return stmt;
  };
}
