import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, queryString, type FieldError } from '../../api/client';
import i18n from '../../i18n';

// The watchlist screens' calls (server: src/server/features/watchlists).

export interface Watchlist {
  id: string; name: string; kind: string; source: string; regionCode: string | null; threshold: number | null;
  entryCount: number; version: number; createdAt: string; changedAt: string | null;
  abilities: { viewEntries: boolean; manage: boolean; addEntry: boolean };
}
export interface Entry {
  id: string; watchlistId: string; externalId: string; manual: boolean; names: string[]; birthDates: string[]; nationalities: string[];
  documentNumbers: string[]; reason: string | null; validUntil: string | null; version: number; updatedAt: string;
  removedAt: string | null; removedReason: string | null; changedBy: string | null; abilities: { remove: boolean };
}
export interface Version { version: number; at: string; change: string; changedBy: string | null; added: number; updated: number; removed: number; sourceFile: string | null; note: string | null }
export interface ImportState {
  id: string; watchlistId: string; fileName: string; status: 'running' | 'done' | 'failed'; done: number; total: number;
  summary: { version: number; added: number; updated: number; removed: number; skipped: number } | null;
  errorCount: number; errors: { line: number; reason: string }[]; createdBy: string; createdAt: string; finishedAt: string | null;
}
export interface NewList { name: string; kind: string; source: string; threshold: number | null }
export interface NewEntry { names: string[]; birthDates: string[]; nationalities: string[]; documentNumbers: string[]; reason: string | null; validUntil: string | null }

const LISTS = ['watchlists'] as const;

export const useWatchlists = () => useQuery({ queryKey: LISTS, queryFn: () => api<{ items: Watchlist[]; kinds: string[] }>('/api/v1/watchlists') });
export const useWatchlist = (id: string) => useQuery({ queryKey: [...LISTS, id], queryFn: () => api<Watchlist>(`/api/v1/watchlists/${id}`) });

export function useEntries(id: string, q: string, removed: boolean, page: number, enabled: boolean) {
  return useQuery({
    queryKey: [...LISTS, id, 'entries', q, removed, page],
    queryFn: () => api<{ items: Entry[]; total: number; page: number; pageSize: number }>(`/api/v1/watchlists/${id}/entries${queryString({ q: q || undefined, removed, page, pageSize: 20 })}`),
    enabled, placeholderData: (prev) => prev,
  });
}

export const useVersions = (id: string) => useQuery({ queryKey: [...LISTS, id, 'versions'], queryFn: () => api<{ items: Version[] }>(`/api/v1/watchlists/${id}/versions`) });
export const useImports = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [...LISTS, id, 'imports'], queryFn: () => api<{ items: ImportState[] }>(`/api/v1/watchlists/${id}/imports`), enabled });

/** An import's state, polled twice a second while it runs. */
export function useImportState(importId: string | null) {
  return useQuery({
    queryKey: ['watchlist-imports', importId],
    queryFn: () => api<ImportState>(`/api/v1/watchlist-imports/${importId}`),
    enabled: Boolean(importId),
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
}

function useListMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: LISTS }) });
}

export const useCreateList = () => useListMutation((body: NewList) => api<Watchlist>('/api/v1/watchlists', { method: 'POST', body }));
export const useAddEntry = (id: string) => useListMutation((body: NewEntry) => api<Entry>(`/api/v1/watchlists/${id}/entries`, { method: 'POST', body }));
export const useRemoveEntry = () => useListMutation(({ id, reason }: { id: string; reason: string }) =>
  api<Entry>(`/api/v1/watchlist-entries/${id}/remove`, { method: 'POST', body: { reason } }));

/** The file is the request body: CSV as text/csv, FollowTheMoney JSON lines as application/x-ndjson (told apart by the first character). */
export async function uploadWatchlistFile(listId: string, file: File): Promise<ImportState> {
  const head = (await file.slice(0, 64).text()).replace(/^\uFEFF/, '').trimStart();
  const type = head.startsWith('{') ? 'application/x-ndjson' : 'text/csv';
  let response: Response;
  try {
    response = await fetch(`/api/v1/watchlists/${listId}/imports${queryString({ fileName: file.name })}`, {
      method: 'POST', body: file, credentials: 'same-origin',
      headers: { 'Content-Type': type, Accept: 'application/json, application/problem+json', 'Accept-Language': i18n.language?.startsWith('en') ? 'en' : 'id' },
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const payload = (await response.json().catch(() => ({}))) as ImportState & { code?: string; title?: string; detail?: string; errors?: FieldError[] };
  if (!response.ok) {
    const errors = (payload.errors ?? []) as FieldError[];
    throw new ApiError(response.status, payload.code ?? String(response.status), errors.map((e) => e.message).join(' ') || payload.detail || payload.title || i18n.t('errors.generic'), errors);
  }
  return payload;
}

export const useUpload = (listId: string) => useListMutation((file: File) => uploadWatchlistFile(listId, file));

/** The message of the first field error whose path starts with `field`. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldErrors.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message;
}
