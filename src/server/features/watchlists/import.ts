import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Database, WatchlistKind } from '../../db/schema';
import { type LineError, type ParsedEntry, parseWatchlistFile } from './parse';

// Imports a watchlist file as the next version of a list. Entries are keyed by the source's
// id: a re-import updates them in place, adds new ones and marks the ones no longer in the
// file as removed, so nothing is ever duplicated and a removed entry keeps its history.

export const WATCHLIST_KINDS: readonly WatchlistKind[] = ['interpol_red_notice', 'dpo', 'cekal', 'local'];
const BATCH = 500;

/** Entries added by hand (features/watchlists/commands.ts) carry this prefix instead of a source id. */
export const MANUAL_PREFIX = 'manual-';
export const isManualEntry = (externalId: string): boolean => externalId.startsWith(MANUAL_PREFIX);

export interface ImportOptions {
  list: string;
  kind?: WatchlistKind;
  source?: string;
  threshold?: number | null;
  sourceFile?: string | null;
  actor?: { id: string; username: string } | null;
  onProgress?: (done: number, total: number) => void;
  now?: Date;
}

export interface ImportSummary {
  list: string; version: number; added: number; updated: number; removed: number; skipped: number; errors: LineError[];
}

interface Existing { id: string; names: string; birth_dates: string; nationalities: string; document_numbers: string; reason: string | null; version: number; removed_at: string | null }

export async function importWatchlist(db: Kysely<Database>, text: string, options: ImportOptions): Promise<ImportSummary> {
  const now = (options.now ?? new Date()).toISOString();
  const parsed = parseWatchlistFile(text);
  const errors = [...parsed.errors];

  // The same id twice in one file: the first one counts, the others are reported.
  const seen = new Map<string, number>();
  const entries: ParsedEntry[] = [];
  for (const e of parsed.items) {
    const first = seen.get(e.externalId);
    if (first !== undefined) { errors.push({ line: e.line, reason: `duplicate id "${e.externalId}" (first on line ${first})` }); continue; }
    seen.set(e.externalId, e.line);
    entries.push(e);
  }
  errors.sort((a, b) => a.line - b.line);

  const list = await ensureList(db, options, now);
  const last = await db.selectFrom('watchlist_versions').select((eb) => eb.fn.max('version').as('v')).where('watchlist_id', '=', list.id).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const existing = new Map<string, Existing>();
  const rows = await db.selectFrom('watchlist_entries')
    .select(['id', 'external_id', 'names', 'birth_dates', 'nationalities', 'document_numbers', 'reason', 'version', 'removed_at'])
    .where('watchlist_id', '=', list.id).execute();
  for (const r of rows) existing.set(r.external_id, r);

  let added = 0;
  let updated = 0;
  const total = entries.length;
  options.onProgress?.(0, total);
  for (let at = 0; at < total; at += BATCH) {
    const batch = entries.slice(at, at + BATCH);
    await db.transaction().execute(async (trx) => {
      for (const e of batch) {
        const values = {
          names: JSON.stringify(e.names), birth_dates: JSON.stringify(e.birthDates), nationalities: JSON.stringify(e.nationalities),
          document_numbers: JSON.stringify(e.documentNumbers), reason: e.reason,
        };
        const old = existing.get(e.externalId);
        if (!old) {
          await trx.insertInto('watchlist_entries').values({
            id: randomUUID(), watchlist_id: list.id, external_id: e.externalId, ...values, valid_until: null, version, updated_at: now, removed_at: null, changed_by: options.actor?.username ?? null,
          }).execute();
          added++;
          continue;
        }
        // Names or dates changed: the entry gets this version (a screening result is tied to what was matched).
        const identityChanged = old.names !== values.names || old.birth_dates !== values.birth_dates;
        const changed = identityChanged || old.removed_at !== null || old.nationalities !== values.nationalities
          || old.document_numbers !== values.document_numbers || old.reason !== values.reason;
        if (!changed) continue;
        await trx.updateTable('watchlist_entries')
          .set({ ...values, version: identityChanged || old.removed_at !== null ? version : Number(old.version), updated_at: now, removed_at: null, removed_reason: null, changed_by: options.actor?.username ?? null })
          .where('id', '=', old.id).execute();
        if (old.removed_at !== null) added++; else updated++;
      }
    });
    options.onProgress?.(Math.min(at + BATCH, total), total);
  }

  // an entry an officer added by hand is not the file's to remove
  const gone = [...existing.entries()].filter(([ext, r]) => r.removed_at === null && !seen.has(ext) && !isManualEntry(ext)).map(([, r]) => r.id);
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    for (let at = 0; at < gone.length; at += BATCH) {
      await trx.updateTable('watchlist_entries').set({ removed_at: now, updated_at: now, version, removed_reason: null })
        .where('id', 'in', gone.slice(at, at + BATCH)).execute();
    }
    await trx.insertInto('watchlist_versions').values({
      watchlist_id: list.id, version, imported_at: now, added, updated, removed: gone.length, source_file: options.sourceFile ?? null,
      change: 'import', changed_by: options.actor?.username ?? null, note: null,
    }).execute();
    await appendAudit(trx, options.actor ?? null, {
      action: 'watchlist.import', resourceType: 'watchlist', resourceId: list.id,
      detail: { list: list.name, version, added, updated, removed: gone.length, skipped: parsed.skipped, errors: errors.length, file: options.sourceFile ?? null },
    }, new Date(now));
  });

  return { list: list.name, version, added, updated, removed: gone.length, skipped: parsed.skipped, errors };
}

/** Finds the list by name or creates it; a given kind, source or threshold updates it. */
async function ensureList(db: Kysely<Database>, options: ImportOptions, now: string): Promise<{ id: string; name: string }> {
  const found = await db.selectFrom('watchlists').select(['id', 'name']).where('name', '=', options.list).executeTakeFirst();
  if (!found) {
    const row = {
      id: randomUUID(), name: options.list, source: options.source ?? options.list, kind: options.kind ?? 'local',
      threshold: options.threshold ?? null, created_at: now,
    };
    await db.insertInto('watchlists').values(row).execute();
    return row;
  }
  const changes: { kind?: WatchlistKind; source?: string; threshold?: number | null } = {};
  if (options.kind) changes.kind = options.kind;
  if (options.source) changes.source = options.source;
  if (options.threshold !== undefined) changes.threshold = options.threshold;
  if (Object.keys(changes).length > 0) await db.updateTable('watchlists').set(changes).where('id', '=', found.id).execute();
  return found;
}
