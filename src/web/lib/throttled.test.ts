import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from './throttled';

describe('throttled', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('runs the first call at once and a burst after it once, at the end of the wait', () => {
    const run = vi.fn();
    const refresh = throttled(run, 1000);
    refresh();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 2000; i++) refresh(); // an import's events, all within the same second
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2); // nothing called since: nothing more runs
  });

  it('runs at once again when calls are further apart than the wait', () => {
    const run = vi.fn();
    const refresh = throttled(run, 1000);
    refresh();
    vi.advanceTimersByTime(1500);
    refresh();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs no more than once a wait under a steady stream of calls', () => {
    const run = vi.fn();
    const refresh = throttled(run, 1000);
    for (let ms = 0; ms < 10_000; ms += 10) { refresh(); vi.advanceTimersByTime(10); }
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(run.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('drops the pending run when cancelled', () => {
    const run = vi.fn();
    const refresh = throttled(run, 1000);
    refresh();
    refresh();
    refresh.cancel();
    vi.advanceTimersByTime(2000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
