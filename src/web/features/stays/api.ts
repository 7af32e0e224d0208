import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { Page, Stay, StayCreated, StayInput } from '../../api/types';

export interface StayListParams { present?: boolean; toClose?: boolean; page?: number; pageSize?: number; sort?: string; q?: string; region?: string }

export function useStays(params: StayListParams) {
  return useQuery({
    queryKey: ['stays', params],
    queryFn: ({ signal }) => api<Page<Stay>>(`/api/v1/stays${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStay(id: string | undefined) {
  return useQuery({
    queryKey: ['stay', id],
    queryFn: ({ signal }) => api<Stay>(`/api/v1/stays/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
  });
}

export function useCheckIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: StayInput; idempotencyKey: string }) =>
      api<StayCreated>('/api/v1/stays', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['stays'] }),
  });
}

export function useCheckOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, departureDate }: { id: string; departureDate: string }) =>
      api<Stay>(`/api/v1/stays/${encodeURIComponent(id)}/checkout`, { method: 'POST', body: { departureDate } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stays'] });
      void qc.invalidateQueries({ queryKey: ['stay'] });
    },
  });
}

export function receiptPdfUrl(id: string): string {
  return `/api/v1/stays/${encodeURIComponent(id)}/receipt.pdf`;
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
