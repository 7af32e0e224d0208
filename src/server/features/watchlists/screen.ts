import type { Kysely } from 'kysely';
import { WatchlistIndex } from '../../../domain/matching/index';
import type { Hit, MatchOptions, ScreeningQuery } from '../../../domain/matching/types';
import type { Database } from '../../db/schema';
import { detectFormat, type ParsedFile, readCsvRows, readFtmPersons, toAlpha3 } from './parse';

// Screening against every loaded list: one index over all entries not removed, each list's
// own threshold. People come from FtM Person JSON lines or a CSV of reported identities.

/** `newest`: the latest updated_at among the entries loaded (where the next change starts). */
export interface LoadedIndex { index: WatchlistIndex; options: MatchOptions; entries: number; lists: number; newest: string | null }

const parse = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** Every entry not removed, or with changedSince only those added or changed since then (for re-screening a change). */
export async function loadWatchlistIndex(db: Kysely<Database>, at = new Date(), changedSince?: string): Promise<LoadedIndex> {
  const lists = await db.selectFrom('watchlists').select(['id', 'name', 'threshold']).execute();
  const names = new Map(lists.map((l) => [l.id, l.name]));
  const thresholds: Record<string, number> = {};
  for (const l of lists) if (l.threshold !== null) thresholds[l.name] = Number(l.threshold);
  const index = new WatchlistIndex();
  let entries = 0;
  let newest: string | null = null;
  let after = '';
  // Paged by id so a large list never sits in memory twice (rows and index).
  for (;;) {
    let query = db.selectFrom('watchlist_entries')
      .select(['id', 'watchlist_id', 'external_id', 'names', 'birth_dates', 'nationalities', 'document_numbers', 'reason', 'valid_until', 'updated_at'])
      .where('removed_at', 'is', null).where('id', '>', after);
    // after the newest entry the last index held: an import stamps all its entries with one instant,
    // so ">=" would take the whole previous import again
    if (changedSince) query = query.where('updated_at', '>', changedSince);
    const page = await query.orderBy('id').limit(5000).execute();
    for (const r of page) {
      if (newest === null || r.updated_at > newest) newest = r.updated_at;
      index.add({
        id: r.external_id, list: names.get(r.watchlist_id) ?? r.watchlist_id, names: parse(r.names),
        datesOfBirth: parse(r.birth_dates), nationalities: parse(r.nationalities), documentNumbers: parse(r.document_numbers),
        reason: r.reason ?? undefined, validTo: r.valid_until ?? undefined,
      });
      entries++;
    }
    if (page.length < 5000) break;
    after = page[page.length - 1]!.id;
  }
  index.build();
  return { index, options: { thresholds, at: at.toISOString().slice(0, 10) }, entries, lists: lists.length, newest };
}

export interface Person { line: number; id: string; query: ScreeningQuery }

/** FtM Person JSON lines, or CSV: id, surname, givenNames, dateOfBirth, nationality, documentNumber. */
export function parsePeopleFile(text: string): ParsedFile<Person> {
  if (detectFormat(text) === 'ftm') {
    const read = readFtmPersons(text);
    const errors = [...read.errors];
    const items: Person[] = [];
    for (const { line, id, props } of read.items) {
      const names = [...(props.name ?? []), ...(props.alias ?? [])].filter((n) => n.trim());
      if (names.length === 0) { errors.push({ line, reason: 'no name' }); continue; }
      items.push({
        line, id,
        query: {
          names, dateOfBirth: props.birthDate?.[0],
          nationality: (props.nationality ?? []).map(toAlpha3),
          documentNumbers: [...(props.passportNumber ?? []), ...(props.idNumber ?? [])],
        },
      });
    }
    return { items, errors: errors.sort((a, b) => a.line - b.line), skipped: read.skipped, total: read.total };
  }
  const read = readCsvRows(text, ['id', 'surname', 'givenNames']);
  const errors = [...read.errors];
  const items: Person[] = [];
  for (const row of read.items) {
    const id = row.get('id');
    const surname = row.get('surname');
    const given = row.get('givenNames');
    if (!id) { errors.push({ line: row.line, reason: 'missing id' }); continue; }
    if (!surname && !given) { errors.push({ line: row.line, reason: 'no name' }); continue; }
    const nationality = row.get('nationality');
    const document = row.get('documentNumber');
    items.push({
      line: row.line, id,
      query: {
        names: [{ surname, given }], dateOfBirth: row.get('dateOfBirth') || undefined,
        nationality: nationality ? toAlpha3(nationality) : undefined, documentNumbers: document ? [document] : [],
      },
    });
  }
  return { items, errors: errors.sort((a, b) => a.line - b.line), skipped: 0, total: read.total };
}

/** The hit as the CLI (and later the alert) shows it. */
export function presentHit(hit: Hit): { entity: string; list: string; score: number; strength: Hit['strength']; explanation: string } {
  return { entity: hit.entity, list: hit.list, score: Math.round(hit.score * 1000) / 1000, strength: hit.strength, explanation: hit.explanation };
}
