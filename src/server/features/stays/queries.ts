import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { regionWithin } from '../../policies/scope';

// Reads of stays. Lists are scoped inside the query: a reporter's own lodging, or the
// officer's area (optionally narrowed to a region inside it).

function staysWithPeople(db: Kysely<Database>) {
  return db.selectFrom('stays')
    .innerJoin('persons', 'persons.id', 'stays.person_id')
    .innerJoin('person_documents as doc', 'doc.id', 'stays.document_id')
    .innerJoin('reporter_orgs as lodging', 'lodging.id', 'stays.lodging_id')
    .select([
      'stays.id', 'stays.receipt_number', 'stays.person_id', 'stays.lodging_id', 'stays.region_code', 'stays.arrival_date',
      'stays.planned_departure', 'stays.departure_date', 'stays.room', 'stays.permit_kind', 'stays.permit_number',
      'stays.permit_valid_from', 'stays.permit_valid_until', 'stays.created_at', 'stays.reported_by',
      'persons.surname', 'persons.given_names', 'persons.sex', 'persons.date_of_birth', 'persons.nationality',
      'doc.type as document_type', 'doc.number as document_number', 'doc.issuing_state', 'doc.expiry_date',
      'lodging.name as lodging_name',
    ]);
}

export type StayRecord = NonNullable<Awaited<ReturnType<typeof loadStayRecord>>>;

export function loadStayRecord(db: Kysely<Database>, id: string) {
  return staysWithPeople(db).where('stays.id', '=', id).executeTakeFirst();
}

export interface StayListFilter {
  page: number; pageSize: number; present?: boolean; region?: string; q?: string;
  sort: 'createdAt' | '-createdAt' | 'arrivalDate' | '-arrivalDate' | 'surname' | '-surname';
}

const SORT_COLUMNS = { createdAt: 'stays.created_at', arrivalDate: 'stays.arrival_date', surname: 'persons.surname' } as const;

export async function listStays(db: Kysely<Database>, actor: Actor, f: StayListFilter) {
  let q = staysWithPeople(db);
  if (actor.role === 'reporter') q = q.where('stays.lodging_id', '=', actor.reporterOrg?.id ?? '');
  else q = q.where((eb) => regionWithin(eb, 'stays.region_code', actor.areaCode));
  if (f.region) q = q.where((eb) => regionWithin(eb, 'stays.region_code', f.region!));
  if (f.present !== undefined) q = q.where('stays.departure_date', f.present ? 'is' : 'is not', null);
  if (f.q) {
    const term = `%${f.q.toUpperCase().replace(/[%_]/g, '')}%`;
    q = q.where((eb) => eb.or([
      eb(sql`upper(persons.surname)`, 'like', term), eb(sql`upper(persons.given_names)`, 'like', term),
      eb('doc.number', 'like', term), eb('stays.receipt_number', 'like', term),
    ]));
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const desc = f.sort.startsWith('-');
  const column = SORT_COLUMNS[f.sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  const rows = await q.orderBy(column, desc ? 'desc' : 'asc').orderBy('stays.id')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: Number(total.n) };
}
