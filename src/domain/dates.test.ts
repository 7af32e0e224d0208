import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isValidDate } from './dates';
import { permitStatus } from './permits/kinds';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-13-01')).toBe(false);
    expect(isValidDate('25-01-01')).toBe(false);
  });
  it('adds days across months', () => {
    expect(addDays('2026-11-27', 5)).toBe('2026-12-02');
  });
  it('agrees with Date on every date and offset, leap days and roll-over included', () => {
    const viaDate = (date: string, days: number) => {
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    const dates = fc.tuple(fc.integer({ min: 1000, max: 9000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(dates, fc.integer({ min: -300_000, max: 300_000 }), (date, days) => {
      expect(addDays(date, days)).toBe(viaDate(date, days));
      expect(isValidDate(date)).toBe(viaDate(date, 0) === date);
    }), { numRuns: 20_000 });
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
    expect(() => addDays('2025-01-32', 0)).toThrow(RangeError);
    expect(() => addDays('not a date', 1)).toThrow(RangeError);
  });
  it('tells permit status', () => {
    expect(permitStatus('2026-11-26', '2026-11-27')).toBe('expired');
    expect(permitStatus('2026-12-01', '2026-11-27')).toBe('expiring');
    expect(permitStatus('2027-06-01', '2026-11-27')).toBe('valid');
    expect(permitStatus(null, '2026-11-27')).toBe('valid');
  });
});
