import type { ColumnMapping } from '../../../domain/imports/fields';
import type { RowCheck } from './check';
import type { GuestTable } from './read';

// A dry run's table and row checks, kept a while in this process for the import that usually
// follows it: reading the file's 100,000 rows and checking each again took 3 to 4 s of the
// import's main thread. A row's own check depends only on its cells, the mapping, the day and the
// country list, so it is reused only under the same ones; what depends on the database (guests
// present now, rows imported before) and on the other rows is always checked again. Another
// instance, a restart or a changed mapping simply checks again.

const KEEP_MS = 15 * 60_000;
/** imports whose checks are kept at once; the oldest goes first (each can hold 100,000 rows) */
const KEEP_AT_MOST = 2;

export interface RecentCheck { table: GuestTable; key: string; rowChecks: readonly RowCheck[] }

const kept = new Map<string, RecentCheck & { timer: NodeJS.Timeout }>();

/** What the checks were made under: the mapping, the lodging's day and the country list. */
export const checkKey = (mapping: ColumnMapping, today: string, countryCodes: ReadonlySet<string>) =>
  `${JSON.stringify(mapping)}|${today}|${[...countryCodes].sort().join(',')}`;

export function keepChecks(importId: string, check: RecentCheck): void {
  forgetChecks(importId);
  if (kept.size >= KEEP_AT_MOST) forgetChecks(kept.keys().next().value!);
  const timer = setTimeout(() => kept.delete(importId), KEEP_MS).unref();
  kept.set(importId, { ...check, timer });
}

/** The import's kept checks, removed (an import takes them once; a failed one re-run checks afresh). */
export function takeChecks(importId: string): RecentCheck | undefined {
  const check = kept.get(importId);
  forgetChecks(importId);
  return check && { table: check.table, key: check.key, rowChecks: check.rowChecks };
}

function forgetChecks(importId: string): void {
  clearTimeout(kept.get(importId)?.timer);
  kept.delete(importId);
}
