import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StayEvent } from '../../api/types';
import { type StayNotice, stayNotices } from './stayNotices';

const event = (n: number) => ({ stayId: `s${n}`, regionCode: '7312010001', nationality: 'GBR', permitKind: 'visa_on_arrival', at: '2026-12-02T08:00:00Z' }) as unknown as StayEvent;

describe('stayNotices', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('shows a report that comes alone at once, with its details', () => {
    const shown: StayNotice[] = [];
    const notices = stayNotices((n) => shown.push(n));
    notices.add('stay.checked_in', event(1));
    expect(shown).toEqual([{ kind: 'one', type: 'stay.checked_in', event: event(1) }]);
    vi.advanceTimersByTime(5000);
    notices.add('stay.checked_out', event(2));
    expect(shown.at(-1)).toEqual({ kind: 'one', type: 'stay.checked_out', event: event(2) });
  });

  it('turns a burst into one notice a second, counting the burst so far', () => {
    const shown: StayNotice[] = [];
    const notices = stayNotices((n) => shown.push(n));
    for (let i = 0; i < 3000; i++) notices.add(i % 3 === 0 ? 'stay.checked_out' : 'stay.checked_in', event(i));
    expect(shown).toHaveLength(1); // the first, at once
    vi.advanceTimersByTime(1000);
    expect(shown.at(-1)).toEqual({ kind: 'many', checkIns: 2000, checkOuts: 999 });
    for (let i = 0; i < 10; i++) notices.add('stay.checked_in', event(i));
    vi.advanceTimersByTime(1000);
    expect(shown.at(-1)).toEqual({ kind: 'many', checkIns: 2010, checkOuts: 999 }); // the same burst, counted on
    vi.advanceTimersByTime(10_000);
    expect(shown).toHaveLength(3);
    // after a quiet spell a report is news on its own again
    notices.add('stay.checked_in', event(5000));
    expect(shown.at(-1)).toEqual({ kind: 'one', type: 'stay.checked_in', event: event(5000) });
  });

  it('shows nothing after it is cancelled (the page closed)', () => {
    const shown: StayNotice[] = [];
    const notices = stayNotices((n) => shown.push(n));
    notices.add('stay.checked_in', event(1));
    notices.add('stay.checked_in', event(2));
    notices.cancel();
    vi.advanceTimersByTime(2000);
    expect(shown).toHaveLength(1);
  });
});
