import { createRequire } from 'node:module';
import countriesLib from 'i18n-iso-countries';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { headerKey } from '../../../domain/imports/fields';

// Nationality cells as people type them: the ICAO code (NLD, D, GBD), ISO alpha-2 (NL),
// or a country name in Indonesian or English, with the usual short forms (Inggris, USA, Korea).

const require = createRequire(import.meta.url);
const EXTRA: Record<string, string> = {
  inggris: 'GBR', england: 'GBR', skotlandia: 'GBR', scotland: 'GBR', wales: 'GBR', britain: 'GBR', britishcitizen: 'GBR',
  tiongkok: 'CHN', rrt: 'CHN', cina: 'CHN', amerika: 'USA', as: 'USA', korea: 'KOR', korsel: 'KOR', holland: 'NLD', holandia: 'NLD',
  rusia: 'RUS', taiwan: 'TWN', vietnam: 'VNM', turki: 'TUR', turkey: 'TUR', jerman: 'DEU', germany: 'DEU', deutschland: 'DEU',
};

export type CountryReader = (raw: string) => string | null;

export async function loadCountryReader(db: Kysely<Database>): Promise<{ read: CountryReader; known: (code: string) => boolean; codes: ReadonlySet<string> }> {
  const rows = await db.selectFrom('countries').select(['code', 'alpha2', 'name_id', 'name_en', 'icao_only']).execute();
  const codes = new Set(rows.map((r) => r.code));
  const byName = new Map<string, string>();
  const put = (name: string, code: string) => { const k = headerKey(name); if (k && !byName.has(k)) byName.set(k, code); };
  // ISO states first, so "Jerman" is DEU and not the MRZ's D
  for (const r of [...rows].sort((a, b) => Number(a.icao_only) - Number(b.icao_only))) {
    put(r.name_id, r.code);
    put(r.name_en, r.code);
    if (r.alpha2 && Number(r.icao_only) === 0) byName.set(r.alpha2.toLowerCase(), r.code);
  }
  countriesLib.registerLocale(require('i18n-iso-countries/langs/en.json'));
  countriesLib.registerLocale(require('i18n-iso-countries/langs/id.json'));
  for (const lang of ['en', 'id']) {
    for (const [alpha2, names] of Object.entries(countriesLib.getNames(lang, { select: 'all' }))) {
      const code = countriesLib.alpha2ToAlpha3(alpha2);
      if (code) for (const name of names as string[]) put(name, code);
    }
  }
  for (const [k, code] of Object.entries(EXTRA)) byName.set(k, code);
  const read: CountryReader = (raw) => {
    const s = raw.trim().replace(/<+$/, '');
    if (/^[A-Za-z]{1,3}$/.test(s) && codes.has(s.toUpperCase())) return s.toUpperCase();
    return byName.get(headerKey(s)) ?? null;
  };
  return { read, known: (code) => codes.has(code), codes };
}
