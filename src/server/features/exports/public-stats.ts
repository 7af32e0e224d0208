import type { Kysely } from 'kysely';
import { localDateTime, timeZoneOfRegion } from '../../../domain/regions';
import type { Database } from '../../db/schema';
import { regionWithin } from '../../policies/scope';

// Aggregate figures for public reporting (issue #8, item 7): foreigners present now, per district
// (kecamatan) of a province or regency. No names, no personal data, and small counts suppressed:
// a district with 1 to 4 people present shows "<5", and the total is then only the sum of what
// is shown (an exact total would give the hidden count away by subtraction).

export const SUPPRESS_BELOW = 5;
const DISTRICT_LEVEL = 3;

/** The region (province or regency) with its present counts per district, or undefined if unknown. */
export async function publicPresentByDistrict(db: Kysely<Database>, code: string, now = new Date()) {
  const region = await db.selectFrom('regions').select(['code', 'name']).where('code', '=', code).where('level', 'in', [1, 2]).executeTakeFirst();
  if (!region) return undefined;
  const districts = await db.selectFrom('regions').select(['code', 'name']).where('level', '=', DISTRICT_LEVEL)
    .where((eb) => regionWithin(eb, 'regions.code', code)).orderBy('code').execute();
  // a village code is district code (8 characters) + '.' + 4 digits
  const counts = await db.selectFrom('stays').where('departure_date', 'is', null).where('cancelled_at', 'is', null)
    .where((eb) => regionWithin(eb, 'stays.region_code', code))
    .select((eb) => [eb.fn<string>('substr', ['stays.region_code', eb.lit(1), eb.lit(8)]).as('district'), eb.fn.countAll<number>().as('n')])
    .groupBy((eb) => eb.fn('substr', ['stays.region_code', eb.lit(1), eb.lit(8)])).execute();
  const byDistrict = new Map(counts.map((c) => [c.district, Number(c.n)]));
  let shown = 0;
  let exact = true;
  const rows = districts.map((d) => {
    const n = byDistrict.get(d.code) ?? 0;
    if (n > 0 && n < SUPPRESS_BELOW) { exact = false; return { code: d.code, name: d.name, present: '<5' as const }; }
    shown += n;
    return { code: d.code, name: d.name, present: n };
  });
  return {
    region, asOf: localDateTime(now.toISOString(), timeZoneOfRegion(code)), districts: rows,
    total: { present: shown, exact }, suppressBelow: SUPPRESS_BELOW,
  };
}
