import countries from 'i18n-iso-countries';
import { headerIndex, parseCsv } from './csv';

// Watchlist files and people files: CSV (with a header row) or FollowTheMoney JSON lines.
// Every problem is reported per line and the rest of the file is still read.

export interface LineError { line: number; reason: string }

/** One watchlist entry as read from a file (arrays deduplicated, empty values dropped). */
export interface ParsedEntry {
  line: number;
  externalId: string;
  names: string[];
  birthDates: string[];
  nationalities: string[];
  documentNumbers: string[];
  reason: string | null;
}

export interface ParsedFile<T> { items: T[]; errors: LineError[]; skipped: number; total: number }

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** JSON lines when the first non-blank character is `{`, CSV otherwise. */
export function detectFormat(text: string): 'ftm' | 'csv' {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'ftm' : 'csv';
}

/** FtM nationalities are alpha-2 lower-case ("ru"); the matcher and MRZs use ICAO alpha-3. Unknown codes stay as given. */
export function toAlpha3(code: string): string {
  const c = code.trim();
  if (/^[A-Za-z]{2}$/.test(c)) return countries.alpha2ToAlpha3(c.toUpperCase()) ?? c;
  return c;
}

function uniq(values: (string | undefined | null)[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = (v ?? '').trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

function badDate(dates: string[]): string | undefined {
  return dates.find((d) => !DATE.test(d));
}

export function parseWatchlistFile(text: string): ParsedFile<ParsedEntry> {
  return detectFormat(text) === 'ftm' ? parseFtmEntries(text) : parseCsvEntries(text);
}

// --- FollowTheMoney JSON lines ---------------------------------------------------------

interface FtmPerson { line: number; id: string; props: Record<string, string[]> }

/** Reads Person entities; other schemas are counted as skipped, bad lines reported. */
export function readFtmPersons(text: string): ParsedFile<FtmPerson> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const items: FtmPerson[] = [];
  const errors: LineError[] = [];
  let skipped = 0;
  let total = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    total++;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push({ line, reason: 'not valid JSON' });
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) { errors.push({ line, reason: 'not a JSON object' }); return; }
    const e = value as { id?: unknown; schema?: unknown; properties?: unknown };
    if (e.schema !== 'Person') { skipped++; return; }
    if (typeof e.id !== 'string' || e.id.trim() === '') { errors.push({ line, reason: 'missing id' }); return; }
    const props: Record<string, string[]> = {};
    if (e.properties && typeof e.properties === 'object') {
      for (const [k, v] of Object.entries(e.properties as Record<string, unknown>)) {
        if (Array.isArray(v)) props[k] = v.filter((x): x is string => typeof x === 'string');
      }
    }
    items.push({ line, id: e.id.trim(), props });
  });
  return { items, errors, skipped, total };
}

function parseFtmEntries(text: string): ParsedFile<ParsedEntry> {
  const read = readFtmPersons(text);
  const items: ParsedEntry[] = [];
  const errors = [...read.errors];
  for (const { line, id, props } of read.items) {
    const names = uniq([...(props.name ?? []), ...(props.alias ?? []), ...(props.weakAlias ?? [])]);
    if (names.length === 0) { errors.push({ line, reason: 'no name' }); continue; }
    const birthDates = uniq(props.birthDate ?? []);
    const wrong = badDate(birthDates);
    if (wrong) { errors.push({ line, reason: `birthDate "${wrong}" is not YYYY-MM-DD or YYYY` }); continue; }
    items.push({
      line, externalId: id, names, birthDates,
      nationalities: uniq([...(props.nationality ?? []), ...(props.citizenship ?? [])].map(toAlpha3)),
      documentNumbers: uniq([...(props.passportNumber ?? []), ...(props.idNumber ?? [])]),
      reason: uniq(props.topics ?? []).join('; ') || null,
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { items, errors, skipped: read.skipped, total: read.total };
}

// --- CSV: id, name, aliases (;-separated), birthDate, nationality, passportNumber, reason ---

/** Reads a CSV with a header row; `required` columns must be present. Rows become column → value maps. */
export function readCsvRows(text: string, required: string[]): ParsedFile<{ line: number; get(col: string): string }> & { missing?: string[] } {
  const { records, errors } = parseCsv(text);
  const [header, ...rows] = records;
  if (!header) return { items: [], errors, skipped: 0, total: 0 };
  const cols = headerIndex(header.fields);
  const missing = required.filter((c) => !cols.has(c.toLowerCase()));
  if (missing.length > 0) {
    return { items: [], errors: [{ line: header.line, reason: `missing column(s): ${missing.join(', ')}` }, ...errors], skipped: 0, total: rows.length, missing };
  }
  const items = rows.map((r) => ({
    line: r.line,
    get: (col: string) => { const at = cols.get(col.toLowerCase()); return at === undefined ? '' : (r.fields[at] ?? '').trim(); },
  }));
  return { items, errors, skipped: 0, total: rows.length + errors.length };
}

function parseCsvEntries(text: string): ParsedFile<ParsedEntry> {
  const read = readCsvRows(text, ['id', 'name']);
  const items: ParsedEntry[] = [];
  const errors = [...read.errors];
  for (const row of read.items) {
    const { line } = row;
    const id = row.get('id');
    if (!id) { errors.push({ line, reason: 'missing id' }); continue; }
    const names = uniq([row.get('name'), ...row.get('aliases').split(';')]);
    if (!row.get('name')) { errors.push({ line, reason: 'missing name' }); continue; }
    const birthDates = uniq([row.get('birthDate')]);
    const wrong = badDate(birthDates);
    if (wrong) { errors.push({ line, reason: `birthDate "${wrong}" is not YYYY-MM-DD or YYYY` }); continue; }
    items.push({
      line, externalId: id, names, birthDates,
      nationalities: uniq([row.get('nationality')].map(toAlpha3)),
      documentNumbers: uniq([row.get('passportNumber')]),
      reason: row.get('reason') || null,
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { items, errors, skipped: 0, total: read.total };
}

