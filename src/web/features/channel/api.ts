import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';

// The team channel and the notification inbox over the API. Live updates come from useChannelLive,
// which invalidates these queries; nothing here polls.

export interface ChannelLink { ref: string; kind: 'person' | 'case'; id: string; visible: boolean }
export interface ChannelMessage {
  id: string; teamId: string; kind: 'message' | 'announcement' | 'guide'; parentId: string | null;
  author: { id: string; username: string | null; displayName: string | null; agencyName: string | null } | null;
  text: string | null; createdAt: string; editedAt: string | null; deletedAt: string | null; resolvedAt: string | null;
  replyCount: number; lastReplyAt: string | null;
  mentions: { id: string; username: string }[]; links: ChannelLink[];
  attachments: { id: string; filename: string; mime: string; size: number }[];
  abilities: { edit: boolean; delete: boolean; resolve: boolean };
}
export interface ChannelMember { id: string; username: string; displayName: string; agencyName: string | null; position: string }
export interface ChannelOverview {
  team: { id: string; name: string; regionCode: string };
  abilities: { post: boolean; announce: boolean; readLog: boolean };
  members: ChannelMember[]; pinned: ChannelMessage[]; unread: number; lastReadMessageId: string | null; latestMessageId: string | null;
}
export interface ChannelTeam { id: string; name: string; unread: number }
export interface Notice {
  id: string; kind: 'mention' | 'task_assigned' | 'task_due'; teamId: string | null; teamName: string | null; refType: string; refId: string;
  actorName: string | null; createdAt: string; readAt: string | null; link: string;
}

export const channelKeys = {
  teams: ['channel', 'teams'] as const,
  overview: (teamId: string) => ['channel', 'overview', teamId] as const,
  messages: (teamId: string, thread?: string, q?: string) => ['channel', 'messages', teamId, thread ?? '', q ?? ''] as const,
  notices: ['notifications'] as const,
};

export function useChannelTeams(enabled = true) {
  return useQuery({ queryKey: channelKeys.teams, queryFn: ({ signal }) => api<ChannelTeam[]>('/api/v1/channel/teams', { signal }), enabled });
}

export function useChannelOverview(teamId: string) {
  return useQuery({ queryKey: channelKeys.overview(teamId), queryFn: ({ signal }) => api<ChannelOverview>(`/api/v1/teams/${encodeURIComponent(teamId)}/channel`, { signal }) });
}

/** Newest first from the server; pages go further back. */
export function useChannelMessages(teamId: string, opts: { thread?: string; q?: string } = {}) {
  return useInfiniteQuery({
    queryKey: channelKeys.messages(teamId, opts.thread, opts.q),
    initialPageParam: '' as string,
    queryFn: ({ signal, pageParam }) => api<{ items: ChannelMessage[]; nextBefore: string | null }>(
      `/api/v1/teams/${encodeURIComponent(teamId)}/channel/messages${queryString({ thread: opts.thread, q: opts.q, before: pageParam || undefined, limit: 50 })}`, { signal }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** One message (a thread's root, or one named by a live event); under the team's keys so events refresh it. */
export function useChannelMessage(id: string) {
  return useQuery({ queryKey: ['channel', 'message', id], queryFn: ({ signal }) => api<ChannelMessage>(`/api/v1/channel/messages/${encodeURIComponent(id)}`, { signal }) });
}

function useInvalidate(teamId: string) {
  const qc = useQueryClient();
  return () => { void qc.invalidateQueries({ queryKey: ['channel'] }); void qc.invalidateQueries({ queryKey: channelKeys.overview(teamId) }); };
}

export function usePostMessage(teamId: string) {
  const done = useInvalidate(teamId);
  return useMutation({
    mutationFn: (body: { text: string; parentId?: string; announcement?: boolean; attachmentIds?: string[] }) =>
      api<ChannelMessage>(`/api/v1/teams/${encodeURIComponent(teamId)}/channel/messages`, { method: 'POST', body }),
    onSuccess: done,
  });
}

export function useMessageAction(teamId: string) {
  const done = useInvalidate(teamId);
  return useMutation({
    mutationFn: (a: { id: string } & ({ op: 'edit'; text: string } | { op: 'delete' } | { op: 'resolve'; resolved: boolean })) => {
      const url = `/api/v1/channel/messages/${encodeURIComponent(a.id)}`;
      if (a.op === 'edit') return api(url, { method: 'PATCH', body: { text: a.text } });
      if (a.op === 'delete') return api(url, { method: 'DELETE' });
      return api(`${url}/resolve`, { method: 'POST', body: { resolved: a.resolved } });
    },
    onSuccess: done,
  });
}

export function useMarkRead(teamId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => api(`/api/v1/teams/${encodeURIComponent(teamId)}/channel/read`, { method: 'POST', body: { messageId } }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: channelKeys.teams }); void qc.invalidateQueries({ queryKey: channelKeys.overview(teamId) }); },
  });
}

/** Reads a file as base64 (without the data: prefix) for the upload route. */
function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function uploadAttachment(teamId: string, file: File) {
  return api<{ id: string; filename: string; mime: string; size: number }>(`/api/v1/teams/${encodeURIComponent(teamId)}/channel/attachments`, {
    method: 'POST', body: { filename: file.name, contentBase64: await base64(file) },
  });
}

export function useNotices(enabled: boolean) {
  return useQuery({ queryKey: channelKeys.notices, queryFn: ({ signal }) => api<{ items: Notice[]; unread: number }>('/api/v1/notifications?limit=30', { signal }), enabled });
}

export function useReadNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => api(id === 'all' ? '/api/v1/notifications/read-all' : `/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: channelKeys.notices }),
  });
}
