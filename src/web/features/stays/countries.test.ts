import { describe, expect, it } from 'vitest';
import { countryRows } from '../../../server/db/reference';
import { canonicalCountry, countryEntries, searchCountries } from './countries';

// The same list the server serves at /api/v1/countries.
const countries = countryRows().map((r) => ({ code: r.code, nameId: r.name_id, nameEn: r.name_en }));
const id = countryEntries(countries, 'id');
const codes = (q: string) => searchCountries(id, q).map((e) => e.code);

describe('country picker', () => {
  it('finds everyday Indonesian names first', () => {
    expect(codes('Inggris')[0]).toBe('GBR');
    expect(codes('Tiongkok')[0]).toBe('CHN');
    expect(codes('cina')[0]).toBe('CHN');
    expect(codes('Belanda')[0]).toBe('NLD');
    expect(codes('timor leste')[0]).toBe('TLS');
  });
  it('lists Germany once, whether searched as Jerman, Germany, D or DEU', () => {
    expect(codes('Jerman')).toEqual(['D']);
    expect(codes('germany')).toEqual(['D']);
    expect(codes('D')[0]).toBe('D');
    expect(codes('DEU')[0]).toBe('D');
    expect(id.filter((e) => /Jerman/.test(e.label))).toHaveLength(1);
    expect(canonicalCountry('DEU')).toBe('D');
  });
  it('finds English names and codes', () => {
    expect(codes('United Kingdom')[0]).toBe('GBR');
    expect(codes('Japan')[0]).toBe('JPN');
    expect(codes('swe')[0]).toBe('SWE');
    expect(codes('NGA')[0]).toBe('NGA');
  });
  it('keeps the ICAO extras that are not states', () => {
    expect(codes('XXA')[0]).toBe('XXA');
    expect(codes('GBD')[0]).toBe('GBD');
  });
  it('labels in the chosen language, sorted by it', () => {
    const en = countryEntries(countries, 'en');
    expect(en.find((e) => e.code === 'D')?.label).toBe('Germany (D)');
    expect(id.find((e) => e.code === 'D')?.label).toBe('Jerman (D)');
    expect(searchCountries(id, '').length).toBe(id.length);
    expect(codes('zzzz')).toEqual([]);
  });
});
