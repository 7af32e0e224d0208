import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type ColumnMapping, type ImportField, mappingByHeader, suggestMapping } from '../../../domain/imports/fields';
import { localDate } from '../../../domain/regions';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database, ImportsTable } from '../../db/schema';
import { conflict, fieldInvalid, forbidden, validation } from '../../errors';
import { authorize, ensureVisible } from '../../policies';
import { inArea } from '../../policies/rules';
import { scopeFor } from '../../policies/scope';
import { regionTimeZone } from '../reference/queries';
import { type CheckedTable, type RowCheck, type RowError, checkTable, loadLodgingState, missingFields } from './check';
import { type RecentCheck, checkKey, keepChecks } from './recent-checks';
import { loadCountryReader } from './countries';
import { type FileFormat, type GuestTable, readGuestFile } from './read';

// Upload, dry run and the lodging's remembered mapping. The import itself is in run.ts.

/** Errors kept with an import for paging; the counts are always complete. */
export const MAX_KEPT_ERRORS = 10_000;

export interface ImportLodging { id: string; village_code: string }

/** The lodging an import is for: a reporter's own, or (officers) the one named, of the officer's area. */
export async function resolveImportLodging(db: Kysely<Database>, actor: Actor, lodgingId: string | undefined): Promise<ImportLodging> {
  const id = actor.role === 'reporter' ? actor.reporterOrg?.id : lodgingId;
  if (actor.role !== 'reporter' && !lodgingId) throw fieldInvalid('lodgingId', 'field.lodging_required');
  // a reporter imports for itself only; naming another lodging is a mistake, not a switch
  if (actor.role === 'reporter' && lodgingId && lodgingId !== id) throw fieldInvalid('lodgingId', 'field.unknown_lodging');
  if (!id) throw forbidden();
  const lodging = await db.selectFrom('reporter_orgs').select(['id', 'kind', 'village_code', 'verified_at']).where('id', '=', id).executeTakeFirst();
  if (!lodging || lodging.kind !== 'lodging' || (actor.role !== 'reporter' && !inArea(actor, lodging.village_code))) throw fieldInvalid('lodgingId', 'field.unknown_lodging');
  if (!lodging.verified_at) throw forbidden('detail.not_verified');
  authorize(actor, 'import', 'create', { lodgingId: lodging.id, regionCode: lodging.village_code });
  return lodging;
}

/** Whether the actor may know the import exists (else 404). */
export const canSeeImport = (actor: Actor, imp: { lodging_id: string; region_code: string }) =>
  scopeFor(actor).contains({ regionCode: imp.region_code, orgId: imp.lodging_id });

/** Loads an import the actor may read (404 outside its scope, 403 inside but not allowed). */
export async function loadImport(db: Kysely<Database>, actor: Actor, id: string): Promise<ImportsTable> {
  const imp = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  ensureVisible(imp !== undefined && canSeeImport(actor, imp));
  authorize(actor, 'import', 'read', imp!);
  return { ...imp!, row_count: Number(imp!.row_count) };
}

/** The uploaded file's table (its cells are kept apart from the import's row, which changes as it runs). */
export async function loadTable(db: Kysely<Database>, importId: string): Promise<GuestTable> {
  const file = await db.selectFrom('import_files').select('table_json').where('import_id', '=', importId).executeTakeFirstOrThrow();
  return JSON.parse(file.table_json) as GuestTable;
}

export const headersOf = (imp: Pick<ImportsTable, 'headers'>): string[] => JSON.parse(imp.headers) as string[];

export async function rememberedMapping(db: Kysely<Database>, lodgingId: string): Promise<Partial<Record<ImportField, string>>> {
  const row = await db.selectFrom('import_mappings').select('mapping').where('lodging_id', '=', lodgingId).executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as Partial<Record<ImportField, string>>) : {};
}

/** Reads the file and keeps it as a table for the dry run and the import. Nothing is reported yet. */
export async function createImport(
  db: Kysely<Database>, actor: Actor, file: { bytes: Uint8Array; format: FileFormat; name: string; lodgingId?: string; /** e.g. 'cli (os user root)' */ via?: string }, now = new Date(),
): Promise<{ imp: ImportsTable; table: GuestTable; suggested: ColumnMapping }> {
  const lodging = await resolveImportLodging(db, actor, file.lodgingId);
  const table = await readGuestFile(file.bytes, file.format);
  const imp: ImportsTable = {
    id: randomUUID(), lodging_id: lodging.id, region_code: lodging.village_code, created_by: actor.id, created_at: now.toISOString(),
    file_name: file.name.slice(0, 200), file_hash: createHash('sha256').update(file.bytes).digest('hex'), format: file.format,
    headers: JSON.stringify(table.headers), row_count: table.rows.length, mapping: null, status: 'uploaded',
    processed: 0, stored: 0, skipped: 0, failed: 0, errors: null, finished_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    await trx.insertInto('imports').values(imp).execute();
    await trx.insertInto('import_files').values({ import_id: imp.id, table_json: JSON.stringify(table) }).execute();
    await appendAudit(trx, actor, {
      action: 'import.upload', resourceType: 'import', resourceId: imp.id, regionCode: lodging.village_code,
      detail: { lodgingId: lodging.id, file: imp.file_name, format: imp.format, rows: imp.row_count, sha256: imp.file_hash, via: file.via ?? 'web' },
    }, now);
  });
  return { imp, table, suggested: suggestMapping(table.headers, await rememberedMapping(db, lodging.id)) };
}

/** A mapping the file can use: every required field, real columns. 400 naming each problem. */
export function checkMapping(mapping: ColumnMapping, headers: string[]): void {
  const problems = missingFields(mapping, headers);
  if (problems.length) throw validation(problems);
}

/** Runs every check of the import without storing a stay; keeps the errors and remembers the mapping. */
export async function dryRun(db: Kysely<Database>, actor: Actor, id: string, mapping: ColumnMapping, now = new Date()): Promise<ImportsTable> {
  const imp = await loadImport(db, actor, id);
  authorize(actor, 'import', 'run', imp);
  if (imp.status === 'running' || imp.status === 'done') throw conflict('detail.import_already_run');
  checkMapping(mapping, headersOf(imp));
  const table = await loadTable(db, imp.id);
  const checked = await checkRows(db, imp, table, mapping, now);
  keepChecks(imp.id, { table, key: checked.key, rowChecks: checked.rowChecks });
  const update = {
    mapping: JSON.stringify(mapping), status: 'checked' as const, processed: 0, stored: 0,
    skipped: checked.alreadyImported, failed: checked.failedRows, errors: keptErrors(checked.errors),
  };
  await db.updateTable('imports').set(update).where('id', '=', id).execute();
  await rememberMapping(db, actor, imp.lodging_id, mapping, table.headers, now);
  return { ...imp, ...update };
}

/** The check of every row against the file's lodging as it is now. */
export async function checkRows(
  db: Kysely<Database>, imp: Pick<ImportsTable, 'lodging_id' | 'region_code'>, table: GuestTable, mapping: ColumnMapping, now: Date,
  recent?: RecentCheck,
): Promise<CheckedTable & { today: string; countryCodes: ReadonlySet<string>; key: string; rowChecks: readonly RowCheck[] }> {
  const countries = await loadCountryReader(db);
  const today = localDate(now, await regionTimeZone(db, imp.region_code));
  const key = checkKey(mapping, today, countries.codes);
  const state = await loadLodgingState(db, imp.lodging_id);
  const context = { lodgingId: imp.lodging_id, today, country: countries.read, knownCountry: countries.known, ...state };
  const checked = await checkTable(table, mapping, context, recent?.key === key && recent.table === table ? recent.rowChecks : undefined);
  return { ...checked, today, countryCodes: countries.codes, key };
}

export const keptErrors = (errors: RowError[]) => JSON.stringify({ total: errors.length, items: errors.slice(0, MAX_KEPT_ERRORS) });

export async function rememberMapping(db: Kysely<Database>, actor: Actor, lodgingId: string, mapping: ColumnMapping, headers: string[], now: Date) {
  const value = { mapping: JSON.stringify(mappingByHeader(mapping, headers)), updated_by: actor.id, updated_at: now.toISOString() };
  await db.insertInto('import_mappings').values({ lodging_id: lodgingId, ...value })
    .onConflict((oc) => oc.column('lodging_id').doUpdateSet(value)).execute();
}
