import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { StayEvent } from '../../api/types';

export type LiveState = 'connecting' | 'open' | 'closed';
const EVENTS = ['stay.checked_in', 'stay.checked_out'] as const;

/**
 * Subscribes to the server's event stream; each stay event refetches the area picture and the
 * lists at once (TanStack invalidation), so the dashboard follows reports without a reload.
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
      void qc.invalidateQueries({ queryKey: ['stays'] });
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
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qc]);

  return { state, last };
}
