import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { scopeFor } from '../../policies/scope';

// Alerts in the actor's area; watchlist hits only for the agencies they go to.

export interface AlertFilter {
  status?: 'open' | 'new' | 'acknowledged' | 'assigned' | 'resolved';
  severity?: 'low' | 'medium' | 'high';
  rule?: string;
  source?: 'rule' | 'watchlist';
  personId?: string;
  sort: 'newest' | 'severity';
  page: number;
  pageSize: number;
}

const WATCHLIST_AGENCIES = ['imigrasi', 'polres', 'bin'];
const SEVERITY_RANK = sql<number>`case alerts.severity when 'high' then 0 when 'medium' then 1 else 2 end`;

function scoped(db: Kysely<Database>, actor: Actor) {
  const scope = scopeFor(actor);
  const kind = actor.role === 'immigration_officer' ? 'imigrasi' : actor.agencyKind ?? '';
  let q = db.selectFrom('alerts').leftJoin('persons', 'persons.id', 'alerts.person_id')
    .where((eb) => scope.where(eb, { region: 'alerts.region_code' }));
  if (!WATCHLIST_AGENCIES.includes(kind)) q = q.where('alerts.source', '!=', 'watchlist');
  return q;
}

export async function listAlerts(db: Kysely<Database>, actor: Actor, f: AlertFilter) {
  let q = scoped(db, actor);
  if (f.status === 'open') q = q.where('alerts.status', '!=', 'resolved');
  else if (f.status) q = q.where('alerts.status', '=', f.status);
  if (f.severity) q = q.where('alerts.severity', '=', f.severity);
  if (f.rule) q = q.where('alerts.rule', '=', f.rule);
  if (f.source) q = q.where('alerts.source', '=', f.source);
  if (f.personId) q = q.where('alerts.person_id', '=', f.personId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = q.selectAll('alerts').select(['persons.surname', 'persons.given_names', 'persons.nationality']);
  rows = f.sort === 'severity' ? rows.orderBy(SEVERITY_RANK).orderBy('alerts.created_at', 'desc') : rows.orderBy('alerts.created_at', 'desc');
  const items = await rows.orderBy('alerts.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items, total: Number(total.n) };
}

/** Open alerts by severity, for the dashboard. */
export async function countOpenAlerts(db: Kysely<Database>, actor: Actor): Promise<Record<'low' | 'medium' | 'high', number>> {
  const rows = await scoped(db, actor).where('alerts.status', '!=', 'resolved')
    .select(['alerts.severity', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('alerts.severity').execute();
  const out = { low: 0, medium: 0, high: 0 };
  for (const r of rows) out[r.severity] = Number(r.n);
  return out;
}

export async function loadAlertDetail(db: Kysely<Database>, id: string) {
  const alert = await db.selectFrom('alerts').leftJoin('persons', 'persons.id', 'alerts.person_id').selectAll('alerts')
    .select(['persons.surname', 'persons.given_names', 'persons.nationality']).where('alerts.id', '=', id).executeTakeFirstOrThrow();
  const activity = await db.selectFrom('alert_activity').selectAll().where('alert_id', '=', id).orderBy('at').orderBy('id').execute();
  const agency = alert.assigned_agency_id
    ? await db.selectFrom('agencies').select('name').where('id', '=', alert.assigned_agency_id).executeTakeFirst() : undefined;
  return { alert, activity, assignedAgencyName: agency?.name ?? null };
}
