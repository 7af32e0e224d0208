import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

// The area dashboard's figures as GET /api/v1/stats/area sends them (aggregates, no personal data).

export interface Keyed { key: string; n: number }
export interface AreaRegion { code: string; name: string; level: number }
export interface AreaStats {
  region: AreaRegion & { timeZone: string };
  ancestors: (AreaRegion & { inArea: boolean })[];
  today: string;
  period: { from: string; to: string };
  present: {
    total: number; overstaying: number; expiring30: number;
    byNationality: Keyed[]; byPermitKind: Keyed[]; byPurpose: Keyed[];
    byLodging: { id: string; name: string; villageCode: string; kind: string; n: number }[];
  };
  daily: { date: string; arrivals: number; departures: number }[];
  reports: { total: number; late: number; byKind: Record<string, number>; byChannel: Record<string, number> };
  children: (AreaRegion & { present: number; overstaying: number })[];
}

/** Refetched on stay events, at most once a second (useLiveEvents invalidates ['stats']). */
export function useAreaStats(region: string | null, period: { from: string; to: string } | null) {
  const params = new URLSearchParams();
  if (region) params.set('region', region);
  if (period) { params.set('from', period.from); params.set('to', period.to); }
  const qs = params.toString();
  return useQuery({
    queryKey: ['stats', 'area', region, period?.from, period?.to],
    queryFn: ({ signal }) => api<AreaStats>(`/api/v1/stats/area${qs ? `?${qs}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** The present list (/hadir) with exactly its filters: status, nationality, permitKind, lodging, village, region. */
export function presentListLink(filters: { status?: string; nationality?: string; permitKind?: string; reportKind?: string; lodging?: string; village?: string; region?: string }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return `/hadir?${params.toString()}`;
}

/** A region one level below is a village when its code has four parts: the list filters it as village. */
export const regionFilter = (code: string) => (code.split('.').length === 4 ? { village: code } : { region: code });
