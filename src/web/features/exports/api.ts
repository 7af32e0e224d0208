import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export type ExportFormat = 'csv' | 'xlsx';
export interface ExportJob {
  id: string; source: string; format: ExportFormat; purpose: string; status: 'queued' | 'running' | 'done' | 'failed';
  rowsDone: number; rowsTotal: number | null; percent: number; fileName: string | null; fileUrl: string | null; createdAt: string; finishedAt: string | null;
}

export const startExport = (body: { source: string; filter: Record<string, unknown>; format: ExportFormat; purpose: string }) =>
  api<ExportJob>('/api/v1/exports', { method: 'POST', body });

/** The job's progress, polled while it runs. */
export function useExportJob(id: string | null) {
  return useQuery({
    queryKey: ['exports', id],
    queryFn: ({ signal }) => api<ExportJob>(`/api/v1/exports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 500),
  });
}

export interface PublicStats {
  region: { code: string; name: string }; asOf: string;
  districts: { code: string; name: string; present: number | '<5' }[];
  total: { present: number; exact: boolean }; suppressBelow: number;
}
