import { useEffect, useMemo, useRef } from 'react';
import type { StayEvent } from '../../api/types';
import { throttled } from '../../lib/throttled';

// The dashboard's notice of a new report: one per report while they come one by one; in a burst
// (an import, a busy hour), one notice a second counting what came, instead of thousands.

export type StayNotice =
  | { kind: 'one'; type: string; event: StayEvent }
  | { kind: 'many'; checkIns: number; checkOuts: number };

const NOTICE_EVERY_MS = 1000;

export function stayNotices(show: (notice: StayNotice) => void, everyMs = NOTICE_EVERY_MS): { add(type: string, event: StayEvent): void; cancel(): void } {
  let first: { type: string; event: StayEvent } | null = null;
  let checkIns = 0;
  let checkOuts = 0;
  const flush = throttled(() => {
    const count = checkIns + checkOuts;
    if (count === 1 && first) show({ kind: 'one', ...first });
    else if (count > 1) show({ kind: 'many', checkIns, checkOuts });
    first = null; checkIns = 0; checkOuts = 0;
  }, everyMs);
  return {
    add(type, event) {
      first ??= { type, event };
      if (type === 'stay.checked_out') checkOuts++; else checkIns++;
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
