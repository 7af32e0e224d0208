import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { localDate } from '../../../domain/regions';
import { appendAudit } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database, ExportsTable } from '../../db/schema';
import { validation } from '../../errors';
import { fieldErrorFromAjv } from '../../http/problems';
import { compileBodyValidator } from '../../http/validator';
import { type ExportContext, type FileWriter, type Lang, csvFileWriter, headerOf, visibleColumns, xlsxFileWriter, zoneOfAreas } from './format';
import { type ExportSource, SOURCES } from './sources';
import { nextTurn } from '../../jobs/turn';

// An export job: requested (queued), then run in the background a chunk at a time, writing its
// progress after each chunk so GET /api/v1/exports/{id} can show it. Between chunks the event
// loop (and SQLite's one writer) gets a turn, as imports do. The file is written under the data
// dir and kept for the retention period (housekeeping); the audit entry, with the purpose and
// the row count, is appended when the file is complete.

export const CHUNK = 500;

export interface ExportRequest { source: string; filter: Record<string, unknown>; format: 'csv' | 'xlsx'; purpose: string }

const validators = new Map<string, ReturnType<typeof compileBodyValidator>>();
/** Checks the filter against the source's schema; 400 naming `filter.<field>`. */
function checkFilter(source: ExportSource, filter: Record<string, unknown>): void {
  let validate = validators.get(source.id);
  if (!validate) validators.set(source.id, (validate = compileBodyValidator(source.filterSchema)));
  if (validate(filter)) return;
  throw validation((validate.errors ?? []).slice(0, 20).map((e) => {
    const fe = fieldErrorFromAjv(e as Parameters<typeof fieldErrorFromAjv>[0]);
    return { ...fe, field: fe.field === 'body' ? 'filter' : `filter.${fe.field}` };
  }));
}

export const exportFile = (dataDir: string, row: Pick<ExportsTable, 'file_path'>) => path.join(dataDir, row.file_path!);

/** Records the request (queued) after checking the filter and that the actor may read the source. */
export async function requestExport(db: Kysely<Database>, actor: Actor, input: ExportRequest, lang: Lang, now = new Date()): Promise<ExportsTable> {
  const source = SOURCES[input.source]!;
  checkFilter(source, input.filter);
  source.authorize(actor, input.filter);
  const row: ExportsTable = {
    id: randomUUID(), user_id: actor.id, source: source.id, filter: JSON.stringify(input.filter), format: input.format, lang, purpose: input.purpose,
    status: 'queued', rows_done: 0, rows_total: null, file_path: null, file_name: null, created_at: now.toISOString(), finished_at: null,
  };
  await db.insertInto('exports').values(row).execute();
  return row;
}

export interface RunOptions { chunk?: number; onChunk?: (done: number, total: number) => void }

/** Writes the file, a chunk at a time; marks the job done (and audits it) or failed. */
export async function runExport(db: Kysely<Database>, dataDir: string, actor: Actor, id: string, options: RunOptions = {}): Promise<void> {
  const job = await db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const source = SOURCES[job.source]!;
  const filter = JSON.parse(job.filter) as Record<string, unknown>;
  const region = source.regionOf(actor, filter);
  const ctx: ExportContext = { lang: job.lang, zone: zoneOfAreas(region ? [region] : actor.areas) };
  const columns = visibleColumns(actor, source.columns);
  const relative = path.join('exports', `${job.id}.${job.format}`);
  const file = path.join(dataDir, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const headers = columns.map((c) => headerOf(c, ctx));
  const writer: FileWriter = job.format === 'xlsx' ? xlsxFileWriter(file, source.title[job.lang].slice(0, 31), headers) : csvFileWriter(file, headers);
  try {
    const total = await source.count(db, actor, filter);
    await db.updateTable('exports').set({ status: 'running', rows_total: total }).where('id', '=', id).execute();
    let done = 0;
    for await (const rows of source.rows(db, actor, filter, options.chunk ?? CHUNK)) {
      await writer.add(rows.map((r) => columns.map((c) => c.value(r, ctx))));
      done += rows.length;
      // rows may have come or gone since the count: the total follows what is written
      await db.updateTable('exports').set({ rows_done: done, rows_total: Math.max(total, done) }).where('id', '=', id).execute();
      options.onChunk?.(done, Math.max(total, done));
      await nextTurn();
    }
    await writer.finish();
    const now = new Date();
    const name = `sinergi-${source.id}-${localDate(now, ctx.zone ?? 'WIB')}.${job.format}`;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('exports').set({ status: 'done', rows_done: done, rows_total: done, file_path: relative, file_name: name, finished_at: now.toISOString() })
        .where('id', '=', id).execute();
      await appendAudit(trx, actor, {
        action: 'export.create', resourceType: 'export', resourceId: id, regionCode: region ?? actor.areaCode,
        detail: { source: source.id, purpose: job.purpose, format: job.format, filter, rows: done, columns: columns.map((c) => c.en) },
      }, now);
    });
  } catch (err) {
    await writer.abort().catch(() => undefined);
    await db.updateTable('exports').set({ status: 'failed', finished_at: new Date().toISOString() }).where('id', '=', id).execute();
    throw err;
  }
}

/**
 * An export runs inside the server process that asked for it. After a restart one left queued
 * or running is marked failed (it can be asked for again). On PostgreSQL another instance may
 * still be running it, so only SQLite (one process) clears them at start.
 */
export async function failInterruptedExports(db: Kysely<Database>): Promise<void> {
  await db.updateTable('exports').set({ status: 'failed', finished_at: new Date().toISOString() }).where('status', 'in', ['queued', 'running']).execute();
}

/** Deletes export files (and forgets their path) older than the retention; the job rows stay as history. Returns how many. */
export async function purgeExports(db: Kysely<Database>, dataDir: string | undefined, retentionHours: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - retentionHours * 3600_000).toISOString();
  const old = await db.selectFrom('exports').select(['id', 'file_path']).where('file_path', 'is not', null).where('created_at', '<', before).execute();
  for (const row of old) {
    if (dataDir) await fs.rm(exportFile(dataDir, row), { force: true });
    await db.updateTable('exports').set({ file_path: null }).where('id', '=', row.id).execute();
  }
  return old.length;
}
