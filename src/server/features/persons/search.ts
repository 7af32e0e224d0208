import { type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { nameQueryWords } from '../../../domain/identity/name-index';
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

/** The ids of persons a query names: all words match (by name), or the number matches; null = no query. */
function candidates(db: Kysely<Database>, actor: Actor, q: string | undefined) {
  if (!q || q.trim() === '') return null;
  const parts: SelectQueryBuilder<Database, any, { person_id: string }>[] = [];
  const words = sees(actor, 'identity') ? nameQueryWords(q) : [];
  if (words.length > 0) {
    // one token subquery per word, intersected: each walks the (token, person_id) primary key
    const perWord = words.map((w) => db.selectFrom('person_name_tokens as t').select('t.person_id').where((eb) => eb.or([
      eb.and([eb('t.token', '>=', w.prefix), eb('t.token', '<', `${w.prefix}[`)]),
      ...(w.phonetic ? [eb('t.token', '=', w.phonetic)] : []),
    ])));
    parts.push(perWord.slice(1).reduce((acc, sub) => acc.intersect(sub), perWord[0]!));
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
  const scope = scopeFor(actor);
  const found = candidates(db, actor, f.q);
  const whereabouts = sees(actor, 'whereabouts');
  let stays = db.selectFrom('stays').where((eb) => scope.where(eb, { region: 'stays.region_code', org: 'stays.lodging_id' }));
  if (found === 'none') stays = stays.where(NOTHING);
  else if (found) stays = stays.where('stays.person_id', 'in', found);
  if (f.region) stays = stays.where((eb) => regionWithin(eb, 'stays.region_code', f.region!));
  if (f.lodging) stays = whereabouts ? stays.where('stays.lodging_id', '=', f.lodging) : stays.where(NOTHING);
  // a date range finds persons whose stay overlapped it
  if (f.from) stays = whereabouts ? stays.where((eb) => eb.or([eb('stays.departure_date', 'is', null), eb('stays.departure_date', '>=', f.from!)])) : stays.where(NOTHING);
  if (f.to) stays = whereabouts ? stays.where('stays.arrival_date', '<=', f.to) : stays.where(NOTHING);
  const inScope = stays.select((eb) => [
    'stays.person_id',
    eb.fn.max('stays.arrival_date').as('last_seen'),
    sql<number>`max(case when stays.departure_date is null and stays.cancelled_at is null then 1 else 0 end)`.as('present'),
  ]).groupBy('stays.person_id');

  let q = db.selectFrom('persons').innerJoin(inScope.as('s'), 's.person_id', 'persons.id');
  const identity = sees(actor, 'identity');
  if (f.nationality) q = identity ? q.where('persons.nationality', '=', f.nationality) : q.where(NOTHING);
  if (f.status === 'present') q = q.where('s.present', '=', 1);
  if (f.status === 'departed') q = q.where('s.present', '=', 0);

  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sort = f.sort ?? (identity ? 'name' : 'lastSeen');
  let page = q.select(['persons.id', 'persons.surname', 'persons.given_names', 'persons.nationality', 's.last_seen', 's.present']);
  // a hidden field never orders the list: without identity, last seen; without whereabouts, id
  if (sort === 'name' && identity) {
    const dir = f.dir ?? 'asc';
    page = page.orderBy('persons.surname', dir).orderBy('persons.given_names', dir);
  } else if (whereabouts) page = page.orderBy('s.last_seen', f.dir ?? 'desc');
  const rows = await page.orderBy('persons.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: Number(total.n) };
}

export type PersonListRow = Awaited<ReturnType<typeof searchPersons>>['rows'][number];
