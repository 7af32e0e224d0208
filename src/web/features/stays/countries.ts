// The country picker's list and search, pure so they are tested without a browser. One entry
// per state: Germany's passports carry the ICAO code D, other systems DEU; the clerk sees
// "Jerman" once. Searches match Indonesian and English names, the everyday Indonesian names
// the reference list lacks ("Inggris", "Tiongkok"), and codes.
import type { Country } from '../../api/types';

/** Codes that name the same state as another code on the list; the form keeps the first. */
export const SAME_STATE: Record<string, string> = { DEU: 'D' };

/** Everyday names, in Indonesian and English, that the reference names do not contain. */
export const ALIASES: Record<string, string[]> = {
  GBR: ['Inggris', 'Inggris Raya', 'Britania', 'UK', 'Skotlandia', 'Wales', 'England', 'Great Britain', 'Britain'],
  CHN: ['Tiongkok', 'Cina', 'RRT', 'RRC', 'China daratan', 'Tionghoa'],
  USA: ['Amerika', 'AS', 'USA', 'America', 'United States'],
  D: ['DEU', 'Germany', 'Jerman'],
  FRA: ['Prancis'],
  VNM: ['Vietnam'],
  HKG: ['Hongkong'],
  MMR: ['Burma'],
  ARE: ['UEA', 'UAE', 'Emirat'],
  KOR: ['Korea', 'Korsel'],
  PRK: ['Korut'],
  NLD: ['Holland', 'Nederland'],
  CZE: ['Ceko', 'Czechia'],
  TUR: ['Turkey'],
  TLS: ['Timor Leste', 'East Timor'],
  RUS: ['Russia'],
  CHE: ['Swis'],
  PHL: ['Filipina'],
  MAC: ['Makau', 'Macao'],
};

export interface CountryEntry { code: string; label: string; haystack: string; names: string[] }

/** Lower case, no accents, punctuation as spaces: "Timor-Leste" and "timor leste" compare equal. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The code the form uses for a code (DEU → D); other codes unchanged. */
export function canonicalCountry(code: string): string {
  return SAME_STATE[code] ?? code;
}

/** Entries sorted by name in the chosen language, one per state. */
export function countryEntries(countries: Country[], lang: 'id' | 'en'): CountryEntry[] {
  const codes = new Set(countries.map((c) => c.code));
  const out: CountryEntry[] = [];
  for (const c of countries) {
    const keep = SAME_STATE[c.code];
    if (keep && codes.has(keep)) continue; // shown once, under the code passports carry
    const names = [c.nameId, c.nameEn, ...(ALIASES[c.code] ?? [])];
    const label = `${lang === 'en' ? c.nameEn : c.nameId} (${c.code})`;
    out.push({ code: c.code, label, names: names.map(fold), haystack: fold(`${names.join(' ')} ${c.code}`) });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label, lang));
}

/**
 * Entries matching a query, best first: the code itself (or its twin, DEU for D), then names
 * starting with the query, then a word of a name starting with it, then the query anywhere.
 */
export function searchCountries(entries: CountryEntry[], query: string): CountryEntry[] {
  const q = fold(query);
  if (!q) return entries;
  const code = canonicalCountry(query.trim().toUpperCase());
  const rank = (e: CountryEntry): number => {
    if (e.code === code) return 0;
    if (e.names.some((n) => n.startsWith(q))) return 1;
    if (e.names.some((n) => n.split(' ').some((w) => w.startsWith(q)))) return 2;
    if (e.haystack.includes(q)) return 3;
    return 9;
  };
  return entries
    .map((e, i) => ({ e, r: rank(e), i }))
    .filter((x) => x.r < 9)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}
