import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AdminUser, Agency, ReporterOrg } from '../../api/types';

type Resource = 'agencies' | 'reporter-orgs' | 'users';

function useList<T>(resource: Resource) {
  return useQuery({
    queryKey: ['admin', resource],
    queryFn: ({ signal }) => api<{ items: T[] }>(`/api/v1/admin/${resource}`, { signal }),
  });
}

function useCreate<TBody>(resource: Resource) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<unknown>(`/api/v1/admin/${resource}`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', resource] }),
  });
}

export const useAgencies = () => useList<Agency>('agencies');
export const useReporterOrgs = () => useList<ReporterOrg>('reporter-orgs');
export const useUsers = () => useList<AdminUser>('users');

export const useCreateAgency = () => useCreate<{ kind: string; name: string; regionCode: string }>('agencies');
export const useCreateReporterOrg = () =>
  useCreate<{ kind: string; lodgingType?: string; name: string; address?: string; villageCode: string; verified?: boolean }>('reporter-orgs');
export const useCreateUser = () =>
  useCreate<{ username: string; displayName: string; password: string; role: string; agencyId?: string; areaCode?: string; reporterOrgId?: string }>('users');

/** A second administrator approves, or any administrator turns down (with a reason), a pending account. */
export function useDecideUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      api<AdminUser>(`/api/v1/admin/users/${encodeURIComponent(id)}/${decision}`, { method: 'POST', ...(decision === 'reject' ? { body: { reason } } : {}) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
