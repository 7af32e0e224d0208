import type { Kysely } from 'kysely';

// Watchlists managed by officers over HTTP (issue #9, item 1):
// - watchlists.region_code: the area an officer's own list belongs to (null: a national list);
// - watchlist_entries.removed_reason / changed_by: why an entry was taken off by hand, and by whom;
// - watchlist_versions.change / changed_by / note: what made the version (import, add, remove);
// - watchlist_imports: an uploaded file's import, run in the background; progress and the
//   per-line error report are read by polling, from any app instance.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('watchlists').addColumn('region_code', 'text').execute();
  await db.schema.alterTable('watchlist_entries').addColumn('removed_reason', 'text').execute();
  await db.schema.alterTable('watchlist_entries').addColumn('changed_by', 'text').execute();
  await db.schema.alterTable('watchlist_versions').addColumn('change', 'text').execute();
  await db.schema.alterTable('watchlist_versions').addColumn('changed_by', 'text').execute();
  await db.schema.alterTable('watchlist_versions').addColumn('note', 'text').execute();

  await db.schema
    .createTable('watchlist_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('watchlist_id', 'text', (c) => c.notNull().references('watchlists.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('errors', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('watchlist_imports_list').on('watchlist_imports').columns(['watchlist_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('watchlist_imports').execute();
  await db.schema.alterTable('watchlist_versions').dropColumn('note').execute();
  await db.schema.alterTable('watchlist_versions').dropColumn('changed_by').execute();
  await db.schema.alterTable('watchlist_versions').dropColumn('change').execute();
  await db.schema.alterTable('watchlist_entries').dropColumn('changed_by').execute();
  await db.schema.alterTable('watchlist_entries').dropColumn('removed_reason').execute();
  await db.schema.alterTable('watchlists').dropColumn('region_code').execute();
}
