import type { Kysely } from 'kysely';

// Bulk import of guests (CSV/XLSX) by a lodging or an immigration officer:
// - imports: one uploaded file, read into a table of text cells (JSON), its mapping, state and counts;
// - import_mappings: the column mapping each lodging last used, by header name, so the next file is mapped for it;
// - import_rows: a fingerprint per stored row (lodging + passport + arrival date, hashed), unique,
//   so importing the same file again stores nothing twice.
// Text columns only, so one migration serves SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lodging_id', 'text', (c) => c.notNull().references('reporter_orgs.id'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull()) // csv | xlsx
    .addColumn('table_json', 'text', (c) => c.notNull()) // { headers: string[], rows: string[][] }
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('mapping', 'text') // { field: column index } of the last dry run or run
    .addColumn('status', 'text', (c) => c.notNull()) // uploaded | checked | running | done | failed
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0)) // already imported before
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0)) // rows with errors
    .addColumn('errors', 'text') // JSON: the row errors of the last dry run or run (capped)
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('imports_lodging').on('imports').columns(['lodging_id', 'created_at']).execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('lodging_id', 'text', (c) => c.primaryKey().references('reporter_orgs.id'))
    .addColumn('mapping', 'text', (c) => c.notNull()) // { field: header name }
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('lodging_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('stay_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_rows_lodging').on('import_rows').column('lodging_id').execute();
  await db.schema.createIndex('import_rows_import').on('import_rows').columns(['import_id', 'row_number']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_rows').ifExists().execute();
  await db.schema.dropTable('import_mappings').ifExists().execute();
  await db.schema.dropTable('imports').ifExists().execute();
}
