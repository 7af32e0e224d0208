import { screenStays } from '../server/features/screening/raise';
import { ScreeningService } from '../server/features/screening/service';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField, headerKey } from '../domain/imports/fields';
import type { Actor, Role } from '../server/auth/actor';
import { areasOf } from '../server/auth/sessions';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import type { Database } from '../server/db/schema';
import { AppError } from '../server/errors';
import type { RowError } from '../server/features/imports/check';
import { createImport, dryRun, headersOf } from '../server/features/imports/commands';
import { presentRowError } from '../server/features/imports/presenters';
import { beginImport, performImport } from '../server/features/imports/run';
import { type Lang, translate } from '../server/i18n/messages';

// `import stays <file> --lodging <id>`: the web's import from a terminal, through the same
// commands. It acts as a named user (--as), by default the lodging's own reporter account,
// under that user's policy, and the audit log names the user and "via cli".

const USAGE = 'usage: npm run cli -- import stays <file.csv|file.xlsx> --lodging <id> [--dry-run] [--mapping "Header=field,3=field,..."] [--as <username>] [--lang id|en]';
const FLAGS = ['lodging', 'mapping', 'as', 'lang'];

function parseArgs(args: string[]) {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  let dry = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') { dry = true; continue; }
    if (a.startsWith('--')) {
      const value = args[i + 1];
      if (!FLAGS.includes(a.slice(2)) || value === undefined || value.startsWith('--')) return null;
      values[a.slice(2)] = value;
      i++;
    } else positional.push(a);
  }
  return { positional, values, dry };
}

/** "Nama Belakang=surname,5=documentNumber": a header name or a 1-based column number per field. */
export function parseMappingFlag(text: string, headers: string[]): ColumnMapping | string {
  const out: ColumnMapping = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.lastIndexOf('=');
    const column = part.slice(0, at).trim();
    const field = part.slice(at + 1).trim() as ImportField;
    if (at < 1 || !IMPORT_FIELDS.includes(field)) return `--mapping: "${part}" is not column=field (fields: ${IMPORT_FIELDS.join(', ')})`;
    const index = /^\d+$/.test(column) ? Number(column) - 1 : headers.findIndex((h) => headerKey(h) === headerKey(column));
    if (index < 0 || index >= headers.length) return `--mapping: no column "${column}" in the file`;
    out[field] = index;
  }
  return out;
}

async function actorFor(db: Kysely<Database>, lodgingId: string, username: string | undefined): Promise<Actor | string> {
  let q = db.selectFrom('users').leftJoin('reporter_orgs', 'reporter_orgs.id', 'users.reporter_org_id').leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.locale', 'users.agency_id', 'users.area_code', 'agencies.kind as agency_kind',
      'reporter_orgs.id as org_id', 'reporter_orgs.kind as org_kind', 'reporter_orgs.village_code as org_village', 'reporter_orgs.verified_at as org_verified_at'])
    .where('users.active', '=', 1).where('users.approval', '=', 'approved');
  q = username ? q.where('users.username', '=', username) : q.where('users.reporter_org_id', '=', lodgingId).where('users.role', '=', 'reporter').orderBy('users.created_at');
  const row = await q.executeTakeFirst();
  if (!row) return username ? `no active account "${username}"` : 'the lodging has no active reporter account: name one with --as <username>';
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, locale: row.locale, agencyId: row.agency_id,
    agencyKind: row.agency_kind, areaCode: row.area_code, areas: await areasOf(db, row.id, row.area_code),
    reporterOrg: row.org_id ? { id: row.org_id, kind: row.org_kind!, villageCode: row.org_village!, verified: row.org_verified_at !== null } : null,
  };
}

export async function runImportCommand(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  const parsed = parseArgs(rest);
  const file = parsed?.positional[0];
  const lodgingId = parsed?.values.lodging;
  if (what !== 'stays' || !parsed || !file || parsed.positional.length !== 1 || !lodgingId) { console.error(USAGE); return 1; }
  const lang: Lang = parsed.values.lang === 'en' ? 'en' : 'id';
  const ext = path.extname(file).toLowerCase();
  const format = ext === '.xlsx' ? 'xlsx' : ext === '.csv' || ext === '.txt' ? 'csv' : null;
  if (!format) { console.error(`${file}: not a .csv or .xlsx file`); return 1; }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 1;
  }
  const config = loadConfig({ ...process.env, SINERGI_DEMO: 'false' });
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const problem = (err: unknown) => {
    if (!(err instanceof AppError)) throw err;
    const list = err.fieldErrors.map((e) => `${e.field}: ${translate(lang, e.key, e.params)}`);
    console.error(`${path.basename(file)}: ${list.join('; ') || translate(lang, err.detailKey ?? `problem.${err.code}`, err.detailParams)}`);
    return 1;
  };
  try {
    await migrateToLatest(db.kysely);
    const actor = await actorFor(db.kysely, lodgingId, parsed.values.as);
    if (typeof actor === 'string') { console.error(actor); return 1; }
    const via = `cli (os user ${os.userInfo().username})`;
    const { imp, suggested } = await createImport(db.kysely, actor, { bytes, format, name: path.basename(file), lodgingId, via });
    const headers = headersOf(imp);
    const given = parsed.values.mapping ? parseMappingFlag(parsed.values.mapping, headers) : {};
    if (typeof given === 'string') { console.error(given); return 1; }
    // a column named on the command line leaves the field it was suggested for
    const taken = new Set(Object.values(given));
    const mapping: ColumnMapping = { ...Object.fromEntries(Object.entries(suggested).filter(([, i]) => !taken.has(i!))), ...given };
    console.error(`${path.basename(file)}: ${imp.row_count} rows, as ${actor.username}; columns: ${Object.entries(mapping).map(([f, i]) => `${headers[i!]}→${f}`).join(', ')}`);
    const checked = await dryRun(db.kysely, actor, imp.id, mapping);
    const errors = (JSON.parse(checked.errors ?? '{"items":[]}') as { items: RowError[] }).items;
    for (const e of errors) {
      const shown = presentRowError(e, lang, headers, mapping);
      console.error(`row ${shown.row}${shown.column ? `, ${shown.column}` : ''}: ${shown.message}`);
    }
    const wouldStore = imp.row_count - checked.failed - checked.skipped;
    if (parsed.dry) {
      console.log(JSON.stringify({ import: imp.id, dryRun: true, rows: imp.row_count, wouldStore, skipped: checked.skipped, failed: checked.failed }));
      return 0;
    }
    await beginImport(db.kysely, actor, imp.id, mapping);
    const screening = new ScreeningService(db.kysely); // the CLI screens what it stores, like the server
    const done = await performImport(db.kysely, actor, imp.id, {
      screen: async (ids) => { await screenStays(db.kysely, screening, ids); },
      onChunk: (p) => process.stderr.write(`\rimporting: ${p.processed}/${p.total} (${Math.floor((p.processed * 100) / Math.max(1, p.total))}%)`),
    });
    process.stderr.write('\n');
    console.log(JSON.stringify({ import: imp.id, rows: imp.row_count, stored: done.stored, skipped: done.skipped, failed: done.failed }));
    return 0;
  } catch (err) {
    return problem(err);
  } finally {
    await db.close();
  }
}
