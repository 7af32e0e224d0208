import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { addDays } from '../../../domain/dates';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { sees } from '../../policies/fields';
import { regionWithin, scopeFor } from '../../policies/scope';
import type { PresentSort, PresentStatus } from './schemas';

// Everyone present in an area, from every report kind (lodging guests, workers, residents,
// imports). Driven from the partial index stays_present_region (region range, present only);
// persons, documents, lodgings and villages are joined one row each, never looked up per row.
// A filter or sort on a field group the actor does not see matches nothing / is not applied.

export interface PresentFilter {
  region?: string; nationality?: string; permitKind?: string; lodging?: string; village?: string; reportKind?: string;
  status?: PresentStatus; sort?: PresentSort; dir?: 'asc' | 'desc'; page: number; pageSize: number;
}

const NOTHING = sql<SqlBool>`1 = 0`;
type EB = ExpressionBuilder<Database & { s: Database['stays'] }, any>;

/** The permit window of a status (dates in the region's zone), or null for statuses without one. */
function permitWindow(status: PresentStatus | undefined, today: string): { from?: string; to?: string } | null {
  switch (status) {
    case 'overstaying': return { to: addDays(today, -1) };
    case 'expiring7': return { from: today, to: addDays(today, 7) };
    case 'expiring30': return { from: today, to: addDays(today, 30) };
    default: return null;
  }
}

/**
 * The filtered present stays, from stays alone (and persons for a nationality): counting them
 * reads the present index only; the person, document and lodging of a page are joined after.
 */
function presentStays(db: Kysely<Database>, actor: Actor, f: PresentFilter, today: string) {
  const scope = scopeFor(actor);
  let q = db.selectFrom('stays')
    .where('stays.departure_date', 'is', null).where('stays.cancelled_at', 'is', null)
    .where((eb) => scope.where(eb, { region: 'stays.region_code', org: 'stays.lodging_id' }));
  if (f.region) q = q.where((eb) => regionWithin(eb, 'stays.region_code', f.region!));
  const can = (group: Parameters<typeof sees>[1]) => sees(actor, group);
  if (f.nationality) {
    q = can('identity')
      ? q.where('stays.person_id', 'in', (eb: EB) => eb.selectFrom('persons').select('persons.id').where('persons.nationality', '=', f.nationality!))
      : q.where(NOTHING);
  }
  if (f.reportKind) q = q.where('stays.report_kind', '=', f.reportKind as 'lodging');
  if (f.permitKind) q = can('permit') ? q.where('stays.permit_kind', '=', f.permitKind) : q.where(NOTHING);
  if (f.lodging) q = can('whereabouts') ? q.where('stays.lodging_id', '=', f.lodging) : q.where(NOTHING);
  if (f.village) q = can('whereabouts') ? q.where((eb) => regionWithin(eb, 'stays.region_code', f.village!)) : q.where(NOTHING);
  const window = permitWindow(f.status, today);
  if (window) {
    if (!can('permit')) q = q.where(NOTHING);
    else {
      if (window.from) q = q.where('stays.permit_valid_until', '>=', window.from);
      if (window.to) q = q.where('stays.permit_valid_until', '<=', window.to);
    }
  }
  // findings is a JSON array of strings; late_report is a whereabouts fact
  if (f.status === 'late') q = can('whereabouts') ? q.where('stays.findings', 'like', '%"late_report"%') : q.where(NOTHING);
  if (f.status === 'conflict') {
    q = can('screening')
      ? q.where('stays.person_id', 'in', (eb: EB) => eb.selectFrom('identity_conflicts as ic').select('ic.person_id')
        .where('ic.status', '=', 'open').where((e) => scope.where(e, { region: 'ic.region_code' })))
      : q.where(NOTHING);
  }
  return q;
}

/** Present stays joined to their person, document and lodging. */
const withPerson = (stays: ReturnType<typeof presentStays>) => stays
  .innerJoin('persons', 'persons.id', 'stays.person_id')
  .innerJoin('reporter_orgs as lodging', 'lodging.id', 'stays.lodging_id')
  .innerJoin('person_documents as doc', 'doc.id', 'stays.document_id');

/** Sorts on the stay's own columns: the page is picked from stays before anything is joined. */
const STAY_SORTS = new Set<PresentSort>(['arrival', 'permitUntil']);

/** The sort columns: a hidden field never orders the list (it would leak), arrival stands in. */
function sortColumns(actor: Actor, sort: PresentSort): string[] {
  const arrival = sees(actor, 'whereabouts') ? ['stays.arrival_date'] : [];
  switch (sort) {
    case 'name': return sees(actor, 'identity') ? ['persons.surname', 'persons.given_names'] : arrival;
    case 'nationality': return sees(actor, 'identity') ? ['persons.nationality', 'persons.surname'] : arrival;
    case 'permitUntil': return sees(actor, 'permit') ? ['stays.permit_valid_until'] : arrival;
    case 'lodging': return sees(actor, 'whereabouts') ? ['lodging.name', 'stays.arrival_date'] : [];
    default: return arrival;
  }
}

/** One page of everyone present in the actor's scope (or a region of it), with the total. */
export async function listPresent(db: Kysely<Database>, actor: Actor, f: PresentFilter, today: string) {
  const total = await presentStays(db, actor, f, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sort = f.sort ?? 'arrival';
  const dir = f.dir ?? (sort === 'arrival' ? 'desc' : 'asc');
  const offset = (f.page - 1) * f.pageSize;
  const ordered = <Q extends SelectQueryBuilder<any, any, any>>(q: Q): Q => {
    let out: SelectQueryBuilder<any, any, any> = q;
    // permit_valid_until null (ITAP, diplomatic) sorts last either way
    if (sort === 'permitUntil' && sees(actor, 'permit')) out = out.orderBy(sql`case when stays.permit_valid_until is null then 1 else 0 end`);
    for (const column of sortColumns(actor, sort)) out = out.orderBy(sql.ref(column), dir);
    return out.orderBy('stays.id') as Q;
  };
  // sorted by a stay's own column, the page's stays are picked before anything is joined
  const byStay = STAY_SORTS.has(sort);
  const stays = byStay
    ? db.selectFrom('stays').where('stays.id', 'in', ordered(presentStays(db, actor, f, today).select('stays.id')).limit(f.pageSize).offset(offset))
    : presentStays(db, actor, f, today);
  const page = ordered(withPerson(stays).leftJoin('regions as village', 'village.code', 'stays.region_code').select([
    'stays.id as stay_id', 'stays.person_id', 'stays.region_code', 'stays.report_kind', 'stays.arrival_date',
    'stays.permit_kind', 'stays.permit_valid_until', 'stays.lodging_id', 'lodging.name as lodging_name', 'village.name as village_name',
    'persons.surname', 'persons.given_names', 'persons.nationality', 'persons.sex', 'doc.number as document_number', 'doc.expiry_date as document_expiry',
  ]));
  const rows = await (byStay ? page : page.limit(f.pageSize).offset(offset)).execute();
  return { rows, total: Number(total.n) };
}

export type PresentRow = Awaited<ReturnType<typeof listPresent>>['rows'][number];
