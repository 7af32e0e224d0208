import type { Kysely } from 'kysely';

// Export jobs (issue #8, item 7): one row per requested file of a list or figure. The job runs
// in the background in chunks, writing rows_done as it goes; the file lives under the data dir
// (exports/<id>.<format>) and is deleted with its row's file_path after the retention period.
// Text columns only, so one migration serves SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // a key of the source registry (stays, persons, figures, ...)
    .addColumn('filter', 'text', (c) => c.notNull()) // JSON, as checked by the source
    .addColumn('format', 'text', (c) => c.notNull()) // csv | xlsx
    .addColumn('lang', 'text', (c) => c.notNull()) // id | en: the headers' language
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // queued | running | done | failed
    .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_total', 'integer')
    .addColumn('file_path', 'text') // relative to the data dir; null before done and after the retention
    .addColumn('file_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('exports_user').on('exports').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('exports_created').on('exports').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('exports').execute();
}
