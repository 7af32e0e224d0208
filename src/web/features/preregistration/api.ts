import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { StayInput } from '../../api/types';
import type { PreregAnswers } from '../../../domain/preregistration/check';
import type { PreregErrorKey } from '../../../domain/preregistration/errors';
import type { PreregLanguage } from '../../../domain/preregistration/languages';

// Calls of pre-registration. The guest's two are public and speak the guest's language.

export interface Draft {
  id: string; reference: string; language: string; createdAt: string; expiresAt: string;
  guest: PreregAnswers['guest']; permitKind: string | null; arrivalDate: string; plannedDeparture: string | null;
  proposed: StayInput;
}
export interface PreregLink { token: string; url: string; createdAt: string }

export type GuestProblem = { status: number; errors: { field: string; key: PreregErrorKey; message: string }[] };

/** The guest's calls: plain fetch, so the clerk app's id/en Accept-Language does not apply. */
async function guestFetch<T>(path: string, lang: PreregLanguage, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': lang, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw { status: 0, errors: [] } satisfies GuestProblem;
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) throw { status: res.status, errors: Array.isArray(json?.errors) ? json.errors : [] } satisfies GuestProblem;
  return json as T;
}

export const useGuestForm = (token: string, lang: PreregLanguage) => useQuery({
  queryKey: ['prereg-public', token],
  queryFn: () => guestFetch<{ lodgingName: string }>(`/api/v1/prereg/${encodeURIComponent(token)}`, lang),
  retry: false,
});

export const useGuestSubmit = (token: string) => useMutation({
  mutationFn: ({ lang, answers }: { lang: PreregLanguage; answers: PreregAnswers }) =>
    guestFetch<{ reference: string; expiresAt: string }>(`/api/v1/prereg/${encodeURIComponent(token)}`, lang, { ...answers, language: lang }),
});

export const useDrafts = () => useQuery({
  queryKey: ['preregistrations'],
  queryFn: ({ signal }) => api<{ items: Draft[]; total: number }>('/api/v1/preregistrations', { signal }),
});

export const useDraft = (id: string | undefined) => useQuery({
  queryKey: ['preregistration', id],
  queryFn: ({ signal }) => api<Draft>(`/api/v1/preregistrations/${encodeURIComponent(id!)}`, { signal }),
  enabled: !!id,
});

export function useConfirmDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<StayInput> }) =>
      api<{ id: string; receiptNumber: string }>(`/api/v1/preregistrations/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['preregistrations'] });
      void qc.invalidateQueries({ queryKey: ['stays'] });
    },
  });
}

export function useDiscardDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/preregistrations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['preregistrations'] }),
  });
}

export const useLink = () => useQuery({
  queryKey: ['prereg-link'],
  queryFn: ({ signal }) => api<{ link: PreregLink | null }>('/api/v1/prereg-link', { signal }),
});

export function useLinkChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'rotate' | 'revoke') => api<{ link: PreregLink | null } | undefined>('/api/v1/prereg-link', { method: action === 'rotate' ? 'POST' : 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['prereg-link'] }),
  });
}

export const POSTER_URL = '/api/v1/prereg-link/poster.pdf';
