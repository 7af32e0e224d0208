import type { Kysely } from 'kysely';
import type { Database, WatchlistEntriesTable, WatchlistImportsTable, WatchlistsTable } from '../../db/schema';
import { conflict, notFound } from '../../errors';

// Reads of the watchlist screens. Lists carry their live entry count and current version.

export type ListRow = Pick<WatchlistsTable, 'id' | 'name' | 'source' | 'kind' | 'threshold' | 'created_at'> & {
  region_code: string | null; entry_count: number; version: number; changed_at: string | null;
};
export type EntryRow = WatchlistEntriesTable & { region_code: string | null };
export type ImportRow = WatchlistImportsTable & { region_code: string | null };

function listsQuery(db: Kysely<Database>) {
  return db.selectFrom('watchlists').select((eb) => [
    'watchlists.id', 'watchlists.name', 'watchlists.source', 'watchlists.kind', 'watchlists.threshold', 'watchlists.created_at', 'watchlists.region_code',
    eb.selectFrom('watchlist_entries').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('watchlist_entries.watchlist_id', '=', 'watchlists.id').where('watchlist_entries.removed_at', 'is', null).as('entry_count'),
    eb.selectFrom('watchlist_versions').select((e) => e.fn.max('version').as('v')).whereRef('watchlist_versions.watchlist_id', '=', 'watchlists.id').as('version'),
    eb.selectFrom('watchlist_versions').select((e) => e.fn.max('imported_at').as('t')).whereRef('watchlist_versions.watchlist_id', '=', 'watchlists.id').as('changed_at'),
  ]);
}

const toList = (r: Record<string, unknown>): ListRow => ({
  ...(r as ListRow), region_code: (r.region_code as string | null) ?? null, threshold: r.threshold === null ? null : Number(r.threshold),
  entry_count: Number(r.entry_count ?? 0), version: Number(r.version ?? 0), changed_at: (r.changed_at as string | null) ?? null,
});

export async function listWatchlists(db: Kysely<Database>): Promise<ListRow[]> {
  return (await listsQuery(db).orderBy('watchlists.name').execute()).map(toList);
}

export async function loadWatchlist(db: Kysely<Database>, id: string): Promise<ListRow> {
  const row = await listsQuery(db).where('watchlists.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toList(row);
}

export async function loadEntry(db: Kysely<Database>, id: string): Promise<EntryRow> {
  const row = await db.selectFrom('watchlist_entries').innerJoin('watchlists', 'watchlists.id', 'watchlist_entries.watchlist_id')
    .selectAll('watchlist_entries').select('watchlists.region_code').where('watchlist_entries.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return { ...row, region_code: row.region_code ?? null };
}

/** A list's entries, newest change first; `q` matches any name or alias (case-insensitive) or the source id. */
export async function listEntries(db: Kysely<Database>, listId: string, options: { q?: string; removed: boolean; page: number; pageSize: number }) {
  let base = db.selectFrom('watchlist_entries').where('watchlist_id', '=', listId)
    .where('removed_at', options.removed ? 'is not' : 'is', null);
  // wildcards dropped rather than escaped: the two databases escape LIKE differently
  const raw = options.q?.trim().replace(/[\\%_]/g, '');
  if (raw) {
    const like = `%${raw.toLowerCase()}%`;
    // lower() folds only ASCII in SQLite: a name in another script is also matched as typed
    base = base.where((eb) => eb.or([
      eb(eb.fn('lower', ['names']), 'like', like), eb('names', 'like', `%${raw}%`), eb(eb.fn('lower', ['external_id']), 'like', like),
    ]));
  }
  const items = await base.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(options.pageSize).offset((options.page - 1) * options.pageSize).execute();
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items, total };
}

export async function listVersions(db: Kysely<Database>, listId: string) {
  return db.selectFrom('watchlist_versions').selectAll().where('watchlist_id', '=', listId).orderBy('version', 'desc').limit(200).execute();
}

export async function loadImport(db: Kysely<Database>, id: string): Promise<ImportRow> {
  const row = await db.selectFrom('watchlist_imports').innerJoin('watchlists', 'watchlists.id', 'watchlist_imports.watchlist_id')
    .selectAll('watchlist_imports').select('watchlists.region_code').where('watchlist_imports.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return { ...row, region_code: row.region_code ?? null };
}

/** The latest imports of a list (the screen shows the last one after a reload). */
export async function recentImports(db: Kysely<Database>, listId: string) {
  return db.selectFrom('watchlist_imports').selectAll().where('watchlist_id', '=', listId).orderBy('created_at', 'desc').limit(5).execute();
}

/** One change at a time per list: a running import owns the next version number until it ends. */
export async function ensureNoImportRunning(db: Kysely<Database>, listId: string): Promise<void> {
  const running = await db.selectFrom('watchlist_imports').select('id').where('watchlist_id', '=', listId).where('status', '=', 'running').executeTakeFirst();
  if (running) throw conflict('detail.watchlist_import_running');
}
