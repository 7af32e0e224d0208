import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { Page, Stay } from '../../api/types';
import type { GuestInput } from './reportForm';

export interface WorkReportInput {
  worker: GuestInput; position: string; workPermitRef: string;
  worksite: { address: string; villageCode: string; lat: number; lng: number };
  period: { from: string; until: string };
}
export interface ResidenceReportInput { resident: GuestInput; period: { from: string; until?: string } }
export interface ReportCreated { id: string; receiptNumber: string; personId: string | null }

export function useWorkers(params: { present?: boolean; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: ['stays', 'work-reports', params],
    queryFn: ({ signal }) => api<Page<Stay>>(`/api/v1/work-reports${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: { kind: 'work'; input: WorkReportInput } | { kind: 'residence'; input: ResidenceReportInput }) =>
      api<ReportCreated>(req.kind === 'work' ? '/api/v1/work-reports' : '/api/v1/residence-reports', { method: 'POST', body: req.input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['stays'] }),
  });
}
