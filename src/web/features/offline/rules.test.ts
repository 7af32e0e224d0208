import { describe, expect, it } from 'vitest';
import { backoffMs, outcomeOf, reportDeadline } from './rules';

describe('offline queue rules', () => {
  it('a report made on the arrival day is due 24 hours after it was made', () => {
    // 10:00 WITA on 1 March is 02:00 UTC
    expect(reportDeadline('2026-03-01', '2026-03-01T02:00:00.000Z', 'WITA')).toBe('2026-03-02T02:00:00.000Z');
  });
  it('a report about an earlier day is due 24 hours after that day ended in the zone', () => {
    // 1 March ends at 15:59:59 UTC in WITA (UTC+8); due a day later
    expect(reportDeadline('2026-03-01', '2026-03-02T05:00:00.000Z', 'WITA')).toBe('2026-03-02T15:59:59.000Z');
    expect(reportDeadline('2026-03-01', '2026-03-02T05:00:00.000Z', 'WIB')).toBe('2026-03-02T16:59:59.000Z');
  });
  it('the arrival day is taken in the zone, not in UTC', () => {
    // 23:30 UTC on 28 Feb is 07:30 WITA on 1 March: the arrival day
    expect(reportDeadline('2026-03-01', '2026-02-28T23:30:00.000Z', 'WITA')).toBe('2026-03-01T23:30:00.000Z');
  });
  it('backs off from 2 s to 5 minutes', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(30)).toBe(300_000);
  });
  it('retries what the network or server caused, and stops at what the report caused', () => {
    for (const s of [0, 401, 408, 429, 500, 503]) expect(outcomeOf(s)).toBe('retry');
    for (const s of [400, 403, 404, 409, 422]) expect(outcomeOf(s)).toBe('refused');
    expect(outcomeOf(201)).toBe('sent');
  });
});
