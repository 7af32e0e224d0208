import type { Kysely } from 'kysely';

// Watchlists for screening: the lists (Interpol red notices, DPO, cekal, local lists), their
// entries keyed by the source's own id, and one row per imported version of a list.
// Names, dates, nationalities and document numbers are JSON arrays in text columns so the
// same migration serves SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('watchlists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('threshold', 'real')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('watchlist_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('watchlist_id', 'text', (c) => c.notNull().references('watchlists.id'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('birth_dates', 'text', (c) => c.notNull())
    .addColumn('nationalities', 'text', (c) => c.notNull())
    .addColumn('document_numbers', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addUniqueConstraint('watchlist_entries_external', ['watchlist_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('watchlist_versions')
    .addColumn('watchlist_id', 'text', (c) => c.notNull().references('watchlists.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull())
    .addColumn('source_file', 'text')
    .addPrimaryKeyConstraint('watchlist_versions_pk', ['watchlist_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('watchlist_versions').ifExists().execute();
  await db.schema.dropTable('watchlist_entries').ifExists().execute();
  await db.schema.dropTable('watchlists').ifExists().execute();
}
