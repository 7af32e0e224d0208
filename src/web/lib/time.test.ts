import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, todayIn, zoneOf } from './time';

describe('time zones of Indonesia', () => {
  it('knows WIB, WITA and WIT by abbreviation or IANA name', () => {
    expect(zoneOf('WITA')).toEqual({ iana: 'Asia/Makassar', abbr: 'WITA' });
    expect(zoneOf('Asia/Jayapura')).toEqual({ iana: 'Asia/Jayapura', abbr: 'WIT' });
    expect(zoneOf(null)).toEqual({ iana: 'Asia/Jakarta', abbr: 'WIB' });
    expect(zoneOf('Asia/Ujung_Pandang')).toEqual({ iana: 'Asia/Ujung_Pandang', abbr: 'WITA' });
  });
  it('shows an instant in the area zone with its abbreviation', () => {
    const s = formatDateTime('2026-11-27T23:30:00Z', zoneOf('WITA'), 'en');
    expect(s).toContain('28 Nov 2026');
    expect(s).toContain('07:30');
    expect(s.endsWith('WITA')).toBe(true);
    expect(formatDateTime('2026-11-27T23:30:00Z', zoneOf('WIB'), 'id')).toMatch(/28 Nov 2026.*06.30 WIB/);
  });
  it("gives today's date in the zone", () => {
    const instant = new Date('2026-11-27T16:30:00Z');
    expect(todayIn(zoneOf('WIB'), instant)).toBe('2026-11-27');
    expect(todayIn(zoneOf('WIT'), instant)).toBe('2026-11-28');
  });
  it('formats calendar dates without shifting them', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026');
    expect(formatDate(null, 'id')).toBe('—');
  });
});
