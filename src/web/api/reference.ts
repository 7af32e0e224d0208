import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ComboboxItem } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from './client';
import type { Country } from './types';

const CACHE_KEY = 'sinergi.countries';

async function fetchCountries(): Promise<Country[]> {
  try {
    const { items } = await api<{ items: Country[] }>('/api/v1/countries');
    try {
      localStorage.setItem(CACHE_KEY, JSON.stringify(items));
    } catch {
      /* storage full or unavailable */
    }
    return items;
  } catch (err) {
    // Offline: the last list we saw keeps the check-in form usable.
    try {
      const raw = localStorage.getItem(CACHE_KEY);
      if (raw) return JSON.parse(raw) as Country[];
    } catch {
      /* ignore */
    }
    throw err;
  }
}

export function useCountries() {
  return useQuery({ queryKey: ['countries'], queryFn: fetchCountries, staleTime: Infinity, gcTime: Infinity });
}

/** Country names in the chosen language, keyed by ICAO code. */
export function useCountryNames(): (code: string) => string {
  const { i18n } = useTranslation();
  const { data } = useCountries();
  const en = i18n.language.startsWith('en');
  const map = useMemo(() => new Map((data ?? []).map((c) => [c.code, en ? c.nameEn : c.nameId])), [data, en]);
  return (code: string) => map.get(code) ?? code;
}

/** Search in a country select by either language's name or the code: "Jerman", "Germany", "D". */
export function useCountryFilter() {
  const { data } = useCountries();
  return useMemo(() => {
    const haystack = new Map((data ?? []).map((c) => [c.code, `${c.nameId} ${c.nameEn} ${c.code}`.toLowerCase()]));
    return ({ options, search }: { options: ComboboxItem[] | unknown[]; search: string }) => {
      const q = search.trim().toLowerCase();
      const items = options as ComboboxItem[];
      if (!q) return items;
      const exact = items.filter((o) => o.value.toLowerCase() === q);
      const rest = items.filter((o) => o.value.toLowerCase() !== q && (haystack.get(o.value) ?? o.label.toLowerCase()).includes(q));
      return [...exact, ...rest];
    };
  }, [data]);
}

/** Options for a searchable select: "Indonesia (IDN)", sorted by name in the chosen language. */
export function useCountryOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const { data } = useCountries();
  const en = i18n.language.startsWith('en');
  return useMemo(
    () =>
      (data ?? [])
        .map((c) => ({ value: c.code, label: `${en ? c.nameEn : c.nameId} (${c.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, en ? 'en' : 'id')),
    [data, en],
  );
}
