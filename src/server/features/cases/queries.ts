import type { Kysely } from 'kysely';
import { isWithinArea } from '../../../domain/regions';
import type { Actor } from '../../auth/actor';
import type { CaseStatus, CasesTable, Database } from '../../db/schema';
import { sees } from '../../policies/fields';
import { isOfficer } from '../../policies/rules';
import { scopeFor } from '../../policies/scope';

// Cases the actor may read (the same decision as policy.ts read, as a query): in its area, and
// either all of them (screening agencies, immigration) or those of its own agency.

export interface CaseFilter {
  status?: CaseStatus | 'active';
  mine?: 'me' | 'agency';
  sourceKind?: CasesTable['source_kind'];
  sourceId?: string;
  page: number;
  pageSize: number;
}

function readable(db: Kysely<Database>, actor: Actor) {
  const scope = scopeFor(actor);
  let q = db.selectFrom('cases').where((eb) => scope.where(eb, { region: 'cases.region_code' }));
  if (!isOfficer(actor)) return q.where('cases.id', '=', '');
  if (!sees(actor, 'screening')) {
    const agency = actor.agencyId ?? '';
    q = q.where((eb) => eb.or([eb('cases.assigned_agency_id', '=', agency), eb('cases.opened_by_agency_id', '=', agency)]));
  }
  return q;
}

export async function listCases(db: Kysely<Database>, actor: Actor, f: CaseFilter) {
  let q = readable(db, actor);
  if (f.status === 'active') q = q.where('cases.status', '!=', 'closed');
  else if (f.status) q = q.where('cases.status', '=', f.status);
  if (f.mine === 'me') q = q.where('cases.assigned_user_id', '=', actor.id);
  if (f.mine === 'agency') q = q.where('cases.assigned_agency_id', '=', actor.agencyId ?? '');
  if (f.sourceKind) q = q.where('cases.source_kind', '=', f.sourceKind);
  if (f.sourceId) q = q.where('cases.source_id', '=', f.sourceId);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const items = await q.leftJoin('agencies', 'agencies.id', 'cases.assigned_agency_id').selectAll('cases').select('agencies.name as assigned_agency_name')
    .orderBy('cases.updated_at', 'desc').orderBy('cases.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items, total };
}

export async function loadCaseDetail(db: Kysely<Database>, id: string) {
  const c = await db.selectFrom('cases').leftJoin('agencies', 'agencies.id', 'cases.assigned_agency_id').leftJoin('users', 'users.id', 'cases.assigned_user_id')
    .selectAll('cases').select(['agencies.name as assigned_agency_name', 'users.display_name as assigned_user_name'])
    .where('cases.id', '=', id).executeTakeFirstOrThrow();
  const events = await db.selectFrom('case_events').selectAll().where('case_id', '=', id).orderBy('at').orderBy('id').execute();
  const persons = await db.selectFrom('case_persons').innerJoin('persons', 'persons.id', 'case_persons.person_id')
    .select(['persons.id', 'persons.surname', 'persons.given_names', 'persons.nationality', 'persons.date_of_birth', 'case_persons.added_at'])
    .where('case_persons.case_id', '=', id).orderBy('case_persons.added_at').execute();
  const attachments = await db.selectFrom('case_attachments').select(['id', 'event_id', 'filename', 'content_type', 'size', 'created_at'])
    .where('case_id', '=', id).orderBy('created_at').execute();
  return { c, events, persons, attachments };
}

/** Agencies a case of the actor's area can go to, with their officers (for the assignment form). */
export async function assignableAgencies(db: Kysely<Database>, actor: Actor) {
  const agencies = (await db.selectFrom('agencies').select(['id', 'name', 'kind', 'region_code']).orderBy('name').execute())
    .filter((a) => actor.areas.some((area) => isWithinArea(area, a.region_code) || isWithinArea(a.region_code, area)));
  const users = agencies.length
    ? await db.selectFrom('users').select(['id', 'display_name', 'agency_id']).where('agency_id', 'in', agencies.map((a) => a.id))
      .where('role', 'in', ['immigration_officer', 'timpora_member']).where('active', '=', 1).orderBy('display_name').execute()
    : [];
  return agencies.map((a) => ({
    id: a.id, name: a.name, kind: a.kind,
    members: users.filter((u) => u.agency_id === a.id).map((u) => ({ id: u.id, name: u.display_name })),
  }));
}
