import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, queryString, type FieldError } from '../../api/client';
import i18n from '../../i18n';
import type { ColumnMapping } from '../../../domain/imports/fields';

export type ImportStatus = 'uploaded' | 'checked' | 'running' | 'done' | 'failed';
export interface ImportState {
  id: string; lodgingId: string; fileName: string; format: 'csv' | 'xlsx'; status: ImportStatus; rows: number; processed: number;
  stored: number; skipped: number; failed: number; wouldStore: number | null; percent: number; headers: string[]; mapping: ColumnMapping | null;
}
export interface Uploaded extends ImportState { sample: string[][]; suggested: ColumnMapping }
export interface RowErrorView { row: number; field: string; column: string | null; message: string }
export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file is the request body (no multipart): text/csv or the XLSX type, by its extension. */
export async function uploadGuestFile(file: File, lodgingId: string | null): Promise<Uploaded> {
  const type = /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv';
  let response: Response;
  try {
    response = await fetch(`/api/v1/imports${queryString({ fileName: file.name, lodgingId })}`, {
      method: 'POST', body: file, credentials: 'same-origin',
      headers: { 'Content-Type': type, Accept: 'application/json, application/problem+json', 'Accept-Language': i18n.language?.startsWith('en') ? 'en' : 'id' },
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const payload = (await response.json().catch(() => ({}))) as Uploaded & { code?: string; title?: string; detail?: string; errors?: FieldError[] };
  if (!response.ok) {
    const errors = payload.errors ?? [];
    throw new ApiError(response.status, payload.code ?? String(response.status), errors.map((e) => e.message).join(' ') || payload.detail || payload.title || i18n.t('errors.generic'), errors);
  }
  return payload;
}

export const useUpload = () => useMutation({ mutationFn: ({ file, lodgingId }: { file: File; lodgingId: string | null }) => uploadGuestFile(file, lodgingId) });

export const useDryRun = () => useMutation({
  mutationFn: ({ id, mapping }: { id: string; mapping: ColumnMapping }) => api<ImportState>(`/api/v1/imports/${id}/dry-run`, { method: 'POST', body: { mapping } }),
});

export const useRunImport = () => useMutation({
  mutationFn: ({ id, mapping }: { id: string; mapping: ColumnMapping }) => api<ImportState>(`/api/v1/imports/${id}/run`, { method: 'POST', body: { mapping } }),
});

/** The import's state; polled twice a second while it runs. */
export function useImportState(id: string | undefined, polling: boolean) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api<ImportState>(`/api/v1/imports/${id}`, { signal }),
    enabled: Boolean(id),
    refetchInterval: (q) => (polling && !isFinished(q.state.data) ? 500 : false),
  });
  // once per import: what it stored shows at once in the guest lists, the "to close" reminder and the receipts
  const finished = isFinished(query.data);
  useEffect(() => {
    if (finished) for (const key of ['stays', 'reminders', 'receipts']) void qc.invalidateQueries({ queryKey: [key] });
  }, [finished, id, qc]);
  return query;
}

const isFinished = (state: ImportState | undefined) => state?.status === 'done' || state?.status === 'failed';

export function useImportErrors(id: string | undefined, page: number, version: string) {
  return useQuery({
    queryKey: ['imports', id, 'errors', page, version, i18n.language],
    queryFn: ({ signal }) => api<Page<RowErrorView>>(`/api/v1/imports/${id}/errors${queryString({ page, pageSize: 20 })}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useImportReceipts(id: string | undefined, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['imports', id, 'receipts', page],
    queryFn: ({ signal }) => api<Page<{ row: number; stayId: string; receiptNumber: string }>>(`/api/v1/imports/${id}/receipts${queryString({ page, pageSize: 20 })}`, { signal }),
    enabled: Boolean(id) && enabled,
  });
}
