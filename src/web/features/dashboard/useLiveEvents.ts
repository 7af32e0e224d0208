import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { StayEvent } from '../../api/types';
import { throttled } from '../../lib/throttled';

export type LiveState = 'connecting' | 'open' | 'closed';
const EVENTS = ['stay.checked_in', 'stay.checked_out'] as const;

/** Lists of people are audited reads: a busy area must not turn each event into one. */
const LIST_REFRESH_MS = 15_000;
/** The area's figures (counts, not audited): an import's burst of events must not refetch them per event. */
const STATS_REFRESH_MS = 1_000;

/**
 * Subscribes to the server's event stream; a stay event refetches the area picture (counts, not
 * audited) at most once a second and the lists of people at most once per LIST_REFRESH_MS (the
 * first event at once, later ones coalesced into one refresh), so the dashboard follows reports
 * without a reload, without an audited read per event, and through an import's thousands of
 * events a second. `onEvent` still hears every event: it must coalesce what it does too.
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
    const refreshLists = throttled(() => void qc.invalidateQueries({ queryKey: ['stays'] }), LIST_REFRESH_MS);
    const refreshStats = throttled(() => { setLast(new Date()); void qc.invalidateQueries({ queryKey: ['stats'] }); }, STATS_REFRESH_MS);
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
      refreshStats();
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
      refreshStats.cancel();
      refreshLists.cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qc]);

  return { state, last };
}
