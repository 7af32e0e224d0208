import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { Stay } from '../../api/types';

// The stay after its check-in: changes, history, bulk check-out, the "to close" reminder and
// the receipts (server: src/server/features/stays/lifecycle-routes.ts, receipts-routes.ts).

export type ChangeKind = 'extension' | 'room' | 'correction' | 'cancellation' | 'checkout-cancellation';
export type Values = Record<string, string | null>;

export interface StayHistory {
  stayId: string; receiptNumber: string; cancelled: boolean; reportedAt: string; original: Values;
  changes: { id: string; kind: 'extend' | 'room' | 'correct' | 'cancel_report' | 'cancel_checkout'; reason: string | null; at: string; by: string | null; before: Values; after: Values }[];
}

export interface ReceiptGuest {
  line: number; receiptNumber: string; stayId: string | null; name: string | null;
  nationality: { code: string; nameId: string; nameEn: string } | null;
  document: { number: string; issuingState: string } | null;
  arrivalDate: string | null; plannedDeparture: string | null; departureDate: string | null;
  permit: { kind: string; label: { id: string; en: string }; validUntil: string | null } | null;
  status: 'present' | 'checked_out' | 'cancelled';
}
export interface ReceiptView {
  receiptNumber: string; office: string; reportedAt: string; auditPosition: string | null; token: string; verifyUrl: string;
  lodging: { name: string; address: string } | null; guests: ReceiptGuest[];
}
export interface ReceiptListItem { receiptNumber: string; stayId: string; createdAt: string; guests: number; headName: string | null; lodging: string | null; pdfUrl: string; verifyUrl: string }
export interface BulkCheckOutResult { checkedOut: number; results: { id: string; status: number; ok: boolean; message: string | null }[] }

function useInvalidateStays() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['stays'] });
    void qc.invalidateQueries({ queryKey: ['stay'] });
    void qc.invalidateQueries({ queryKey: ['stay-history'] });
    void qc.invalidateQueries({ queryKey: ['reminders'] });
    void qc.invalidateQueries({ queryKey: ['receipts'] });
  };
}

export function useStayChange() {
  const invalidate = useInvalidateStays();
  return useMutation({
    mutationFn: ({ id, kind, body }: { id: string; kind: ChangeKind; body: Record<string, unknown> }) =>
      api<Stay>(`/api/v1/stays/${encodeURIComponent(id)}/${kind}`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useBulkCheckOut() {
  const invalidate = useInvalidateStays();
  return useMutation({
    mutationFn: (body: { stayIds: string[]; departureDate: string }) => api<BulkCheckOutResult>('/api/v1/stays/checkout', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useStayHistory(id: string | undefined) {
  return useQuery({
    queryKey: ['stay-history', id],
    queryFn: ({ signal }) => api<StayHistory>(`/api/v1/stays/${encodeURIComponent(id!)}/history`, { signal }),
    enabled: !!id,
  });
}

export function useReminders(enabled = true) {
  return useQuery({
    queryKey: ['reminders'],
    queryFn: ({ signal }) => api<{ toClose: number; reminder: { id: string; day: string; count: number; createdAt: string } | null }>('/api/v1/reminders', { signal }),
    enabled,
  });
}

export function useReceipts(page: number, pageSize = 20) {
  return useQuery({
    queryKey: ['receipts', page, pageSize],
    queryFn: ({ signal }) => api<{ items: ReceiptListItem[]; total: number; page: number; pageSize: number }>(`/api/v1/receipts${queryString({ page, pageSize })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReceipt(stayId: string | undefined) {
  return useQuery({
    queryKey: ['receipt', stayId],
    queryFn: ({ signal }) => api<ReceiptView>(`/api/v1/stays/${encodeURIComponent(stayId!)}/receipt`, { signal }),
    enabled: !!stayId,
  });
}
