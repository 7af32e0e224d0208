import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { StayEvent } from '../../api/types';

export type LiveState = 'connecting' | 'open' | 'closed';
const EVENTS = ['stay.checked_in', 'stay.checked_out'] as const;

/** Lists of people are audited reads: a busy area must not turn each event into one. */
const LIST_REFRESH_MS = 15_000;

/**
 * Subscribes to the server's event stream; each stay event refetches the area picture (counts,
 * not audited) at once, and the lists of people at most once per LIST_REFRESH_MS (the first
 * event at once, later ones coalesced into one refresh), so the dashboard follows reports
 * without a reload and without an audited read per event.
 */
export function useLiveEvents(onEvent?: (type: string, event: StayEvent) => void): { state: LiveState; last: Date | null } {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const [last, setLast] = useState<Date | null>(null);
  const callback = useRef(onEvent);
  callback.current = onEvent;

  useEffect(() => {
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    let opened = false;
    let lastListRefresh = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const refreshLists = () => {
      const wait = lastListRefresh + LIST_REFRESH_MS - Date.now();
      if (wait <= 0) {
        lastListRefresh = Date.now();
        void qc.invalidateQueries({ queryKey: ['stays'] });
      } else {
        pending ??= setTimeout(() => { pending = null; refreshLists(); }, wait);
      }
    };
    source.onopen = () => {
      setState('open');
      // After a reconnect, events may have been missed: refetch once.
      if (opened) {
        void qc.invalidateQueries({ queryKey: ['stats'] });
        void qc.invalidateQueries({ queryKey: ['stays'] });
      }
      opened = true;
    };
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    const handler = (message: MessageEvent<string>) => {
      setLast(new Date());
      void qc.invalidateQueries({ queryKey: ['stats'] });
      refreshLists();
      if (callback.current) {
        try {
          callback.current(message.type, JSON.parse(message.data) as StayEvent);
        } catch {
          /* a malformed event only refreshes */
        }
      }
    };
    for (const type of EVENTS) source.addEventListener(type, handler as EventListener);
    return () => {
      for (const type of EVENTS) source.removeEventListener(type, handler as EventListener);
      source.close();
      if (pending) clearTimeout(pending);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qc]);

  return { state, last };
}
