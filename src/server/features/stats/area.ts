import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { addDays } from '../../../domain/dates';
import type { Database } from '../../db/schema';
import { regionWithin } from '../../policies/scope';

// The live area picture (issue #8, item 4): aggregates only, no personal data. Built to stay fast
// at national scale: present figures read the partial index of present stays (stays_present_region),
// arrivals the (region, arrival) index, departures the (region, departure) index; the region filter
// is the range form of regionWithin, days are grouped in SQL. Stay dates are already the region's
// local dates (WITA for Soppeng), so a day here is a day there.

export interface AreaPeriod { from: string; to: string }
export const TOP_LODGINGS = 10;

type Row = { key: string | null; n: number | string | bigint };
const num = (v: unknown) => Number(v ?? 0);
const counts = (rows: Row[]) => rows.map((r) => ({ key: r.key ?? '', n: num(r.n) })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));

/** Length of a child's code one level below a region: '73' → '73.12' (5), → '73.12.01' (8), → village (13). */
export function childCodeLength(region: string): number | null {
  const level = region.split('.').length;
  return level === 1 ? 5 : level === 2 ? 8 : level === 3 ? 13 : null;
}

/** The regency (first five characters of a village code): what the regency indexes of migration 0027 lead with. */
const REGENCY = sql<string>`substr(stays.region_code, 1, 5)`;

/**
 * Stays of a region for a period's figures: a province or regency by its regencies' codes (a seek
 * per regency into the period), a district or village by the code range (few stays either way).
 */
async function periodScope(db: Kysely<Database>, region: string) {
  const level = region.split('.').length;
  if (level > 2) return (eb: ExpressionBuilder<Database, 'stays'>) => regionWithin(eb, 'stays.region_code', region);
  const regencies = level === 2 ? [region]
    : (await db.selectFrom('regions').select('code').where('parent_code', '=', region).execute()).map((r) => r.code);
  return (eb: ExpressionBuilder<Database, 'stays'>) => (regencies.length ? eb(REGENCY, 'in', regencies) : sql<boolean>`1 = 0`);
}

export async function areaFigures(db: Kysely<Database>, region: string, today: string, period: AreaPeriod) {
  const within = (eb: ExpressionBuilder<Database, 'stays'>) => regionWithin(eb, 'stays.region_code', region);
  const inPeriodScope = await periodScope(db, region);
  const present = db.selectFrom('stays').where('stays.departure_date', 'is', null).where('stays.cancelled_at', 'is', null).where(within);
  const soon = addDays(today, 30);

  const totals = await present.select([
    sql<number>`count(*)`.as('n'),
    sql<number>`sum(case when stays.permit_valid_until < ${today} then 1 else 0 end)`.as('overstaying'),
    sql<number>`sum(case when stays.permit_valid_until >= ${today} and stays.permit_valid_until <= ${soon} then 1 else 0 end)`.as('expiring30'),
  ]).executeTakeFirstOrThrow();
  // the report keeps the nationality it gave: no join with persons for a province's present guests
  const byNationality = await present.select(['stays.reported_nationality as key', sql<number>`count(*)`.as('n')]).groupBy('stays.reported_nationality').execute();
  const byPermitKind = await present.select(['stays.permit_kind as key', sql<number>`count(*)`.as('n')]).groupBy('stays.permit_kind').execute();
  const byPurpose = await present.select(['stays.report_kind as key', sql<number>`count(*)`.as('n')]).groupBy('stays.report_kind').execute();
  const topLodgings = await present.select(['stays.lodging_id as key', sql<number>`count(*)`.as('n')]).groupBy('stays.lodging_id')
    .orderBy(sql`count(*)`, 'desc').orderBy('stays.lodging_id').limit(TOP_LODGINGS).execute();
  const lodgingNames = topLodgings.length === 0 ? [] : await db.selectFrom('reporter_orgs').select(['id', 'name', 'village_code', 'kind'])
    .where('id', 'in', topLodgings.map((l) => l.key)).execute();
  const names = new Map(lodgingNames.map((l) => [l.id, l]));

  const arrivals = await db.selectFrom('stays').where(inPeriodScope).where('stays.arrival_date', '>=', period.from).where('stays.arrival_date', '<=', period.to)
    .where('stays.cancelled_at', 'is', null)
    .select([sql<string>`substr(stays.arrival_date, 1, 10)`.as('day'), sql<number>`count(*)`.as('n')]).groupBy(sql`substr(stays.arrival_date, 1, 10)`).execute();
  const departures = await db.selectFrom('stays').where(inPeriodScope).where('stays.departure_date', '>=', period.from).where('stays.departure_date', '<=', period.to)
    .where('stays.cancelled_at', 'is', null)
    .select([sql<string>`substr(stays.departure_date, 1, 10)`.as('day'), sql<number>`count(*)`.as('n')]).groupBy(sql`substr(stays.departure_date, 1, 10)`).execute();

  // reports in the period (by the day of arrival they report): per kind, per channel, late ones
  const reports = await db.selectFrom('stays').leftJoin('import_rows', 'import_rows.stay_id', 'stays.id')
    .where(inPeriodScope).where('stays.arrival_date', '>=', period.from).where('stays.arrival_date', '<=', period.to).where('stays.cancelled_at', 'is', null)
    .select([
      'stays.report_kind as kind',
      sql<string>`case when import_rows.stay_id is null then 'direct' else 'import' end`.as('channel'),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when stays.findings like '%"late_report"%' then 1 else 0 end)`.as('late'),
    ])
    .groupBy(['stays.report_kind', sql`case when import_rows.stay_id is null then 'direct' else 'import' end`]).execute();

  return {
    present: {
      total: num(totals.n), overstaying: num(totals.overstaying), expiring30: num(totals.expiring30),
      byNationality: counts(byNationality), byPermitKind: counts(byPermitKind),
      byPurpose: counts(byPurpose),
      byLodging: topLodgings.map((l) => ({
        id: l.key, name: names.get(l.key)?.name ?? '', villageCode: names.get(l.key)?.village_code ?? '', kind: names.get(l.key)?.kind ?? '', n: num(l.n),
      })),
    },
    daily: fillDays(period, arrivals, departures),
    reports: reportsSummary(reports),
  };
}

function fillDays(period: AreaPeriod, arrivals: { day: string; n: unknown }[], departures: { day: string; n: unknown }[]) {
  const a = new Map(arrivals.map((r) => [r.day, num(r.n)]));
  const d = new Map(departures.map((r) => [r.day, num(r.n)]));
  const days: { date: string; arrivals: number; departures: number }[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push({ date: day, arrivals: a.get(day) ?? 0, departures: d.get(day) ?? 0 });
  return days;
}

function reportsSummary(rows: { kind: string; channel: string; n: unknown; late: unknown }[]) {
  const byKind: Record<string, number> = { lodging: 0, work: 0, residence: 0 };
  const byChannel: Record<string, number> = { direct: 0, import: 0 };
  let total = 0;
  let late = 0;
  for (const r of rows) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + num(r.n);
    byChannel[r.channel] = (byChannel[r.channel] ?? 0) + num(r.n);
    total += num(r.n);
    late += num(r.late);
  }
  return { total, late, byKind, byChannel };
}

/** The regions one level below, each with its present and overstaying counts (from the present index). */
export async function areaChildren(db: Kysely<Database>, region: string, today: string) {
  const length = childCodeLength(region);
  if (length === null) return [];
  const regions = await db.selectFrom('regions').select(['code', 'name', 'level']).where('parent_code', '=', region).orderBy('code').execute();
  const child = sql<string>`substr(stays.region_code, 1, ${sql.lit(length)})`;
  const rows = await db.selectFrom('stays').where('stays.departure_date', 'is', null).where('stays.cancelled_at', 'is', null)
    .where((eb) => regionWithin(eb, 'stays.region_code', region))
    .select([child.as('code'), sql<number>`count(*)`.as('n'), sql<number>`sum(case when stays.permit_valid_until < ${today} then 1 else 0 end)`.as('over')])
    .groupBy(child).execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return regions.map((r) => ({ code: r.code, name: r.name, level: Number(r.level), present: num(byCode.get(r.code)?.n), overstaying: num(byCode.get(r.code)?.over) }));
}
