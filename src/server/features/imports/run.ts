import { type Kysely, type Transaction, sql } from 'kysely';
import type { ColumnMapping } from '../../../domain/imports/fields';
import { appendAudit, appendEntries, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database, ImportRowsTable } from '../../db/schema';
import { AppError, conflict } from '../../errors';
import { outboxRow } from '../../events/bus';
import { insertRows } from '../../db/insert-rows';
import { analyzeGrownTables } from '../../db/statistics';
import { catchUpAfterWrite } from '../../db/write-group';
import { authorize } from '../../policies';
import { type RecordCheckInOptions, recordCheckIn, recordCheckIns } from '../stays/commands';
import { passportKey } from '../stays/duplicates';
import { sortedByKey } from '../stays/record-guests';
import type { PlannedRow, RowError } from './check';
import { checkMapping, checkRows, headersOf, keptErrors, loadImport, loadTable, rememberMapping } from './commands';
import { nextTurn } from '../../jobs/turn';
import { takeChecks } from './recent-checks';

// The import: the rows that pass the check are stored through the check-in's own core
// (recordCheckIn), CHUNK rows to a transaction. A row the check let through but the store
// refuses (e.g. a guest checked in by hand a moment ago) rolls back only itself: the chunk
// is retried with a savepoint per row. A chunk is stored in slices of SLICE rows, each in one
// pass (recordCheckIns: a statement per table, not per row), with a turn of the event loop after
// each, so requests keep being answered; their queries wait for the chunk's commit (about 1 s).
// A commit writes every index page its rows touched, and the scattered indexes (name tokens,
// passports, fingerprints) touch nearly all their pages in a chunk of thousands, so fewer,
// larger chunks write far less: 100,000 rows with their screening took 36.3 s in chunks of
// 1,000, about 26 s in chunks of 2,000 and about 22 s in chunks of 5,000 (2026-12-01).

export const CHUNK = 5000;
/** rows stored in one pass within a chunk; the event loop gets a turn after each */
const SLICE = 1000;

export interface Progress { total: number; processed: number; stored: number; skipped: number; failed: number }
export interface RunOptions {
  now?: Date;
  onChunk?: (p: Progress) => void;
  /** screens each committed chunk's stays against the watchlists (every report is screened) */
  screen?: (stayIds: string[]) => Promise<void>;
}

/** Marks the import as running (409 if it runs or ran already); the caller then calls performImport. */
export async function beginImport(db: Kysely<Database>, actor: Actor, id: string, mapping: ColumnMapping): Promise<void> {
  const imp = await loadImport(db, actor, id);
  authorize(actor, 'import', 'run', imp);
  checkMapping(mapping, headersOf(imp));
  // a failed import may be run again: what it stored is skipped by its fingerprints
  const claimed = await db.updateTable('imports').set({ status: 'running', mapping: JSON.stringify(mapping), processed: 0, stored: 0, skipped: 0, failed: 0 })
    .where('id', '=', id).where('status', 'in', ['uploaded', 'checked', 'failed']).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw conflict('detail.import_already_run');
}

/** Checks and stores every valid row; progress is written to the import after each chunk. */
export async function performImport(db: Kysely<Database>, actor: Actor, id: string, options: RunOptions = {}): Promise<Progress> {
  const now = options.now ?? new Date();
  const imp = await loadImport(db, actor, id);
  const mapping = JSON.parse(imp.mapping!) as ColumnMapping;
  const recent = takeChecks(imp.id); // the dry run's, when it ran moments ago in this process
  const table = recent?.table ?? await loadTable(db, imp.id);
  try {
    const checked = await checkRows(db, imp, table, mapping, now, recent);
    const errors: RowError[] = [...checked.errors];
    const progress: Progress = {
      total: imp.row_count, processed: checked.failedRows + checked.alreadyImported, stored: 0, skipped: checked.alreadyImported, failed: checked.failedRows,
    };
    const lodging = { id: imp.lodging_id, village_code: imp.region_code };
    for (let at = 0; at < checked.planned.length; at += CHUNK) {
      const rows = checked.planned.slice(at, at + CHUNK);
      const known = { today: checked.today, knownCountries: checked.countryCodes };
      // the chunk's progress commits with the chunk (one commit, and never ahead of or behind what is stored)
      const counted = (result: ChunkResult): Progress => ({
        ...progress, processed: progress.processed + rows.length, stored: progress.stored + result.stored, skipped: progress.skipped + result.skipped,
        failed: progress.failed + new Set(result.errors.map((e) => e.row)).size,
      });
      const recordProgress = async (trx: Transaction<Database>, result: ChunkResult) => {
        const p = counted(result);
        await trx.updateTable('imports').set({ processed: p.processed, stored: p.stored, skipped: p.skipped, failed: p.failed }).where('id', '=', id).execute();
      };
      const result = await storeChunk(db, actor, lodging, id, rows, known, now, recordProgress).catch(async (err) => {
        if (!(err instanceof AppError) && !isConstraintError(err)) throw err;
        return storeChunk(db, actor, lodging, id, rows, known, now, recordProgress, true);
      });
      // the chunk (tens of MB of WAL) is copied into the database file while it is screened, so the
      // next chunk's pause is short and its first write starts the WAL over: a WAL left to grow
      // to a GB made each chunk's commit 4 times slower (47 ms → 170–250 ms)
      const copied = catchUpAfterWrite(db);
      errors.push(...result.errors);
      await options.screen?.(result.stayIds);
      Object.assign(progress, counted(result));
      options.onChunk?.(progress);
      await copied;
      // PostgreSQL plans the rules' and screening's reads from statistics taken when these tables
      // were far smaller: refreshed as the import grows them, not when autovacuum comes round
      await analyzeGrownTables(db);
      await nextTurn();
    }
    errors.sort((a, b) => a.row - b.row);
    await db.transaction().execute(async (trx) => {
      await lockWrites(trx);
      await trx.updateTable('imports').set({
        status: 'done', processed: progress.total, stored: progress.stored, skipped: progress.skipped, failed: progress.failed,
        errors: keptErrors(errors), finished_at: new Date().toISOString(),
      }).where('id', '=', id).execute();
      await appendAudit(trx, actor, {
        action: 'import.run', resourceType: 'import', resourceId: id, regionCode: imp.region_code,
        detail: { lodgingId: imp.lodging_id, file: imp.file_name, sha256: imp.file_hash, rows: imp.row_count, stored: progress.stored, skipped: progress.skipped, failed: progress.failed },
      }, now);
    });
    await rememberMapping(db, actor, imp.lodging_id, mapping, table.headers, now);
    options.onChunk?.({ ...progress, processed: progress.total });
    return { ...progress, processed: progress.total };
  } catch (err) {
    await db.updateTable('imports').set({ status: 'failed', finished_at: new Date().toISOString() }).where('id', '=', id).execute();
    throw err;
  }
}

const isConstraintError = (err: unknown) => /unique|constraint|duplicate key/i.test(String((err as Error)?.message ?? err));

type Lodging = { id: string; village_code: string };
interface Stored { mark: ImportRowsTable; checkout: { stayId: string; departureDate: string; nationality: string; permitKind: string } | null }

interface ChunkResult { stored: number; skipped: number; errors: RowError[]; stayIds: string[] }

async function storeChunk(
  db: Kysely<Database>, actor: Actor, lodging: Lodging, importId: string, rows: PlannedRow[], known: RecordCheckInOptions, now: Date,
  recordProgress: (trx: Transaction<Database>, result: ChunkResult) => Promise<void>, carefully = false,
): Promise<ChunkResult> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    if (!carefully) {
      const done: Stored[] = [];
      // a guest who came twice (a past stay, then another) is stored, then checked out, before the next visit
      for (const run of runsOfDistinctPassports(rows, SLICE)) {
        const results = await recordCheckIns(trx, actor, lodging, run.map((r) => r.input), now, { ...known, departures: run.map((r) => r.departureDate) });
        const stored = run.map((planned, i) => storedOf(importId, lodging, planned, results[i]!.id, now));
        await finishRows(trx, actor, lodging, importId, stored, now);
        done.push(...stored);
        await nextTurn(); // the rest of the server runs between slices (its queries wait for the commit)
      }
      const result = { stored: done.length, skipped: 0, errors: [], stayIds: done.map((d) => d.mark.stay_id) };
      await recordProgress(trx, result);
      return result;
    }
    let skipped = 0;
    const errors: RowError[] = [];
    const done: Stored[] = [];
    for (const [i, planned] of rows.entries()) {
      if (i % 200 === 199) await nextTurn(); // row by row is slower: turns come more often
      await sql`savepoint import_row`.execute(trx);
      try {
        const one = await storeRow(trx, actor, lodging, importId, planned, known, now);
        await finishRows(trx, actor, lodging, importId, [one], now);
        await sql`release savepoint import_row`.execute(trx);
        done.push(one);
      } catch (err) {
        await sql`rollback to savepoint import_row`.execute(trx);
        await sql`release savepoint import_row`.execute(trx);
        const before = await trx.selectFrom('import_rows').select('fingerprint').where('fingerprint', '=', planned.fingerprint).executeTakeFirst();
        if (before) { skipped++; continue; }
        errors.push(rowErrorOf(planned.row, err));
      }
    }
    const result = { stored: done.length, skipped, errors, stayIds: done.map((d) => d.mark.stay_id) };
    await recordProgress(trx, result);
    return result;
  });
}

/** The rows cut, in order, into runs of at most `atMost` rows in which no passport appears twice. */
export function runsOfDistinctPassports(rows: readonly PlannedRow[], atMost = Infinity): PlannedRow[][] {
  const runs: PlannedRow[][] = [];
  let run: PlannedRow[] = [];
  let seen = new Set<string>();
  for (const row of rows) {
    const { issuingState, number } = row.input.guest.document;
    const passport = passportKey(issuingState, number);
    if (seen.has(passport) || run.length >= atMost) {
      runs.push(run);
      run = [];
      seen = new Set();
    }
    seen.add(passport);
    run.push(row);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** One row through the check-in's own core; a past stay's check-out entry and event are left for finishRows. */
async function storeRow(
  trx: Transaction<Database>, actor: Actor, lodging: Lodging, importId: string, planned: PlannedRow, known: RecordCheckInOptions, now: Date,
): Promise<Stored> {
  const result = await recordCheckIn(trx, actor, lodging, planned.input, now, { ...known, departures: [planned.departureDate] });
  return storedOf(importId, lodging, planned, result.id, now);
}

function storedOf(importId: string, lodging: Lodging, planned: PlannedRow, stayId: string, now: Date): Stored {
  const g = planned.input.guest;
  return {
    mark: { fingerprint: planned.fingerprint, lodging_id: lodging.id, import_id: importId, row_number: planned.row, stay_id: stayId, created_at: now.toISOString() },
    checkout: planned.departureDate ? { stayId, departureDate: planned.departureDate, nationality: g.nationality, permitKind: g.permit.kind } : null,
  };
}

/**
 * For a set of stored rows, together: the check-out's audit entry and event of each past stay
 * (stored checked out, as the check-out route would leave it), and the fingerprints (unique: a row stored meanwhile by another
 * import fails the chunk, which is then retried row by row).
 */
async function finishRows(trx: Transaction<Database>, actor: Actor, lodging: Lodging, importId: string, rows: Stored[], now: Date) {
  const at = now.toISOString();
  const checkouts = rows.flatMap((r) => (r.checkout ? [r.checkout] : []));
  await appendEntries(trx, checkouts.map((c) => ({
    at, actor_id: actor.id, actor_username: actor.username, action: 'stay.check_out', resource_type: 'stay', resource_id: c.stayId,
    region_code: lodging.village_code, detail: JSON.stringify({ departureDate: c.departureDate, importId }),
  })));
  const events = checkouts.map((c) => outboxRow('stay.checked_out', lodging.village_code, {
    stayId: c.stayId, regionCode: lodging.village_code, lodgingId: lodging.id, nationality: c.nationality, permitKind: c.permitKind, at,
  }, now));
  await insertRows(trx, 'outbox', events);
  await insertRows(trx, 'import_rows', sortedByKey(rows.map((r) => r.mark), (m) => m.fingerprint));
}

function rowErrorOf(row: number, err: unknown): RowError {
  if (err instanceof AppError) {
    const first = err.fieldErrors[0];
    if (first) return { row, field: 'row', key: first.key, params: first.params };
    if (err.detailKey) return { row, field: 'row', key: err.detailKey, params: err.detailParams };
  }
  return { row, field: 'row', key: 'field.row_not_stored' };
}

/**
 * An import runs inside the server process that started it. After a restart an import left
 * "running" is marked failed, so it can be run again (SQLite: one process owns the database;
 * with PostgreSQL another instance may still be running it, so it is left alone).
 */
export async function failInterruptedImports(db: Kysely<Database>): Promise<void> {
  await db.updateTable('imports').set({ status: 'failed', finished_at: new Date().toISOString() }).where('status', '=', 'running').execute();
}
