import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';

export interface Operation {
  id: string; number: string; title: string; plannedOn: string; regionCode: string; notes: string | null; status: 'planned' | 'done';
  agencyIds: string[]; createdAt: string; updatedAt: string; abilities: { recordResults: boolean };
}
export interface OperationDetail extends Operation {
  targets: { id: string; kind: 'lodging' | 'area'; reporterOrgId: string | null; villageCode: string; name: string; villageName: string | null }[];
  participants: { agencyId: string; agencyName: string; agencyKind: string; userId: string | null; userName: string | null }[];
  checks: { id: string; personId: string | null; name: string | null; nationality: string | null; documentsSeen: string | null; note: string | null; createdAt: string }[];
  findings: { id: string; description: string; villageCode: string; personId: string | null; case: { id: string; number: string | null; status: string | null } | null; createdAt: string }[];
}
export interface PlanInput {
  title: string; plannedOn: string; regionCode: string; notes?: string; lodgingIds?: string[]; villageCodes?: string[];
  participants: { agencyId: string; userIds?: string[] }[];
}
export interface ResultsInput {
  checks?: { personId?: string; name?: string; nationality?: string; documentsSeen?: string; note?: string }[];
  findings?: { description: string; villageCode?: string; personId?: string }[];
  done?: boolean;
}

export function useOperations(params: { status?: 'planned' | 'done'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['operations', params],
    queryFn: ({ signal }) => api<Page<Operation>>(`/api/v1/operations${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOperation(id: string) {
  return useQuery({ queryKey: ['operation', id], queryFn: ({ signal }) => api<OperationDetail>(`/api/v1/operations/${encodeURIComponent(id)}`, { signal }) });
}

export function usePlanOperation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanInput) => api<OperationDetail>('/api/v1/operations', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['operations'] }),
  });
}

export function useRecordResults(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ResultsInput) => api<OperationDetail>(`/api/v1/operations/${encodeURIComponent(id)}/results`, { method: 'POST', body }),
    onSuccess: (data) => { qc.setQueryData(['operation', id], data); void qc.invalidateQueries({ queryKey: ['operations'] }); },
  });
}

export function useLodgings(region: string | null) {
  return useQuery({
    queryKey: ['lodgings', region],
    queryFn: ({ signal }) => api<{ items: { id: string; name: string; villageName: string }[] }>(`/api/v1/lodgings${queryString({ region })}`, { signal }),
    enabled: region !== null,
  });
}

export function useRegionsBelow(parent: string | null) {
  return useQuery({
    queryKey: ['regions', parent],
    queryFn: ({ signal }) => api<{ items: { code: string; name: string }[] }>(`/api/v1/regions${queryString({ parent })}`, { signal }),
    enabled: parent !== null, staleTime: Infinity,
  });
}
