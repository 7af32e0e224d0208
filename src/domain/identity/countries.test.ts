import { describe, expect, it } from 'vitest';
import { ICAO_EXTRA_COUNTRIES, icaoExtraCountry, isNonStateCode, isWellFormedCountryCode, normalizeCountryCode } from './countries';

describe('ICAO country codes', () => {
  it('lists the ICAO 9303 extras once each, with both names', () => {
    const codes = ICAO_EXTRA_COUNTRIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ['D', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'UNA', 'UNK', 'XXA', 'XXB', 'XXC', 'XXX', 'XOM', 'XPO', 'EUE', 'RKS', 'UTO']) {
      expect(codes).toContain(c);
    }
    for (const c of ICAO_EXTRA_COUNTRIES) {
      expect(isWellFormedCountryCode(c.code)).toBe(true);
      expect(c.nameId.length).toBeGreaterThan(2);
      expect(c.nameEn.length).toBeGreaterThan(2);
    }
    expect(icaoExtraCountry(' d<< ')?.nameEn).toBe('Germany');
  });

  it('normalises codes typed or read from an MRZ', () => {
    expect(normalizeCountryCode(' idn ')).toBe('IDN');
    expect(normalizeCountryCode('D<<')).toBe('D');
    expect(normalizeCountryCode('gbr')).toBe('GBR');
    expect(isWellFormedCountryCode('D')).toBe(true);
    expect(isWellFormedCountryCode('DE1')).toBe(false);
    expect(isWellFormedCountryCode('DEUX')).toBe(false);
  });

  it('tells states from statuses and organisations', () => {
    expect(isNonStateCode('XXA')).toBe(true);
    expect(isNonStateCode('UNO')).toBe(true);
    expect(isNonStateCode('IDN')).toBe(false);
    expect(isNonStateCode('D')).toBe(false);
  });
});
