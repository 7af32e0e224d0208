import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';

// The present list (GET /api/v1/present) and person search (GET /api/v1/persons) as sent;
// null: withheld by the field matrix.

export const PRESENT_STATUSES = ['present', 'overstaying', 'expiring7', 'expiring30', 'late', 'conflict'] as const;
export type PresentStatus = (typeof PRESENT_STATUSES)[number];
/** The URL parameters of /hadir (the dashboard links here with exactly these names). */
export const PRESENT_PARAMS = ['status', 'nationality', 'permitKind', 'reportKind', 'lodging', 'village', 'region', 'sort', 'dir', 'page'] as const;
export const REPORT_KINDS = ['lodging', 'work', 'residence'] as const;
export type PresentParams = Partial<Record<(typeof PRESENT_PARAMS)[number], string>>;

export interface PresentRow {
  stayId: string; personId: string; reportKind: string; regionCode: string;
  identity: { surname: string; givenNames: string; nationality: string; sex: string } | null;
  document: { number: string | null; expiryDate: string | null } | null;
  whereabouts: { lodging: { id: string; name: string }; village: { code: string; name: string | null }; arrivalDate: string } | null;
  permit: { kind: string; validUntil: string | null } | null;
  flags: { overstay: boolean | null; permitExpiring: boolean | null; passportExpired: boolean | null };
}
export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

export const PAGE_SIZE = 25;

export function usePresent(p: PresentParams) {
  return useQuery({
    queryKey: ['present', p],
    queryFn: ({ signal }) => api<Page<PresentRow> & { today: string }>(`/api/v1/present${queryString({ ...p, pageSize: PAGE_SIZE })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface PersonHit { id: string; surname: string | null; givenNames: string | null; nationality: string | null; lastSeen: string | null; present: boolean }
export const SEARCH_PARAMS = ['q', 'nationality', 'status', 'lodging', 'region', 'from', 'to', 'sort', 'page'] as const;
export type SearchParams = Partial<Record<(typeof SEARCH_PARAMS)[number], string>>;

export function usePersonSearch(p: SearchParams, enabled: boolean) {
  return useQuery({
    queryKey: ['person-search', p],
    queryFn: ({ signal }) => api<Page<PersonHit>>(`/api/v1/persons${queryString({ ...p, pageSize: PAGE_SIZE })}`, { signal }),
    enabled, placeholderData: keepPreviousData,
  });
}

export function useAreaLodgings() {
  return useQuery({
    queryKey: ['lodgings', 'area'],
    queryFn: ({ signal }) => api<{ items: { id: string; name: string; villageName: string }[] }>('/api/v1/lodgings', { signal }),
    staleTime: 5 * 60_000,
  });
}
