import { describe, expect, it } from 'vitest';
import { ianaZone, localDate, timeZoneOfRegion, utcOffsetHours } from './timezones';

describe('time zones', () => {
  it('maps provinces to WIB, WITA and WIT', () => {
    expect(timeZoneOfRegion('31')).toBe('WIB'); // DKI Jakarta
    expect(timeZoneOfRegion('11.01')).toBe('WIB'); // Aceh
    expect(timeZoneOfRegion('61')).toBe('WIB'); // Kalimantan Barat
    expect(timeZoneOfRegion('62')).toBe('WIB'); // Kalimantan Tengah
    expect(timeZoneOfRegion('73.12.04.1001')).toBe('WITA'); // Soppeng
    expect(timeZoneOfRegion('51')).toBe('WITA'); // Bali
    expect(timeZoneOfRegion('65')).toBe('WITA'); // Kalimantan Utara
    expect(timeZoneOfRegion('76')).toBe('WITA'); // Sulawesi Barat
    expect(timeZoneOfRegion('81')).toBe('WIT'); // Maluku
    expect(timeZoneOfRegion('96.01')).toBe('WIT'); // Papua Barat Daya
  });

  it('names the IANA zone and offset', () => {
    expect(ianaZone('WIB')).toBe('Asia/Jakarta');
    expect(ianaZone('WITA')).toBe('Asia/Makassar');
    expect(ianaZone('WIT')).toBe('Asia/Jayapura');
    expect(utcOffsetHours('WITA')).toBe(8);
  });

  it('gives the local calendar date', () => {
    const t = new Date('2026-11-27T16:30:00Z');
    expect(localDate(t, 'WIB')).toBe('2026-11-27');
    expect(localDate(t, 'WITA')).toBe('2026-11-28');
    // Agrees with the platform's tz database.
    const viaIntl = new Intl.DateTimeFormat('en-CA', { timeZone: ianaZone('WIT') }).format(t);
    expect(localDate(t, 'WIT')).toBe(viaIntl);
  });
});
