import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';

export type ReporterKind = 'lodging' | 'company' | 'private';
export type RegistrationStatus = 'pending' | 'approved' | 'rejected';

export interface RegistrationBody {
  kind: ReporterKind; name: string; lodgingType?: string; nib?: string; nik?: string; address: string; villageCode: string;
  lat?: number; lng?: number; personInCharge?: string; phone?: string; email: string; username: string; password: string;
}

export interface Registration {
  id: string; kind: ReporterKind; lodgingType: string | null; name: string; nib: string | null; nik: string | null; address: string;
  village: { code: string; name: string; district: string; regency: string; province: string };
  lat: number | null; lng: number | null; personInCharge: string | null; phone: string | null; email: string | null; emailVerified: boolean;
  username: string | null; status: RegistrationStatus; rejectedReason: string | null; submittedAt: string; decidedAt: string | null;
  abilities: { approve: boolean; reject: boolean };
}

export interface RegionOption { code: string; name: string; level: number }

/** Regions below a parent for the public village picker (no parent: provinces; null: nothing to ask yet). */
export function useRegionsBelow(parent: string | null | undefined) {
  return useQuery({
    queryKey: ['registration-regions', parent ?? ''],
    queryFn: ({ signal }) => api<{ items: RegionOption[] }>(`/api/v1/registrations/regions${queryString({ parent: parent ?? undefined })}`, { signal }),
    enabled: parent !== null,
    staleTime: Infinity,
  });
}

export const useRegister = () => useMutation({
  mutationFn: (body: RegistrationBody) => api<{ id: string; status: 'pending'; emailSent: boolean }>('/api/v1/registrations', { method: 'POST', body }),
});

export const useVerifyEmail = () => useMutation({
  mutationFn: (token: string) => api<{ verified: boolean; username: string }>('/api/v1/registrations/verify-email', { method: 'POST', body: { token } }),
});

export const PAGE_SIZE = 20;

export function useRegistrations(status: RegistrationStatus, page: number) {
  return useQuery({
    queryKey: ['registrations', status, page],
    queryFn: ({ signal }) => api<{ items: Registration[]; total: number; page: number; pageSize: number }>(
      `/api/v1/registrations${queryString({ status, page, pageSize: PAGE_SIZE })}`, { signal },
    ),
    placeholderData: keepPreviousData,
  });
}

export function useDecideRegistration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      api<Registration>(`/api/v1/registrations/${encodeURIComponent(id)}/${decision}`, { method: 'POST', ...(decision === 'reject' ? { body: { reason } } : {}) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registrations'] }),
  });
}
