import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { can } from '../../policies';
import { inArea } from '../../policies/rules';
import { regionWithin } from '../../policies/scope';
import { seesExactLocation } from '../sightings/policy';

// The places of the map and who is at each now. A place is a lodging (a lodging or a company's
// mess, where the reporter_orgs row has its coordinates), a worksite (the employment of a present
// worker) or a sighting of the last SIGHTING_DAYS days that is still worked on.

export type PlaceKind = 'lodging' | 'worksite' | 'sighting';
export const SIGHTING_DAYS = 30;
const OPEN_SIGHTINGS = ['new', 'linked', 'case_opened'] as const;

export interface Place {
  kind: PlaceKind; id: string; name: string; detail: string | null; villageCode: string;
  lat: number | null; lng: number | null; count: number;
}

const present = (db: Kysely<Database>) =>
  db.selectFrom('stays').where('stays.departure_date', 'is', null).where('stays.cancelled_at', 'is', null);

/** A worksite has no row of its own: its id is a digest of the employer, village and address. */
export const worksiteId = (employerId: string, village: string, address: string) =>
  createHash('sha256').update(`${employerId}\u0000${village}\u0000${address}`).digest('hex').slice(0, 24);

const sightingsSince = (now: Date) => new Date(now.getTime() - SIGHTING_DAYS * 86_400_000).toISOString();

/** The actor's areas, or one region inside them (checked by the route). */
const areasOf = (actor: Actor, region: string | undefined) => (region ? [region] : actor.areas);

export async function listLodgings(db: Kysely<Database>, areas: readonly string[]): Promise<Place[]> {
  const orgs = await db.selectFrom('reporter_orgs')
    .select(['id', 'name', 'kind', 'lodging_type', 'village_code', 'lat', 'lng'])
    .where('kind', 'in', ['lodging', 'company'])
    .where((eb) => eb.or([eb('verified_at', 'is not', null), eb('registration_status', '=', 'approved')]))
    .where((eb) => regionWithin(eb, 'village_code', areas))
    .orderBy('name').execute();
  const counts = await present(db).where('stays.report_kind', '!=', 'work')
    .where((eb) => regionWithin(eb, 'stays.region_code', areas))
    .select(['stays.lodging_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('stays.lodging_id').execute();
  const byOrg = new Map(counts.map((c) => [c.lodging_id, Number(c.n)]));
  return orgs.map((o) => ({
    kind: 'lodging', id: o.id, name: o.name, detail: o.lodging_type ?? o.kind, villageCode: o.village_code,
    lat: o.lat ?? null, lng: o.lng ?? null, count: byOrg.get(o.id) ?? 0,
  }));
}

/** Present workers with their employment, in the areas. */
async function presentWorkers(db: Kysely<Database>, areas: readonly string[]) {
  return present(db).where('stays.report_kind', '=', 'work')
    .innerJoin('stay_employments as e', 'e.stay_id', 'stays.id')
    .innerJoin('reporter_orgs as employer', 'employer.id', 'stays.lodging_id')
    .innerJoin('persons', 'persons.id', 'stays.person_id')
    .where((eb) => regionWithin(eb, 'stays.region_code', areas))
    .select([
      'stays.id as stay_id', 'stays.lodging_id', 'stays.region_code', 'stays.arrival_date', 'stays.room', 'stays.permit_kind', 'stays.permit_valid_until',
      'employer.name as employer_name', 'e.worksite_address', 'e.worksite_village_code', 'e.lat', 'e.lng', 'e.position',
      'persons.id as person_id', 'persons.surname', 'persons.given_names', 'persons.sex', 'persons.nationality',
    ])
    .orderBy('persons.surname').orderBy('persons.given_names').execute();
}
export type WorkerRow = Awaited<ReturnType<typeof presentWorkers>>[number];

interface Worksite { id: string; employerName: string; address: string; villageCode: string; lat: number; lng: number; workers: WorkerRow[] }

function groupWorksites(rows: WorkerRow[]): Worksite[] {
  const sites = new Map<string, Worksite>();
  for (const r of rows) {
    const id = worksiteId(r.lodging_id, r.worksite_village_code, r.worksite_address);
    const site = sites.get(id) ?? { id, employerName: r.employer_name, address: r.worksite_address, villageCode: r.worksite_village_code, lat: 0, lng: 0, workers: [] };
    site.workers.push(r);
    sites.set(id, site);
  }
  // one marker per worksite, at the mean of the reported positions
  for (const s of sites.values()) {
    s.lat = s.workers.reduce((sum, w) => sum + Number(w.lat), 0) / s.workers.length;
    s.lng = s.workers.reduce((sum, w) => sum + Number(w.lng), 0) / s.workers.length;
  }
  return [...sites.values()];
}

/** Worksites name the address; the employer only for who sees employment (the presenter decides). */
export async function listWorksites(db: Kysely<Database>, areas: readonly string[]) {
  return groupWorksites(await presentWorkers(db, areas));
}

export async function findWorksite(db: Kysely<Database>, actor: Actor, id: string) {
  return groupWorksites(await presentWorkers(db, actor.areas)).find((s) => s.id === id);
}

const SIGHTING_COLUMNS = [
  'sightings.id', 'sightings.village_code', 'sightings.lat', 'sightings.lon', 'sightings.category', 'sightings.status',
  'sightings.reported_by', 'sightings.observed_at', 'sightings.person_id', 'sightings.subject_name', 'sightings.subject_nationality',
] as const;

export async function listSightingPlaces(db: Kysely<Database>, actor: Actor, areas: readonly string[], now = new Date()): Promise<Place[]> {
  if (!can(actor, 'sighting', 'triage')) return [];
  const rows = await db.selectFrom('sightings').select(SIGHTING_COLUMNS)
    .where('sightings.status', 'in', [...OPEN_SIGHTINGS]).where('sightings.observed_at', '>=', sightingsSince(now))
    .where((eb) => regionWithin(eb, 'sightings.village_code', areas))
    .orderBy('sightings.observed_at', 'desc').execute();
  return rows.map((s) => {
    // without the exact position the sighting is listed under its village, not pinned
    const exact = seesExactLocation(actor, s);
    return { kind: 'sighting', id: s.id, name: s.category, detail: s.observed_at, villageCode: s.village_code,
      lat: exact ? Number(s.lat) : null, lng: exact ? Number(s.lon) : null, count: 1 };
  });
}

/** One sighting that is on the map, with its subject (and the linked person, if any). */
export async function findSighting(db: Kysely<Database>, actor: Actor, id: string, now = new Date()) {
  const row = await db.selectFrom('sightings').leftJoin('persons', 'persons.id', 'sightings.person_id')
    .select([...SIGHTING_COLUMNS, 'persons.surname', 'persons.given_names', 'persons.sex', 'persons.nationality'])
    .where('sightings.id', '=', id).executeTakeFirst();
  if (!row || !inArea(actor, row.village_code)) return undefined;
  if (!(OPEN_SIGHTINGS as readonly string[]).includes(row.status) || row.observed_at < sightingsSince(now)) return undefined;
  return row;
}

/** One lodging in the actor's area and its present guests (not workers: they are at their worksites). */
export async function findLodging(db: Kysely<Database>, actor: Actor, id: string) {
  const org = await db.selectFrom('reporter_orgs').select(['id', 'name', 'kind', 'lodging_type', 'village_code'])
    .where('id', '=', id).where('kind', 'in', ['lodging', 'company']).executeTakeFirst();
  if (!org || !inArea(actor, org.village_code)) return undefined;
  const guests = await present(db).where('stays.lodging_id', '=', id).where('stays.report_kind', '!=', 'work')
    .where((eb) => regionWithin(eb, 'stays.region_code', actor.areas))
    .innerJoin('persons', 'persons.id', 'stays.person_id')
    .select([
      'stays.id as stay_id', 'stays.region_code', 'stays.arrival_date', 'stays.room', 'stays.permit_kind', 'stays.permit_valid_until',
      'persons.id as person_id', 'persons.surname', 'persons.given_names', 'persons.sex', 'persons.nationality',
    ])
    .orderBy('persons.surname').orderBy('persons.given_names').execute();
  return { org, guests };
}

/** Names of the villages and their districts, for labels and the list grouped by village. */
export async function regionNames(db: Kysely<Database>, villageCodes: readonly string[]) {
  const codes = [...new Set(villageCodes.flatMap((c) => [c, c.split('.').slice(0, 3).join('.')]))];
  const names = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes.slice(i, i + 500)).execute();
    for (const r of rows) names.set(r.code, r.name);
  }
  return names;
}

export async function listPlaces(db: Kysely<Database>, actor: Actor, region: string | undefined) {
  const areas = areasOf(actor, region);
  const [lodgings, worksites, sightings] = await Promise.all([listLodgings(db, areas), listWorksites(db, areas), listSightingPlaces(db, actor, areas)]);
  return { lodgings, worksites, sightings };
}
