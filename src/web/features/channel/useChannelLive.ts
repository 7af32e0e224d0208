import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { channelKeys } from './api';

const CHANNEL_EVENTS = ['channel.message_posted', 'channel.message_edited', 'channel.message_deleted', 'channel.thread_resolved'] as const;

/**
 * One live stream for the bell and the channel: a channel event (ids only) refetches that team's
 * channel queries, a notification event the inbox. After a reconnect everything is refetched once.
 */
export function useChannelLive(enabled: boolean): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    let opened = false;
    source.onopen = () => {
      if (opened) { void qc.invalidateQueries({ queryKey: ['channel'] }); void qc.invalidateQueries({ queryKey: channelKeys.notices }); }
      opened = true;
    };
    const onChannel = (e: MessageEvent<string>) => {
      let teamId: string | undefined;
      try { teamId = (JSON.parse(e.data) as { teamId?: string }).teamId; } catch { /* refetch all */ }
      void qc.invalidateQueries({ queryKey: teamId ? ['channel', 'messages', teamId] : ['channel'] });
      if (teamId) void qc.invalidateQueries({ queryKey: channelKeys.overview(teamId) });
      void qc.invalidateQueries({ queryKey: ['channel', 'message'] });
      void qc.invalidateQueries({ queryKey: channelKeys.teams });
    };
    const onNotice = () => void qc.invalidateQueries({ queryKey: channelKeys.notices });
    for (const name of CHANNEL_EVENTS) source.addEventListener(name, onChannel as EventListener);
    source.addEventListener('notification.created', onNotice);
    return () => source.close();
  }, [enabled, qc]);
}
