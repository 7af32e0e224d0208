import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { scopeFor } from '../../policies/scope';
import { stayScope } from '../stays/queries';

// Reads of persons. A person exists for an actor only through its stays in the actor's
// scope: the profile shows those stays, the list counts only those.

function personStays(db: Kysely<Database>, personId: string) {
  return db.selectFrom('stays')
    .innerJoin('reporter_orgs as lodging', 'lodging.id', 'stays.lodging_id')
    .leftJoin('stay_employments as emp', 'emp.stay_id', 'stays.id')
    .select([
      'stays.id', 'stays.lodging_id', 'stays.region_code', 'stays.document_id', 'stays.arrival_date', 'stays.departure_date',
      'stays.permit_kind', 'stays.permit_valid_until', 'stays.findings', 'stays.created_at',
      'stays.reported_surname', 'stays.reported_given_names', 'stays.reported_sex', 'stays.reported_nationality',
      'stays.reported_date_of_birth', 'lodging.name as lodging_name', 'stays.report_kind', 'stays.cancelled_at',
      'emp.position as emp_position', 'emp.worksite_address as emp_worksite_address', 'emp.worksite_village_code as emp_worksite_village_code',
      'emp.lat as emp_lat', 'emp.lng as emp_lng', 'emp.work_permit_ref as emp_work_permit_ref',
      'emp.period_from as emp_period_from', 'emp.period_until as emp_period_until',
    ])
    .where('stays.person_id', '=', personId)
    .orderBy('stays.arrival_date', 'desc').orderBy('stays.created_at', 'desc').orderBy('stays.id')
    .execute();
}

export type PersonStay = Awaited<ReturnType<typeof personStays>>[number];

/** The person, its stays within the actor's scope (newest first) and the documents those stays used. */
export async function loadPersonInScope(db: Kysely<Database>, actor: Actor, id: string) {
  const person = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!person) return undefined;
  const scope = scopeFor(actor);
  const stays = (await personStays(db, id)).filter((s) => scope.contains(stayScope(s)));
  const documentIds = [...new Set(stays.map((s) => s.document_id))];
  const documents = documentIds.length === 0 ? [] : await db.selectFrom('person_documents').selectAll()
    .where('id', 'in', documentIds).orderBy('expiry_date', 'desc').orderBy('id').execute();
  return { person, stays, documents, region_codes: stays.map((s) => s.region_code) };
}

export type PersonRecord = NonNullable<Awaited<ReturnType<typeof loadPersonInScope>>>;
