import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';

// The map as GET /api/v1/map/* sends it. Places carry counts only; who is at a place is an
// audited read, loaded when a marker or a row is opened.

export type PlaceKind = 'lodging' | 'worksite' | 'sighting';
export const PLACE_KINDS: readonly PlaceKind[] = ['lodging', 'worksite', 'sighting'];

export interface MapPlace {
  kind: PlaceKind; id: string; name: string; detail: string | null; villageCode: string;
  villageName: string | null; districtName: string | null; lat: number | null; lng: number | null; count: number;
}
export interface MapPlaces { region: string | null; places: MapPlace[]; totals: Record<PlaceKind, number> }
export interface PersonAtPlace {
  personId: string | null; surname: string | null; givenNames: string | null; sex: string | null; nationality: string | null;
  since: string | null; room: string | null;
  permit: { kind: string; validUntil: string | null; status: 'valid' | 'expiring' | 'expired' | null } | null;
  employment: { position: string | null; employer: string | null } | null;
}
export interface MapConfig { tileUrl: string | null; attribution: string | null }

export function useMapConfig() {
  return useQuery({ queryKey: ['map', 'config'], queryFn: ({ signal }) => api<MapConfig>('/api/v1/map/config', { signal }), staleTime: Infinity });
}

/** Counts, not audited: refetched on every stay event (see MapPage). */
export function useMapPlaces(region: string | null) {
  return useQuery({
    queryKey: ['map', 'places', region],
    queryFn: ({ signal }) => api<MapPlaces>(`/api/v1/map/places${queryString({ region })}`, { signal }),
    refetchInterval: 60_000,
  });
}

export function usePersonsAtPlace(place: Pick<MapPlace, 'kind' | 'id'> | null) {
  return useQuery({
    queryKey: ['map', 'persons', place?.kind, place?.id],
    enabled: place !== null,
    queryFn: ({ signal }) =>
      api<{ place: MapPlace; items: PersonAtPlace[] }>(`/api/v1/map/places/${place!.kind}/${encodeURIComponent(place!.id)}/persons`, { signal }),
    retry: false,
  });
}
