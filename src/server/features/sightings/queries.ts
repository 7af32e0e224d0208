import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { can } from '../../policies';
import { regionWithin, scopeFor } from '../../policies/scope';
import type { SightingListFilter } from './schemas';

// Reads of sightings: the officer's own reports, or the team's triage list of its area, newest
// first. Names of the village, the reporter and a linked person come along for the presenter.

function base(db: Kysely<Database>) {
  return db.selectFrom('sightings')
    .leftJoin('regions as village', 'village.code', 'sightings.village_code')
    .leftJoin('users as reporter', 'reporter.id', 'sightings.reported_by')
    .leftJoin('agencies as agency', 'agency.id', 'sightings.reporter_agency_id')
    .leftJoin('persons as person', 'person.id', 'sightings.person_id')
    .leftJoin('users as triager', 'triager.id', 'sightings.triaged_by');
}

const COLUMNS = [
  'sightings.id', 'sightings.reported_by', 'sightings.observed_at', 'sightings.village_code', 'sightings.rw', 'sightings.rt',
  'sightings.lat', 'sightings.lon', 'sightings.subject_name', 'sightings.subject_nationality', 'sightings.subject_description',
  'sightings.category', 'sightings.note', 'sightings.status', 'sightings.person_id', 'sightings.case_id', 'sightings.outcome_reason',
  'sightings.triaged_at', 'sightings.photo_type', 'sightings.created_at',
  'village.name as village_name', 'reporter.display_name as reporter_name', 'agency.name as agency_name',
  'person.surname as person_surname', 'person.given_names as person_given_names', 'triager.display_name as triager_name',
] as const;

/** Whether a list call is the caller's own reports: asked for, or the only list the caller has. */
export const listsOwn = (actor: Actor, f: Pick<SightingListFilter, 'mine'>) => f.mine === true || !can(actor, 'sighting', 'triage');

export async function listSightings(db: Kysely<Database>, actor: Actor, f: SightingListFilter) {
  const scope = scopeFor(actor);
  let q = base(db);
  q = listsOwn(actor, f)
    ? q.where('sightings.reported_by', '=', actor.id)
    : q.where((eb) => scope.where(eb, { region: 'sightings.village_code' }));
  if (f.status) q = q.where('sightings.status', '=', f.status as never);
  if (f.category) q = q.where('sightings.category', '=', f.category);
  if (f.village) q = q.where((eb) => regionWithin(eb, 'sightings.village_code', f.village!));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(COLUMNS).orderBy('sightings.created_at', 'desc').orderBy('sightings.id', 'desc')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: Number(total.n) };
}

export async function loadSightingView(db: Kysely<Database>, id: string) {
  return base(db).select(COLUMNS).where('sightings.id', '=', id).executeTakeFirstOrThrow();
}

export type SightingView = Awaited<ReturnType<typeof loadSightingView>>;
