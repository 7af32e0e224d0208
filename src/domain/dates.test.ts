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
  it('tells permit status', () => {
    expect(permitStatus('2026-11-26', '2026-11-27')).toBe('expired');
    expect(permitStatus('2026-12-01', '2026-11-27')).toBe('expiring');
    expect(permitStatus('2027-06-01', '2026-11-27')).toBe('valid');
    expect(permitStatus(null, '2026-11-27')).toBe('valid');
  });
});
