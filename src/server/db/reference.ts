import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Insertable, Kysely } from 'kysely';
import countriesLib from 'i18n-iso-countries';
import type { CountriesTable, Database, RegionsTable, TimeZoneName } from './schema';
import { cleanRegionName, timeZoneOfRegion, titleCaseRegionName } from '../../domain/regions';
import { ICAO_EXTRA_COUNTRIES } from '../../domain/identity/countries';

const require = createRequire(import.meta.url);

// Bound-parameter limits: SQLite 32766, PostgreSQL 65535. Five columns per region row.
const BATCH_ROWS = 6000;
const REGIONS_KEY = 'reference.regions';
const COUNTRIES_KEY = 'reference.countries';
// Bump when the way rows are derived changes (names, zones), so existing databases reload.
const LOADER_REVISION = 1;

export interface ReferenceLoadResult {
  regions: { skipped: boolean; rows: number; ms: number };
  countries: { skipped: boolean; rows: number; ms: number };
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/**
 * idn-area-data's CSVs have no quoted fields and no commas inside names (checked for 3.1.2;
 * a '"' in a village name stands for an apostrophe), so code and parent are the first
 * fields and the name is everything after the last structural comma.
 */
export function parseAreaCsv(text: string, columns: 2 | 3): string[][] {
  const lines = text.split(/\r?\n/);
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const a = line.indexOf(',');
    if (columns === 2) {
      rows.push([line.slice(0, a), line.slice(a + 1)]);
    } else {
      const b = line.indexOf(',', a + 1);
      rows.push([line.slice(0, a), line.slice(a + 1, b), line.slice(b + 1)]);
    }
  }
  return rows;
}

export function readRegionRows(): Insertable<RegionsTable>[] {
  const dir = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  const rows: Insertable<RegionsTable>[] = [];
  // The zone depends on the province only: derive it once per province, not per village.
  const zones = new Map<string, TimeZoneName>();
  const timeZone = (code: string): TimeZoneName => {
    const province = code.slice(0, 2);
    let tz = zones.get(province);
    if (!tz) zones.set(province, (tz = timeZoneOfRegion(province)));
    return tz;
  };
  for (const [code, name] of parseAreaCsv(read('provinces.csv'), 2)) {
    rows.push({ code, name: titleCaseRegionName(name), level: 1, parent_code: null, time_zone: timeZone(code) });
  }
  for (const [code, parent, name] of parseAreaCsv(read('regencies.csv'), 3)) {
    rows.push({ code, name: titleCaseRegionName(name), level: 2, parent_code: parent, time_zone: timeZone(code) });
  }
  const levels: [string, 3 | 4][] = [['districts.csv', 3], ['villages.csv', 4]];
  for (const [file, level] of levels) {
    for (const [code, parent, name] of parseAreaCsv(read(file), 3)) {
      rows.push({ code, name: cleanRegionName(name), level, parent_code: parent, time_zone: timeZone(code) });
    }
  }
  return rows;
}

export function countryRows(): Insertable<CountriesTable>[] {
  countriesLib.registerLocale(require('i18n-iso-countries/langs/id.json'));
  countriesLib.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const rows: Insertable<CountriesTable>[] = [];
  for (const [alpha3, alpha2] of Object.entries(countriesLib.getAlpha3Codes())) {
    const nameId = countriesLib.getName(alpha2, 'id') ?? alpha3;
    const nameEn = countriesLib.getName(alpha2, 'en') ?? alpha3;
    rows.push({ code: alpha3, alpha2, name_id: nameId, name_en: nameEn, icao_only: 0 });
  }
  const have = new Set(rows.map((r) => r.code));
  for (const c of ICAO_EXTRA_COUNTRIES) {
    if (have.has(c.code)) continue;
    rows.push({ code: c.code, alpha2: c.alpha2, name_id: c.nameId, name_en: c.nameEn, icao_only: 1 });
  }
  return rows;
}

async function marker(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

async function setMarker(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/**
 * Loads regions (idn-area-data) and countries (i18n-iso-countries + ICAO extras). Each part
 * runs in one transaction and records the source version in `settings`, so a second call
 * (or another instance starting at the same time) skips it; a newer package version
 * reloads, upserting so rows other code already refers to stay in place.
 */
export async function loadReferenceData(db: Kysely<Database>): Promise<ReferenceLoadResult> {
  const result: ReferenceLoadResult = {
    regions: { skipped: true, rows: 0, ms: 0 },
    countries: { skipped: true, rows: 0, ms: 0 },
  };

  const regionsVersion = `idn-area-data@${packageVersion('idn-area-data')}/r${LOADER_REVISION}`;
  if ((await marker(db, REGIONS_KEY)) !== regionsVersion) {
    const t0 = performance.now();
    const rows = readRegionRows();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        await trx.insertInto('regions').values(rows.slice(i, i + BATCH_ROWS))
          .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            time_zone: eb.ref('excluded.time_zone'),
          })))
          .execute();
      }
      await setMarker(trx, REGIONS_KEY, regionsVersion);
    });
    result.regions = { skipped: false, rows: rows.length, ms: performance.now() - t0 };
  }

  const countriesVersion = `i18n-iso-countries@${packageVersion('i18n-iso-countries')}+icao-9303/r${LOADER_REVISION}`;
  if ((await marker(db, COUNTRIES_KEY)) !== countriesVersion) {
    const t0 = performance.now();
    const rows = countryRows();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('countries').values(rows)
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
          alpha2: eb.ref('excluded.alpha2'),
          name_id: eb.ref('excluded.name_id'),
          name_en: eb.ref('excluded.name_en'),
          icao_only: eb.ref('excluded.icao_only'),
        })))
        .execute();
      await setMarker(trx, COUNTRIES_KEY, countriesVersion);
    });
    result.countries = { skipped: false, rows: rows.length, ms: performance.now() - t0 };
  }
  return result;
}
