import { useEffect, useMemo, useRef } from 'react';
import type { StayEvent } from '../../api/types';
import { throttled } from '../../lib/throttled';

// The dashboard's notice of a new report: one per report while they come one by one; in a burst
// (an import, a busy hour), one notice counting the burst so far, renewed at most once a second,
// instead of thousands.

export type StayNotice =
  | { kind: 'one'; type: string; event: StayEvent }
  | { kind: 'many'; checkIns: number; checkOuts: number };

const NOTICE_EVERY_MS = 1000;
/** a pause this long ends a burst: the next report is news on its own again */
const BURST_ENDS_AFTER_MS = 5000;

export function stayNotices(show: (notice: StayNotice) => void, everyMs = NOTICE_EVERY_MS): { add(type: string, event: StayEvent): void; cancel(): void } {
  let first: { type: string; event: StayEvent } | null = null;
  let waiting = { checkIns: 0, checkOuts: 0 };
  let burst: { checkIns: number; checkOuts: number } | null = null;
  let lastReport = -Infinity;
  const flush = throttled(() => {
    const count = waiting.checkIns + waiting.checkOuts;
    if (count === 1 && first && !burst) show({ kind: 'one', ...first });
    else if (count > 0) {
      burst = { checkIns: (burst?.checkIns ?? 0) + waiting.checkIns, checkOuts: (burst?.checkOuts ?? 0) + waiting.checkOuts };
      show({ kind: 'many', ...burst });
    }
    first = null;
    waiting = { checkIns: 0, checkOuts: 0 };
  }, everyMs);
  return {
    add(type, event) {
      const now = Date.now();
      if (now - lastReport > BURST_ENDS_AFTER_MS) burst = null;
      lastReport = now;
      first ??= { type, event };
      if (type === 'stay.checked_out') waiting.checkOuts++; else waiting.checkIns++;
      flush();
    },
    cancel: () => flush.cancel(),
  };
}

/** `stayNotices` for a component: always shows through the latest `show` (language, names), cancelled on unmount. */
export function useStayNotices(show: (notice: StayNotice) => void): (type: string, event: StayEvent) => void {
  const latest = useRef(show);
  latest.current = show;
  const notices = useMemo(() => stayNotices((n) => latest.current(n)), []);
  useEffect(() => () => notices.cancel(), [notices]);
  return notices.add;
}
