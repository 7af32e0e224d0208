import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Whether the database is PostgreSQL (else SQLite): the few statements that differ ask this. */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}
