import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { localDate } from '../../../domain/regions';
import { PROVINCES_IN_ZONE } from '../../../domain/regions/timezones';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import type { ReportKind } from '../../../domain/reports/kinds';
import { sees } from '../../policies/fields';
import { regionWithin, scopeFor } from '../../policies/scope';

// Reads of stays. Lists are scoped inside the query (scopeFor); a stay shows the identity
// as its reporter gave it, not whatever its person record says today.

function staysWithPeople(db: Kysely<Database>) {
  return db.selectFrom('stays')
    .innerJoin('person_documents as doc', 'doc.id', 'stays.document_id')
    .innerJoin('reporter_orgs as lodging', 'lodging.id', 'stays.lodging_id')
    // a worker's employment (work reports only; null columns for other kinds)
    .leftJoin('stay_employments as emp', 'emp.stay_id', 'stays.id')
    .select([
      'stays.id', 'stays.receipt_number', 'stays.person_id', 'stays.lodging_id', 'stays.region_code', 'stays.arrival_date',
      'stays.planned_departure', 'stays.departure_date', 'stays.room', 'stays.permit_kind', 'stays.permit_number',
      'stays.permit_valid_from', 'stays.permit_valid_until', 'stays.created_at', 'stays.changed_at', 'stays.reported_by', 'stays.findings',
      'stays.reported_surname as surname', 'stays.reported_given_names as given_names', 'stays.reported_sex as sex',
      'stays.reported_date_of_birth as date_of_birth', 'stays.reported_nationality as nationality',
      'stays.reported_document_expiry as expiry_date',
      'doc.type as document_type', 'doc.number as document_number', 'doc.issuing_state',
      'lodging.name as lodging_name', 'stays.report_kind',
      'stays.receipt_group', 'stays.document_id', 'stays.arrival_time', 'stays.cancelled_at', 'stays.cancel_reason', 'stays.checked_out_at',
      'emp.position as emp_position', 'emp.worksite_address as emp_worksite_address', 'emp.worksite_village_code as emp_worksite_village_code',
      'emp.lat as emp_lat', 'emp.lng as emp_lng', 'emp.work_permit_ref as emp_work_permit_ref',
      'emp.period_from as emp_period_from', 'emp.period_until as emp_period_until',
    ]);
}

export type StayRecord = NonNullable<Awaited<ReturnType<typeof loadStayRecord>>>;

export function loadStayRecord(db: Kysely<Database>, id: string) {
  return staysWithPeople(db).where('stays.id', '=', id).executeTakeFirst();
}

/** Every stay a receipt lists, head first then its lines in order (`<receipt>-2`, `-3`, ...). */
export async function loadReceiptGroup(db: Kysely<Database>, receiptGroup: string) {
  const rows = await staysWithPeople(db).where('stays.receipt_group', '=', receiptGroup).execute();
  const line = (n: string) => (n === receiptGroup ? 1 : Number(n.slice(receiptGroup.length + 1)));
  return rows.sort((a, b) => line(a.receipt_number) - line(b.receipt_number));
}

/** The scope's view of a loaded stay: where it is and which organisation reported it. */
export const stayScope = (stay: { region_code: string; lodging_id: string }) => ({ regionCode: stay.region_code, orgId: stay.lodging_id });

export interface StayListFilter {
  page: number; pageSize: number; present?: boolean; region?: string; q?: string; reportKind?: ReportKind;
  /** present stays whose planned departure has passed (the lodging's "to close" list) */
  toClose?: boolean;
  sort: 'createdAt' | '-createdAt' | 'arrivalDate' | '-arrivalDate' | 'surname' | '-surname';
}

const SORT_COLUMNS = { createdAt: 'stays.created_at', arrivalDate: 'stays.arrival_date', surname: 'stays.reported_surname' } as const;

/**
 * Present stays whose planned departure lies before today in the lodging's own zone (fixed by
 * province: WIB, WITA, WIT), so a guest due to leave today is not yet "to close".
 */
export function toCloseWhere(eb: ExpressionBuilder<any, any>, now: Date) {
  const wita = [...PROVINCES_IN_ZONE.WITA].map((p) => `'${p}'`).join(',');
  const wit = [...PROVINCES_IN_ZONE.WIT].map((p) => `'${p}'`).join(',');
  const today = sql<string>`case when substr(stays.region_code, 1, 2) in (${sql.raw(wita)}) then ${localDate(now, 'WITA')}
    when substr(stays.region_code, 1, 2) in (${sql.raw(wit)}) then ${localDate(now, 'WIT')} else ${localDate(now, 'WIB')} end`;
  return eb.and([
    eb('stays.departure_date', 'is', null), eb('stays.cancelled_at', 'is', null), eb('stays.planned_departure', 'is not', null),
    eb('stays.planned_departure', '<', today),
  ]);
}

export async function listStays(db: Kysely<Database>, actor: Actor, f: StayListFilter) {
  const scope = scopeFor(actor);
  let q = staysWithPeople(db).where((eb) => scope.where(eb, { region: 'stays.region_code', org: 'stays.lodging_id' }));
  if (f.region) q = q.where((eb) => regionWithin(eb, 'stays.region_code', f.region!));
  if (f.reportKind) q = q.where('stays.report_kind', '=', f.reportKind);
  // a cancelled report is kept but is never present
  if (f.present === true) q = q.where('stays.departure_date', 'is', null).where('stays.cancelled_at', 'is', null);
  if (f.present === false) q = q.where((eb) => eb.or([eb('stays.departure_date', 'is not', null), eb('stays.cancelled_at', 'is not', null)]));
  if (f.toClose) q = q.where((eb) => toCloseWhere(eb, new Date()));
  if (f.q) {
    // Search matches only fields the actor may see: otherwise a hidden passport number
    // could be rebuilt one character at a time from which searches return rows.
    const term = `%${f.q.toUpperCase().replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([
      ...(sees(actor, 'identity') ? [eb(sql`upper(stays.reported_surname)`, 'like', term), eb(sql`upper(stays.reported_given_names)`, 'like', term)] : []),
      ...(sees(actor, 'document') ? [eb('doc.number', 'like', term)] : []),
      ...(sees(actor, 'whereabouts') ? [eb('stays.receipt_number', 'like', term)] : []),
      sql<boolean>`1 = 0`,
    ]));
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const desc = f.sort.startsWith('-');
  const key = f.sort.replace('-', '') as keyof typeof SORT_COLUMNS;
  // sorting by a hidden field would leak its order just as searching would
  const column = key === 'surname' && !sees(actor, 'identity') ? SORT_COLUMNS.createdAt : SORT_COLUMNS[key];
  const rows = await q.orderBy(column, desc ? 'desc' : 'asc').orderBy('stays.id')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: Number(total.n) };
}

export interface ChangedFilter { since: string; cursor?: string; pageSize: number }

const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return at && id && !Number.isNaN(Date.parse(at)) ? { at, id } : null;
}

/**
 * Reconciliation for hotel software: the stays in the actor's scope (a lodging: its own)
 * created or changed at or after `since`, oldest change first, `pageSize` at a time. The
 * cursor is the last (changed_at, id) returned, so a page never repeats or skips a stay.
 * Returns null for a cursor that is not ours.
 */
export async function listChangedStays(db: Kysely<Database>, actor: Actor, f: ChangedFilter) {
  const scope = scopeFor(actor);
  const after = f.cursor ? decodeCursor(f.cursor) : null;
  if (f.cursor && !after) return null;
  let q = staysWithPeople(db).where((eb) => scope.where(eb, { region: 'stays.region_code', org: 'stays.lodging_id' }))
    .where('stays.changed_at', '>=', f.since);
  if (after) {
    q = q.where((eb) => eb.or([
      eb('stays.changed_at', '>', after.at), eb.and([eb('stays.changed_at', '=', after.at), eb('stays.id', '>', after.id)]),
    ]));
  }
  const rows = await q.orderBy('stays.changed_at').orderBy('stays.id').limit(f.pageSize + 1).execute();
  const page = rows.slice(0, f.pageSize);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > f.pageSize && last ? encodeCursor(last.changed_at ?? last.created_at, last.id) : null };
}
