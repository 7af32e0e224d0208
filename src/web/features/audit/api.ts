import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';

export interface AuditEntry {
  seq: number; at: string; actor: string | null; action: string; resourceType: string; resourceId: string | null;
  regionCode: string | null; purpose: string | null; detail: Record<string, unknown>; hash: string;
}
export interface Checkpoint { seq: number; hash: string; at: string; keyId: string; signature: string }
export interface Verification { ok: boolean; entries: number; firstBroken: { seq: number; reason: string } | null; at: string; by: string }
export interface AuditStatus {
  lastVerification: Verification | null; head: { seq: number; hash: string; at: string } | null; pending: number; lastCheckpoint: { seq: number; at: string } | null;
}
export interface PendingAccount {
  id: string; username: string; displayName: string; role: string; agencyId: string | null; areaCode: string | null;
  createdAt: string; createdBy: string | null; createdByUsername: string | null;
}
export interface Paged<T> { items: T[]; total: number; page: number; pageSize: number }
export interface EntryFilter { actor: string; resourceId: string; action: string; from: string; to: string; q: string }

export const PAGE_SIZE = 25;

export const useAuditEntries = (filter: EntryFilter, page: number) =>
  useQuery({
    queryKey: ['audit', 'entries', filter, page],
    queryFn: ({ signal }) => api<Paged<AuditEntry>>(`/api/v1/audit/entries${queryString({ ...filter, page, pageSize: PAGE_SIZE })}`, { signal }),
    placeholderData: (previous) => previous,
  });

export const useCheckpoints = () =>
  useQuery({ queryKey: ['audit', 'checkpoints'], queryFn: ({ signal }) => api<Paged<Checkpoint>>('/api/v1/audit/checkpoints?pageSize=20', { signal }) });

export const useAuditStatus = () =>
  useQuery({ queryKey: ['audit', 'status'], queryFn: ({ signal }) => api<AuditStatus>('/api/v1/audit/status', { signal }) });

export const usePendingAccounts = () =>
  useQuery({ queryKey: ['audit', 'pending-accounts'], queryFn: ({ signal }) => api<{ items: PendingAccount[] }>('/api/v1/audit/pending-accounts', { signal }) });

export function useVerify() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Verification>('/api/v1/audit/verify', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['audit'] }),
  });
}
