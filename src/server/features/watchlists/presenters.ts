import type { Actor } from '../../auth/actor';
import type { WatchlistVersionsTable } from '../../db/schema';
import { abilities } from '../../policies';
import { isManualEntry } from './import';
import type { EntryRow, ImportRow, ListRow } from './queries';

// Every field a watchlist screen receives, named here.

const strings = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

export function presentList(actor: Actor, l: ListRow) {
  return {
    id: l.id, name: l.name, kind: l.kind, source: l.source, regionCode: l.region_code, threshold: l.threshold,
    entryCount: l.entry_count, version: l.version, createdAt: l.created_at, changedAt: l.changed_at,
    abilities: abilities(actor, 'watchlist', { viewEntries: 'readEntries', manage: 'manage', addEntry: 'addEntry' }, l),
  };
}

export function presentEntry(actor: Actor, e: EntryRow) {
  return {
    id: e.id, watchlistId: e.watchlist_id, externalId: e.external_id, manual: isManualEntry(e.external_id),
    names: strings(e.names), birthDates: strings(e.birth_dates), nationalities: strings(e.nationalities), documentNumbers: strings(e.document_numbers),
    reason: e.reason, validUntil: e.valid_until, version: Number(e.version), updatedAt: e.updated_at,
    removedAt: e.removed_at, removedReason: e.removed_reason ?? null, changedBy: e.changed_by ?? null,
    abilities: { remove: e.removed_at === null && abilities(actor, 'watchlist', { remove: 'removeEntry' }, e).remove },
  };
}

export function presentVersion(v: WatchlistVersionsTable) {
  return {
    version: Number(v.version), at: v.imported_at, change: v.change ?? 'import', changedBy: v.changed_by ?? null,
    added: Number(v.added), updated: Number(v.updated), removed: Number(v.removed), sourceFile: v.source_file, note: v.note ?? null,
  };
}

export function presentImport(i: Omit<ImportRow, 'region_code'>) {
  const errors = i.errors ? (JSON.parse(i.errors) as { total: number; items: { line: number; reason: string }[] }) : { total: 0, items: [] };
  return {
    id: i.id, watchlistId: i.watchlist_id, fileName: i.file_name, status: i.status, done: Number(i.done), total: Number(i.total),
    summary: i.summary ? JSON.parse(i.summary) : null, errorCount: errors.total, errors: errors.items,
    createdBy: i.created_by, createdAt: i.created_at, finishedAt: i.finished_at,
  };
}
