import { describe, expect, it } from 'vitest';
import { cleanRegionName, titleCaseRegionName } from './names';

describe('region names', () => {
  it('title-cases upper-case names, keeping acronyms and conjunctions', () => {
    expect(titleCaseRegionName('KABUPATEN SOPPENG')).toBe('Kabupaten Soppeng');
    expect(titleCaseRegionName('SULAWESI SELATAN')).toBe('Sulawesi Selatan');
    expect(titleCaseRegionName('DKI JAKARTA')).toBe('DKI Jakarta');
    expect(titleCaseRegionName('KABUPATEN PANGKAJENE DAN KEPULAUAN')).toBe('Kabupaten Pangkajene dan Kepulauan');
    expect(titleCaseRegionName('DAERAH ISTIMEWA YOGYAKARTA')).toBe('Daerah Istimewa Yogyakarta');
    expect(titleCaseRegionName('KOTA BAU-BAU')).toBe('Kota Bau-Bau');
  });

  it('turns the source data\'s double-quote apostrophes into apostrophes', () => {
    expect(cleanRegionName('Soka"an')).toBe("Soka'an");
    expect(cleanRegionName('Lalabata Rilau')).toBe('Lalabata Rilau');
    expect(cleanRegionName('lamuk')).toBe('Lamuk');
    expect(cleanRegionName('RD. PJKA')).toBe('RD. PJKA'); // mixed or upper case is kept as published
  });
});
