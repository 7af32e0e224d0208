import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../server/audit/log';
import { loadConfig } from '../server/config';
import { type Db, openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import type { WatchlistKind } from '../server/db/schema';
import { importWatchlist, WATCHLIST_KINDS } from '../server/features/watchlists/import';
import { loadWatchlistIndex, parsePeopleFile, presentHit } from '../server/features/watchlists/screen';

const IMPORT_USAGE = 'usage: npm run cli -- watchlist import <file> --list <name> [--kind interpol_red_notice|dpo|cekal|local] [--source "..."] [--threshold 0.85]';
const SCREEN_USAGE = 'usage: npm run cli -- screen <file>';

/** Splits `<positional> --flag value ...`; null when a flag lacks its value or is unknown. */
function parseArgs(args: string[], flags: string[]): { positional: string[]; values: Record<string, string> } | null {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const name = a.slice(2);
      const value = args[i + 1];
      if (!flags.includes(name) || value === undefined || value.startsWith('--')) return null;
      values[name] = value;
      i++;
    } else positional.push(a);
  }
  return { positional, values };
}

function readInput(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return null;
  }
}

async function withDatabase<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, SINERGI_DEMO: 'false' });
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(db.kysely);
    return await run(db);
  } finally {
    await db.close();
  }
}

/** `watchlist import`: progress on stderr, one JSON summary line on stdout; per-line errors do not fail it. */
export async function runWatchlistCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const parsed = parseArgs(rest, ['list', 'kind', 'source', 'threshold']);
  const file = parsed?.positional[0];
  const list = parsed?.values.list?.trim();
  if (sub !== 'import' || !parsed || !file || parsed.positional.length !== 1 || !list) {
    console.error(IMPORT_USAGE);
    return 1;
  }
  const kind = parsed.values.kind as WatchlistKind | undefined;
  if (kind && !WATCHLIST_KINDS.includes(kind)) {
    console.error(`unknown --kind "${kind}": one of ${WATCHLIST_KINDS.join(', ')}`);
    return 1;
  }
  const thresholdText = parsed.values.threshold;
  const threshold = thresholdText === undefined ? undefined : Number(thresholdText);
  if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) {
    console.error(`--threshold must be a number in (0, 1], not "${thresholdText}"`);
    return 1;
  }
  const text = readInput(file);
  if (text === null) return 1;
  const summary = await withDatabase((db) => importWatchlist(db.kysely, text, {
    list, kind, source: parsed.values.source, threshold, sourceFile: path.basename(file),
    onProgress: (done, total) => process.stderr.write(`\rimporting ${list}: ${done}/${total}${done === total ? '\n' : ''}`),
  }));
  console.log(JSON.stringify(summary));
  return 0;
}

/** `screen`: one JSON line per person with the hits against every loaded list. */
export async function runScreenCommand(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('--')) {
    console.error(SCREEN_USAGE);
    return 1;
  }
  const text = readInput(args[0]!);
  if (text === null) return 1;
  const people = parsePeopleFile(text);
  for (const e of people.errors) console.error(`line ${e.line}: ${e.reason}`);
  return withDatabase(async (db) => {
    const { index, options, entries, lists } = await loadWatchlistIndex(db.kysely);
    console.error(`screening ${people.items.length} people against ${entries} entries in ${lists} lists`);
    let withHits = 0;
    for (const p of people.items) {
      const hits = index.match(p.query, options).map(presentHit);
      if (hits.length > 0) withHits++;
      console.log(JSON.stringify({ id: p.id, hits }));
    }
    // A screening reads watchlist entries (personal data): it leaves a trace like any read.
    await db.kysely.transaction().execute((trx) => appendAudit(trx, null, {
      action: 'watchlist.screen', resourceType: 'watchlist',
      detail: { file: path.basename(args[0]!), people: people.items.length, withHits, errors: people.errors.length },
    }));
    return 0;
  });
}
