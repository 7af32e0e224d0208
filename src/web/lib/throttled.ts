import { useEffect, useMemo, useRef } from 'react';

// Live events come in bursts: an import of 100,000 rows is 100,000 events, fifty check-ins a
// second at a busy hour. What a screen does for an event (refetch its figures, show a notice)
// must cost one run now and one after the burst, never one per event.

export interface Throttled { (): void; cancel(): void }

/**
 * Runs `run` at once when it last ran `everyMs` ago or more; otherwise once at the end of that
 * wait, however many calls came in between.
 */
export function throttled(run: () => void, everyMs: number): Throttled {
  let lastRun = -Infinity;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const fire = () => { pending = null; lastRun = Date.now(); run(); };
  const call = (() => {
    if (pending) return;
    const wait = lastRun + everyMs - Date.now();
    if (wait <= 0) fire();
    else pending = setTimeout(fire, wait);
  }) as Throttled;
  call.cancel = () => { if (pending) clearTimeout(pending); pending = null; };
  return call;
}

/** `throttled` for a component: stable across renders, always calls the latest `run`, cancelled on unmount. */
export function useThrottled(run: () => void, everyMs: number): Throttled {
  const latest = useRef(run);
  latest.current = run;
  const call = useMemo(() => throttled(() => latest.current(), everyMs), [everyMs]);
  useEffect(() => () => call.cancel(), [call]);
  return call;
}
