import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../auth/actor';
import { inArea } from './rules';

// One scope (as Immich's access layer): what records an actor may know exist at all.
// Lists use the Kysely fragment, single-record reads the predicate; both say the same.
//   reporter      → records of its own organisation
//   officer       → records whose region lies in one of its areas (own area + active teams)
//   anyone else   → nothing (administrators and auditors see no personal data)
// Outside the scope a record answers 404; inside but not allowed, 403.

/** Where a record lives and who reported it, as the scope looks at it. */
export interface Scoped { regionCode: string; orgId?: string | null }
/** The columns that hold those facts in a query. */
export interface ScopeColumns { region: string; org?: string }

export interface Scope {
  /** The fragment for a list's where(): `q.where((eb) => scope.where(eb, { region: 'stays.region_code', org: 'stays.lodging_id' }))`. */
  where<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, columns: ScopeColumns): Expression<SqlBool>;
  /** The same decision for one loaded record. */
  contains(record: Scoped): boolean;
}

const NOTHING = sql<SqlBool>`1 = 0`;

/** Region column within one of the areas (the region itself or any region below it). */
export function regionWithin<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>, column: string, areas: string | readonly string[] | null,
): Expression<SqlBool> {
  const list = areas === null ? [] : typeof areas === 'string' ? [areas] : areas;
  if (list.length === 0) return NOTHING;
  const ref = eb.ref(column as any);
  // One range per area, not LIKE 'area.%' nor "= area or ...": both databases walk one index range.
  // Codes are digit groups joined by '.', and '/' sorts right after '.', so [area, area + '/')
  // holds exactly the area and every code below it.
  const range = (area: string) => eb.and([eb(ref, '>=', area), eb(ref, '<', `${area}/`)]);
  return list.length === 1 ? range(list[0]!) : eb.or(list.map(range));
}

export function scopeFor(actor: Actor): Scope {
  if (actor.role === 'reporter') {
    const orgId = actor.reporterOrg?.id ?? null;
    return {
      where: (eb, columns) => (orgId && columns.org ? eb(eb.ref(columns.org as any), '=', orgId) : NOTHING),
      contains: (record) => orgId !== null && record.orgId === orgId,
    };
  }
  if (actor.role === 'immigration_officer' || actor.role === 'timpora_member') {
    return {
      where: (eb, columns) => regionWithin(eb, columns.region, actor.areas),
      contains: (record) => inArea(actor, record.regionCode),
    };
  }
  return { where: () => NOTHING, contains: () => false };
}
