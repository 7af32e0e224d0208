import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { Me, Region } from '../../api/types';
import type { Sighting, SightingPage } from './types';

// Reads for the field form and the triage list. The officer's villages and own reports are
// remembered on the device, so the form still offers villages and shows the last known
// outcomes without signal.

const remember = <T>(key: string, value: T) => { try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* full or unavailable */ } };
const recall = <T>(key: string): T | null => { try { const raw = localStorage.getItem(key); return raw ? (JSON.parse(raw) as T) : null; } catch { return null; } };

async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  try {
    const value = await load();
    remember(key, value);
    return value;
  } catch (err) {
    const old = recall<T>(key);
    if (old !== null) return old;
    throw err;
  }
}

export interface AreaVillage { code: string; name: string; district: string }

const children = (parent: string) => api<{ items: Region[] }>(`/api/v1/regions?parent=${encodeURIComponent(parent)}`).then((r) => r.items);

/** The villages of the officer's own area (a district's, or every district's of a regency); null for a wider area. */
async function loadVillages(area: { code: string; level: number }): Promise<AreaVillage[] | null> {
  if (area.level === 4) return [{ code: area.code, name: area.code, district: '' }];
  if (area.level === 3) return (await children(area.code)).map((v) => ({ code: v.code, name: v.name, district: '' }));
  if (area.level !== 2) return null;
  const districts = await children(area.code);
  const lists = await Promise.all(districts.map(async (d) => (await children(d.code)).map((v) => ({ code: v.code, name: v.name, district: d.name }))));
  return lists.flat();
}

export function useAreaVillages(me: Me) {
  const area = me.area ? { code: me.area.code, level: Number(me.area.level) } : null;
  return useQuery({
    queryKey: ['sightings', 'villages', area?.code ?? ''],
    queryFn: () => (area ? cached(`sinergi.sightings.villages.${area.code}`, () => loadVillages(area)) : Promise.resolve(null)),
    staleTime: Infinity, gcTime: Infinity, retry: false,
  });
}

export function useMySightings(userId: string) {
  return useQuery({
    queryKey: ['sightings', 'mine'],
    queryFn: () => cached(`sinergi.sightings.mine.${userId}`, () => api<SightingPage>('/api/v1/sightings?mine=true&pageSize=50')),
    retry: false, refetchInterval: 30_000,
  });
}

export interface TriageFilter { status?: string; village?: string; category?: string; page: number }

export function useTriageList(f: TriageFilter) {
  return useQuery({
    queryKey: ['sightings', 'triage', f],
    queryFn: ({ signal }) => api<SightingPage>(`/api/v1/sightings${queryString({ ...f, pageSize: 20 })}`, { signal }),
    refetchInterval: 30_000,
  });
}

export const getSighting = (id: string) => api<Sighting>(`/api/v1/sightings/${encodeURIComponent(id)}`);
export const linkSighting = (id: string, personId: string) => api<Sighting>(`/api/v1/sightings/${encodeURIComponent(id)}/link`, { method: 'POST', body: { personId } });
export const dismissSighting = (id: string, reason: string) => api<Sighting>(`/api/v1/sightings/${encodeURIComponent(id)}/dismiss`, { method: 'POST', body: { reason } });
/** The cases feature's route (built alongside); 404/405 until it is merged. */
export const openCase = (s: Sighting, title: string) => api<{ id: string }>('/api/v1/cases', { method: 'POST', body: { title, source: { kind: 'sighting', id: s.id } } });
export const photoUrl = (id: string) => `/api/v1/sightings/${encodeURIComponent(id)}/photo`;

export interface PersonHit { id: string; surname: string | null; givenNames: string | null; nationality: string | null; lastSeen: string | null; present: boolean }
export const searchPersons = (q: string) => api<{ items: PersonHit[] }>(`/api/v1/persons${queryString({ q, pageSize: 10 })}`).then((r) => r.items);
