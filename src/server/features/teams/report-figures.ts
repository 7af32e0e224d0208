import { type Kysely, sql } from 'kysely';
import { localDate, type TimeZoneName } from '../../../domain/regions';
import type { Database } from '../../db/schema';
import { regionWithin } from '../../policies/scope';
import type { Period } from './report-period';

// The figures of a team's periodic report, computed once here and used by the PDF, the XLSX,
// the JSON answer and the test that checks them against the database. Aggregates only: no
// person appears in a report. Sightings, cases and operations come from tables other features
// own; where such a table (or a column this report needs) does not exist, its figures are
// marked not available rather than guessed.

export type Counts = Record<string, number>;
export interface ReportFigures {
  team: { id: string; name: string; regionCode: string; regionName: string; timeZone: TimeZoneName; skNumber: string; skDate: string; skIssuer: string; budgetYear: number };
  period: Period;
  /** the day "present" is counted on: the period's last day, or today if the period is not over */
  presentOn: string;
  foreigners: {
    reported: number; reportedByNationality: Counts; reportedByPermitKind: Counts; reportedByReportKind: Counts;
    present: number; presentByNationality: Counts; presentByPermitKind: Counts; presentByReportKind: Counts;
  };
  sightings: { available: boolean; total: number; byStatus: Counts };
  cases: { available: boolean; opened: number; closed: number; closedByAction: Counts };
  operations: { available: boolean; planned: number; held: number };
  alerts: { raised: number; raisedBySeverity: Counts; resolved: number; resolvedByOutcome: Counts };
  meetings: { scheduled: number; held: number; agreements: number; tasks: number; tasksDone: number; tasksOpenOverdue: number; completionPercent: number | null };
}

type Row = { key: string | null; n: number | string | bigint };
const toCounts = (rows: Row[]): Counts =>
  Object.fromEntries(rows.map((r) => [r.key ?? '-', Number(r.n)] as [string, number]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);

export async function reportFigures(db: Kysely<Database>, teamId: string, period: Period, now = new Date()): Promise<ReportFigures> {
  const t = await db.selectFrom('teams').innerJoin('regions', 'regions.code', 'teams.region_code')
    .select(['teams.id', 'teams.name', 'teams.region_code', 'regions.name as region_name', 'regions.time_zone', 'teams.sk_number', 'teams.sk_date', 'teams.sk_issuer', 'teams.budget_year'])
    .where('teams.id', '=', teamId).executeTakeFirstOrThrow();
  const area = t.region_code;
  const today = localDate(now, t.time_zone);
  const presentOn = period.to < today ? period.to : today;

  // reported: reports whose arrival falls in the period; present: on presentOn
  const reported = db.selectFrom('stays').where((eb) => regionWithin(eb, 'stays.region_code', area))
    .where('stays.arrival_date', '>=', period.from).where('stays.arrival_date', '<=', period.to);
  const present = db.selectFrom('stays').where((eb) => regionWithin(eb, 'stays.region_code', area))
    .where('stays.arrival_date', '<=', presentOn)
    .where((eb) => eb.or([eb('stays.departure_date', 'is', null), eb('stays.departure_date', '>', presentOn)]));
  const by = async (q: typeof reported, column: 'persons.nationality' | 'stays.permit_kind' | 'stays.report_kind') =>
    toCounts(await q.innerJoin('persons', 'persons.id', 'stays.person_id').select([sql<string>`${sql.ref(column)}`.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(column).execute());
  const reportedByNationality = await by(reported, 'persons.nationality');
  const presentByNationality = await by(present, 'persons.nationality');

  const alertsIn = (column: 'created_at' | 'resolved_at') => db.selectFrom('alerts').where((eb) => regionWithin(eb, 'alerts.region_code', area))
    .where(`alerts.${column}`, '>=', period.fromUtc).where(`alerts.${column}`, '<', period.untilUtc);
  const raisedBySeverity = toCounts(await alertsIn('created_at').select(['alerts.severity as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('alerts.severity').execute());
  const resolvedByOutcome = toCounts(await alertsIn('resolved_at').where('alerts.status', '=', 'resolved')
    .select(['alerts.resolution as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('alerts.resolution').execute());

  return {
    team: { id: t.id, name: t.name, regionCode: area, regionName: t.region_name, timeZone: t.time_zone, skNumber: t.sk_number, skDate: t.sk_date, skIssuer: t.sk_issuer, budgetYear: Number(t.budget_year) },
    period, presentOn,
    foreigners: {
      reported: sum(reportedByNationality), reportedByNationality, reportedByPermitKind: await by(reported, 'stays.permit_kind'), reportedByReportKind: await by(reported, 'stays.report_kind'),
      present: sum(presentByNationality), presentByNationality, presentByPermitKind: await by(present, 'stays.permit_kind'), presentByReportKind: await by(present, 'stays.report_kind'),
    },
    ...(await otherFeatures(db, area, period)),
    alerts: { raised: sum(raisedBySeverity), raisedBySeverity, resolved: sum(resolvedByOutcome), resolvedByOutcome },
    meetings: await meetingFigures(db, teamId, period, today),
  };
}

async function meetingFigures(db: Kysely<Database>, teamId: string, period: Period, today: string): Promise<ReportFigures['meetings']> {
  const meetings = await db.selectFrom('meetings').select(['id', 'status']).where('team_id', '=', teamId)
    .where('starts_at', '>=', period.fromUtc).where('starts_at', '<', period.untilUtc).execute();
  const ids = meetings.map((m) => m.id);
  const agreements = ids.length ? Number((await db.selectFrom('meeting_agreements').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', 'in', ids).executeTakeFirstOrThrow()).n) : 0;
  const tasks = ids.length ? await db.selectFrom('team_tasks').select(['status', 'due_on']).where('meeting_id', 'in', ids).execute() : [];
  const done = tasks.filter((x) => x.status === 'done').length;
  return {
    scheduled: meetings.length, held: meetings.filter((m) => m.status === 'held').length, agreements,
    tasks: tasks.length, tasksDone: done, tasksOpenOverdue: tasks.filter((x) => x.status === 'open' && x.due_on < today).length,
    completionPercent: tasks.length ? Math.round((done / tasks.length) * 100) : null,
  };
}

/** Columns of the tables that exist, by table name. */
async function columnsOf(db: Kysely<Database>, names: string[]): Promise<Map<string, Set<string>>> {
  const tables = await db.introspection.getTables();
  return new Map(tables.filter((t) => names.includes(t.name)).map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
}
const has = (cols: Map<string, Set<string>>, table: string, ...names: string[]) => names.every((n) => cols.get(table)?.has(n));

async function otherFeatures(db: Kysely<Database>, area: string, p: Period) {
  const any = db as unknown as Kysely<any>;
  const cols = await columnsOf(db, ['sightings', 'cases', 'operations']);
  const count = (n: { n: unknown } | undefined) => Number(n?.n ?? 0);

  const sightings: ReportFigures['sightings'] = { available: false, total: 0, byStatus: {} };
  if (has(cols, 'sightings', 'observed_at', 'village_code', 'status')) {
    sightings.available = true;
    sightings.byStatus = toCounts(await any.selectFrom('sightings').where((eb) => regionWithin(eb, 'village_code', area))
      .where('observed_at', '>=', p.fromUtc).where('observed_at', '<', p.untilUtc)
      .select(['status as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute());
    sightings.total = sum(sightings.byStatus);
  }

  const cases: ReportFigures['cases'] = { available: false, opened: 0, closed: 0, closedByAction: {} };
  if (has(cols, 'cases', 'region_code', 'created_at', 'closed_at', 'action_kind')) {
    cases.available = true;
    const inArea = () => any.selectFrom('cases').where((eb) => regionWithin(eb, 'region_code', area));
    cases.opened = count(await inArea().where('created_at', '>=', p.fromUtc).where('created_at', '<', p.untilUtc)
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
    // the action: the administrative measure where there is one (deportation, ...), else its kind
    const action = has(cols, 'cases', 'action_measure') ? sql<string>`coalesce(action_measure, action_kind)` : sql<string>`action_kind`;
    cases.closedByAction = toCounts(await inArea().where('closed_at', '>=', p.fromUtc).where('closed_at', '<', p.untilUtc)
      .select([action.as('key'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(action).execute());
    cases.closed = sum(cases.closedByAction);
  }

  const operations: ReportFigures['operations'] = { available: false, planned: 0, held: 0 };
  if (has(cols, 'operations', 'region_code', 'planned_on', 'status')) {
    operations.available = true;
    const rows = await any.selectFrom('operations').where((eb) => regionWithin(eb, 'region_code', area))
      .where('planned_on', '>=', p.from).where('planned_on', '<=', p.to).select(['status']).execute();
    operations.planned = rows.length;
    operations.held = rows.filter((r: { status: string }) => r.status === 'done').length;
  }
  return { sightings, cases, operations };
}
