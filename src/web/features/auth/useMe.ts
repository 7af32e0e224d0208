import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import i18n from '../../i18n';
import type { Me } from '../../api/types';
import { timeZoneOfRegion } from '../../../domain/regions/timezones';
import { zoneOf, type Zone } from '../../lib/time';

const CACHE_KEY = 'sinergi.me';
export const ME_KEY = ['me'] as const;

function cachedMe(): Me | null {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    return raw ? (JSON.parse(raw) as Me) : null;
  } catch {
    return null;
  }
}

function rememberMe(me: Me | null) {
  try {
    if (me) localStorage.setItem(CACHE_KEY, JSON.stringify(me));
    else localStorage.removeItem(CACHE_KEY);
  } catch {
    /* storage unavailable */
  }
}

/** Without a choice made on this device, the UI follows the user's saved locale. */
function adoptLocale(me: Me) {
  try {
    if (localStorage.getItem('sinergi.lang')) return;
  } catch {
    return;
  }
  if ((me.locale === 'id' || me.locale === 'en') && i18n.language !== me.locale) void i18n.changeLanguage(me.locale);
}

/** The signed-in user, or null. Offline, the last known user keeps the app shell usable. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/v1/me');
    rememberMe(me);
    adoptLocale(me);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      rememberMe(null);
      return null;
    }
    if (err instanceof ApiError && err.isNetwork) {
      const me = cachedMe();
      if (me) return me;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The signed-in user inside the authenticated part of the app. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data;
}

/** The zone times are shown in: the user's area, or for a reporter the zone of its lodging's village. */
export function zoneOfUser(me: Me | null | undefined): Zone {
  if (me?.area?.timeZone) return zoneOf(me.area.timeZone);
  const code = me?.area?.code ?? me?.reporterOrg?.villageCode;
  return zoneOf(code ? timeZoneOfRegion(code) : null);
}

export function useZone(): Zone {
  const { data } = useMe();
  return zoneOfUser(data);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string; totp?: string; recoveryCode?: string }) =>
      api<{ user: Me }>('/api/v1/auth/login', { method: 'POST', body }),
    onSuccess: ({ user }) => {
      rememberMe(user);
      adoptLocale(user);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(ME_KEY, user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/auth/logout', { method: 'POST', body: {} }),
    onSettled: () => {
      rememberMe(null);
      // Signed out first (the guards leave the signed-in screens), then forget what was loaded.
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}
