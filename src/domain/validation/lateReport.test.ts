import { describe, expect, it } from 'vitest';
import { isLateReport } from './checkIn';

describe('late report (more than 24 hours after arrival)', () => {
  it('is exact with an arrival time', () => {
    expect(isLateReport('2026-11-28', '14:00', '2026-11-29', '13:59')).toBe(false);
    expect(isLateReport('2026-11-28', '14:00', '2026-11-29', '14:00')).toBe(false);
    expect(isLateReport('2026-11-28', '14:00', '2026-11-29', '14:01')).toBe(true);
  });

  it('without a time takes the end of the arrival day: late from the second day after', () => {
    expect(isLateReport('2026-11-28', undefined, '2026-11-29', '23:59')).toBe(false);
    expect(isLateReport('2026-11-28', undefined, '2026-11-30', '00:01')).toBe(true);
    expect(isLateReport('2026-11-28', undefined, '2026-11-30')).toBe(true);
  });
});
