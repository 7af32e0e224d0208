import type { Kysely } from 'kysely';
import type { Database, TimeZoneName } from '../../db/schema';

// Reference data (regions, countries) is loaded at start and does not change while the app
// runs, so the hot path (every check-in) asks memory instead of the database.
const zones = new Map<string, TimeZoneName>();
const ZONES_KEPT = 10_000;

export async function regionTimeZone(db: Kysely<Database>, code: string): Promise<TimeZoneName> {
  const known = zones.get(code);
  if (known) return known;
  const row = await db.selectFrom('regions').select('time_zone').where('code', '=', code).executeTakeFirst();
  if (!row) return 'WIB';
  if (zones.size >= ZONES_KEPT) zones.clear();
  zones.set(code, row.time_zone);
  return row.time_zone;
}

let countries: { codes: Set<string>; at: number } | null = null;
const COUNTRIES_KEPT_MS = 60_000;

/** Every known country code (ICAO alpha-3 and extras), read at most once a minute. */
export async function knownCountryCodes(db: Kysely<Database>): Promise<Set<string>> {
  if (countries && Date.now() - countries.at < COUNTRIES_KEPT_MS) return countries.codes;
  const rows = await db.selectFrom('countries').select('code').execute();
  if (rows.length > 0) countries = { codes: new Set(rows.map((r) => r.code)), at: Date.now() };
  return new Set(rows.map((r) => r.code));
}

const regionColumns = ['code', 'name', 'level', 'parent_code', 'time_zone'] as const;

export const presentRegion = (r: { code: string; name: string; level: number; parent_code: string | null; time_zone: string }) =>
  ({ code: r.code, name: r.name, level: Number(r.level), parentCode: r.parent_code, timeZone: r.time_zone });

export async function listRegions(db: Kysely<Database>, parent: string | undefined) {
  const q = db.selectFrom('regions').select(regionColumns).orderBy('code');
  return (parent ? q.where('parent_code', '=', parent) : q.where('level', '=', 1)).execute();
}

export async function getRegion(db: Kysely<Database>, code: string) {
  return db.selectFrom('regions').select(regionColumns).where('code', '=', code).executeTakeFirst();
}

/** The region's ancestors, province first. */
export async function regionAncestors(db: Kysely<Database>, code: string) {
  const parts = code.split('.');
  const codes = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
  if (codes.length === 0) return [];
  return db.selectFrom('regions').select(regionColumns).where('code', 'in', codes).orderBy('level').execute();
}

export async function listCountries(db: Kysely<Database>) {
  return db.selectFrom('countries').select(['code', 'name_id', 'name_en']).orderBy('name_en').execute();
}
