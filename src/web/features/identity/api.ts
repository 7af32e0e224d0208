import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { ConflictDecision, IdentityConflict, Page } from '../../api/types';

export interface ConflictListParams { status: 'open' | 'resolved'; page: number; pageSize: number }

export function useIdentityConflicts(params: ConflictListParams) {
  return useQuery({
    queryKey: ['identity-conflicts', params],
    queryFn: ({ signal }) => api<Page<IdentityConflict>>(`/api/v1/identity-conflicts${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResolveConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: ConflictDecision; reason: string }) =>
      api<IdentityConflict>(`/api/v1/identity-conflicts/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: { decision, reason } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['identity-conflicts'] });
      void qc.invalidateQueries({ queryKey: ['stay'] });
    },
  });
}
