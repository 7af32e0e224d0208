import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { importWatchlist } from './import';
import type { ListRow } from './queries';

// An uploaded file is imported in the background by the CLI's own importWatchlist; its row in
// watchlist_imports holds the progress (written after each batch) and, at the end, the summary
// and the per-line error report, so any app instance can answer the polling screen.

const KEPT_ERRORS = 1000;

export async function beginUpload(db: Kysely<Database>, actor: Actor, list: ListRow, fileName: string, now = new Date()): Promise<string> {
  const id = randomUUID();
  await db.insertInto('watchlist_imports').values({
    id, watchlist_id: list.id, file_name: fileName, status: 'running', done: 0, total: 0, summary: null, errors: null,
    created_by: actor.username, created_at: now.toISOString(), finished_at: null,
  }).execute();
  return id;
}

/** Runs the import; never throws (a failure is written to the import's row). */
export async function performUpload(db: Kysely<Database>, actor: Actor, list: ListRow, importId: string, fileName: string, text: string): Promise<void> {
  let progress = Promise.resolve();
  const setProgress = (done: number, total: number) => {
    progress = progress.then(async () => { await db.updateTable('watchlist_imports').set({ done, total }).where('id', '=', importId).execute(); });
  };
  try {
    const summary = await importWatchlist(db, text, { list: list.name, actor, sourceFile: fileName, onProgress: setProgress });
    await progress;
    const { errors, ...counts } = summary;
    await db.updateTable('watchlist_imports').set({
      status: 'done', summary: JSON.stringify({ version: counts.version, added: counts.added, updated: counts.updated, removed: counts.removed, skipped: counts.skipped }),
      errors: JSON.stringify({ total: errors.length, items: errors.slice(0, KEPT_ERRORS) }), finished_at: new Date().toISOString(),
    }).where('id', '=', importId).execute();
  } catch (err) {
    await progress.catch(() => undefined);
    await db.updateTable('watchlist_imports').set({
      status: 'failed', errors: JSON.stringify({ total: 1, items: [{ line: 0, reason: (err as Error).message.slice(0, 300) }] }), finished_at: new Date().toISOString(),
    }).where('id', '=', importId).execute();
  }
}

/** After a restart an import that was running will never finish: say so (one instance, SQLite). */
export async function failInterruptedUploads(db: Kysely<Database>): Promise<void> {
  await db.updateTable('watchlist_imports').set({ status: 'failed', finished_at: new Date().toISOString() }).where('status', '=', 'running').execute();
}
