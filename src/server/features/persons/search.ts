import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { nameQueryWords, type QueryWord } from '../../../domain/identity/name-index';
import { isPostgres } from '../../db/dialect';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { sees } from '../../policies/fields';
import { regionWithin, scopeFor } from '../../policies/scope';

// Person search (issue #8, item 6). A name query is answered from person_name_tokens: every
// query word must match one of the person's tokens by prefix or by sound code (any order,
// diacritics and transliteration folded). A query that looks like a document number also
// matches passport numbers by prefix. Only fields the actor sees are ever matched, and only
// persons with a stay in the actor's scope (and the filters' region, lodging, dates) are found.

export interface PersonSearch {
  q?: string; nationality?: string; region?: string; status?: 'present' | 'departed'; lodging?: string;
  from?: string; to?: string; sort?: 'name' | 'lastSeen'; dir?: 'asc' | 'desc'; page: number; pageSize: number;
}

const NOTHING = sql<SqlBool>`1 = 0`;

/** Passport numbers are 5–20 letters and digits with at least one digit (spaces ignored). */
export function documentNumberOf(q: string): string | null {
  const compact = q.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9]{5,20}$/.test(compact) && /\d/.test(compact) ? compact : null;
}

type PersonIds = SelectQueryBuilder<any, any, { person_id: string }>;

/** Enough token rows to tell a rare query word from a common one. */
const ESTIMATE_CAP = 20_000;

const byText = (column: string, w: QueryWord) => (w.exact
  ? sql<SqlBool>`${sql.ref(column)} = ${w.prefix}`
  : sql<SqlBool>`(${sql.ref(column)} >= ${w.prefix} and ${sql.ref(column)} < ${`${w.prefix}[`})`);
const tokenMatches = (column: string, w: QueryWord) => (w.phonetic
  ? sql<SqlBool>`(${byText(column, w)} or ${sql.ref(column)} = ${w.phonetic})`
  : byText(column, w));

/**
 * The persons one word matches, by prefix and by sound as two index-only range reads (an OR of
 * the two makes PostgreSQL read the table too). A person may come twice.
 */
function wordMatches(db: Kysely<Database>, w: QueryWord, limit?: number) {
  // a limited part is a subquery of its own ("select … limit n union all …" is no valid SQL)
  const capped = (q: PersonIds, as: 'p' | 's'): PersonIds => (limit ? db.selectFrom(q.limit(limit).as(as)).select(`${as}.person_id as person_id`) : q);
  const tokens = db.selectFrom('person_name_tokens as t').select('t.person_id');
  const byPrefix = capped(w.exact ? tokens.where('t.token', '=', w.prefix) : tokens.where('t.token', '>=', w.prefix).where('t.token', '<', `${w.prefix}[`), 'p');
  if (!w.phonetic) return byPrefix;
  const bySound = capped(tokens.where('t.token', '=', w.phonetic), 's');
  return db.selectFrom(byPrefix.unionAll(bySound).as('w')).select('w.person_id');
}

/** How many tokens a word matches, counted up to ESTIMATE_CAP per kind (index only). */
async function tokenCount(db: Kysely<Database>, w: QueryWord): Promise<number> {
  const row = await db.selectFrom(wordMatches(db, w, ESTIMATE_CAP).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A word is intersected (hashed) with the driver's persons when it matches at most this many
 * times as many tokens; a commoner word is checked on each candidate's own tokens. Measured on
 * PostgreSQL: a hashed token row costs about a fifteenth of a candidate's index probe.
 */
const HASHED_RATIO = 15;

/**
 * The ids of persons a query names: all words match (by name), or the number matches; null = no
 * query. The rarest word finds the candidates ("bin" or "van" would find a tenth of everyone);
 * each other word is checked on a candidate's own tokens. On PostgreSQL, words not much commoner
 * than the rarest are intersected first (two common sound codes, e.g. Juan Shen, would otherwise
 * probe tens of thousands of candidates one by one).
 */
async function candidates(db: Kysely<Database>, actor: Actor, q: string | undefined) {
  if (!q || q.trim() === '') return null;
  const parts: SelectQueryBuilder<Database, any, { person_id: string }>[] = [];
  const words = sees(actor, 'identity') ? nameQueryWords(q) : [];
  if (words.length > 0) {
    const counts = words.length > 1 ? await Promise.all(words.map((w) => tokenCount(db, w))) : [0];
    const ranked = words.map((w, i) => ({ w, n: counts[i]! })).sort((a, b) => a.n - b.n);
    const hashed = isPostgres(db) ? ranked.filter((x, i) => i === 0 || x.n <= ranked[0]!.n * HASHED_RATIO) : ranked.slice(0, 1);
    const driver = hashed.map((x) => wordMatches(db, x.w)).reduce((acc, next) => acc.intersect(next));
    let byName = db.selectFrom(driver.as('d')).select('d.person_id');
    for (const { w } of ranked.slice(hashed.length)) {
      // a scalar subquery, not exists: SQLite 3.53 turns exists into a join and then scans every token
      byName = byName.where(sql<SqlBool>`(select count(*) from person_name_tokens o where o.person_id = d.person_id and ${tokenMatches('o.token', w)}) > 0`);
    }
    parts.push(byName);
  }
  const number = sees(actor, 'document') ? documentNumberOf(q) : null;
  if (number) {
    parts.push(db.selectFrom('person_documents as d').select('d.person_id as person_id')
      .where('d.number', '>=', number).where('d.number', '<', `${number}~`));
  }
  if (parts.length === 0) return 'none' as const;
  return parts.slice(1).reduce((acc, sub) => acc.union(sub), parts[0]!);
}

export async function searchPersons(db: Kysely<Database>, actor: Actor, f: PersonSearch) {
  const found = await candidates(db, actor, f.q);
  const identity = sees(actor, 'identity');
  const sort = f.sort ?? (identity ? 'name' : 'lastSeen');
  // a name query sorted by name needs the stays only to check the area: the last stay is read for the page alone
  const byStays = found === null || found === 'none' || f.lodging || f.from || f.to || f.status || sort !== 'name' || !identity;
  return byStays ? searchByStays(db, actor, f, found, sort) : searchByName(db, actor, f, found);
}

/** The candidates with a stay in the actor's scope (and the filter's region), checked before any person row is read. */
function inScope(db: Kysely<Database>, actor: Actor, candidates: Candidates, region: string | undefined) {
  const scope = scopeFor(actor);
  return db.selectFrom(candidates.as('c')).select('c.person_id').where((eb) => {
    let stays = eb.selectFrom('stays').select(sql`1`.as('x')).whereRef('stays.person_id', '=', 'c.person_id')
      .where((e) => scope.where(e, { region: 'stays.region_code', org: 'stays.lodging_id' }));
    if (region) stays = stays.where((e) => regionWithin(e, 'stays.region_code', region));
    return eb.exists(stays);
  });
}

async function searchByName(db: Kysely<Database>, actor: Actor, f: PersonSearch, candidates: Candidates) {
  let q = db.selectFrom('persons').where('persons.id', 'in', inScope(db, actor, candidates, f.region));
  if (f.nationality) q = q.where('persons.nationality', '=', f.nationality);
  const dir = f.dir ?? 'asc';
  // the total comes with the page (one pass over the candidates); a page past the end counts apart
  const found = await q.select(['persons.id', 'persons.surname', 'persons.given_names', 'persons.nationality', sql<number>`count(*) over ()`.as('total')])
    .orderBy('persons.surname', dir).orderBy('persons.given_names', dir).orderBy('persons.id')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const total = found.length > 0 ? Number(found[0]!.total) : Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const persons = found.map(({ total: _, ...p }) => p);
  const facts = persons.length === 0 ? [] : await lastStays(db, actor, f, persons.map((p) => p.id)).execute();
  const byId = new Map(facts.map((x) => [x.person_id, x]));
  const rows = persons.map((p) => ({ ...p, last_seen: byId.get(p.id)?.last_seen ?? null, present: byId.get(p.id)?.present ?? 0 }));
  return { rows, total };
}

/** Each person's last arrival and whether present, over the stays in scope (and the filters). */
function lastStays(db: Kysely<Database>, actor: Actor, f: PersonSearch, personIds?: string[] | Candidates | 'none') {
  const scope = scopeFor(actor);
  const whereabouts = sees(actor, 'whereabouts');
  let stays = db.selectFrom('stays').where((eb) => scope.where(eb, { region: 'stays.region_code', org: 'stays.lodging_id' }));
  if (personIds === 'none') stays = stays.where(NOTHING);
  else if (personIds) stays = stays.where('stays.person_id', 'in', personIds);
  if (f.region) stays = stays.where((eb) => regionWithin(eb, 'stays.region_code', f.region!));
  if (f.lodging) stays = whereabouts ? stays.where('stays.lodging_id', '=', f.lodging) : stays.where(NOTHING);
  // a date range finds persons whose stay overlapped it
  if (f.from) stays = whereabouts ? stays.where((eb) => eb.or([eb('stays.departure_date', 'is', null), eb('stays.departure_date', '>=', f.from!)])) : stays.where(NOTHING);
  if (f.to) stays = whereabouts ? stays.where('stays.arrival_date', '<=', f.to) : stays.where(NOTHING);
  return stays.select((eb) => [
    'stays.person_id',
    eb.fn.max('stays.arrival_date').as('last_seen'),
    sql<number>`max(case when stays.departure_date is null and stays.cancelled_at is null then 1 else 0 end)`.as('present'),
  ]).groupBy('stays.person_id');
}

async function searchByStays(db: Kysely<Database>, actor: Actor, f: PersonSearch, found: Candidates | 'none' | null, sort: 'name' | 'lastSeen') {
  const whereabouts = sees(actor, 'whereabouts');
  let q = db.selectFrom('persons').innerJoin(lastStays(db, actor, f, found ?? undefined).as('s'), 's.person_id', 'persons.id');
  const identity = sees(actor, 'identity');
  if (f.nationality) q = identity ? q.where('persons.nationality', '=', f.nationality) : q.where(NOTHING);
  if (f.status === 'present') q = q.where('s.present', '=', 1);
  if (f.status === 'departed') q = q.where('s.present', '=', 0);

  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let page = q.select(['persons.id', 'persons.surname', 'persons.given_names', 'persons.nationality', 's.last_seen', 's.present']);
  // a hidden field never orders the list: without identity, last seen; without whereabouts, id
  if (sort === 'name' && identity) {
    const dir = f.dir ?? 'asc';
    page = page.orderBy('persons.surname', dir).orderBy('persons.given_names', dir);
  } else if (whereabouts) page = page.orderBy('s.last_seen', f.dir ?? 'desc');
  const rows = await page.orderBy('persons.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: Number(total.n) };
}

type Candidates = Exclude<Awaited<ReturnType<typeof candidates>>, null | 'none'>;

export type PersonListRow = Awaited<ReturnType<typeof searchPersons>>['rows'][number];
