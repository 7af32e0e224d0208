import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';

// Entity resolution as the server sends it (null: withheld by the field matrix).

export type LinkReason = 'same_name_key' | 'same_birth_date' | 'same_nationality' | 'different_document' | 'same_sex' | 'different_sex' | 'same_issuing_state';

/** One side of a comparison: a person as the caller may see it, with its stays in the caller's scope. */
export interface LinkPerson {
  id: string; surname: string | null; givenNames: string | null; sex: 'M' | 'F' | 'X' | null; nationality: string | null; dateOfBirth: string | null;
  documents: { type: string; number: string; issuingState: string; expiryDate: string }[] | null;
  staysCount: number;
}
export interface DecisionAbilities { merge: boolean; dismiss: boolean }
export interface Candidate { person: LinkPerson; score: number; reasons: LinkReason[]; abilities: DecisionAbilities }
export interface LinkPair { a: LinkPerson; b: LinkPerson; score: number; reasons: LinkReason[]; abilities: DecisionAbilities }
export interface PersonMerge {
  id: string; keptPersonId: string; absorbedPersonId: string; absorbedName: string | null; reason: string; mergedAt: string; mergedBy: string | null;
  moved: Record<'stays' | 'documents' | 'identityConflicts' | 'alerts' | 'sightings' | 'operationChecks' | 'operationFindings' | 'cases', number>;
  splitAt: string | null; splitBy: string | null; splitReason: string | null; abilities: { split: boolean };
}

export function useProbableLinks(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['probable-links', personId],
    enabled,
    queryFn: ({ signal }) => api<{ items: Candidate[] }>(`/api/v1/persons/${encodeURIComponent(personId)}/probable-links`, { signal }),
    retry: false,
  });
}

export function usePersonMerges(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['person-merges', personId],
    enabled,
    queryFn: ({ signal }) => api<{ items: PersonMerge[] }>(`/api/v1/persons/${encodeURIComponent(personId)}/merges`, { signal }),
    retry: false,
  });
}

export function useProbableQueue(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['probable-links', 'queue', params],
    queryFn: ({ signal }) => api<Page<LinkPair>>(`/api/v1/probable-links${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    for (const key of ['probable-links', 'person-merges', 'person']) void qc.invalidateQueries({ queryKey: [key] });
  };
}

export type LinkDecision = 'merge' | 'dismiss';

/** Merge `otherPersonId` into `personId`, or decide they are not the same person. */
export function useDecideLink() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ decision, personId, otherPersonId, reason }: { decision: LinkDecision; personId: string; otherPersonId: string; reason: string }) =>
      api<unknown>(`/api/v1/persons/${encodeURIComponent(personId)}/${decision === 'merge' ? 'merge' : 'probable-links/dismiss'}`, {
        method: 'POST', body: { otherPersonId, reason },
      }),
    onSuccess: done,
  });
}

export function useSplitMerge() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ mergeId, reason }: { mergeId: string; reason: string }) =>
      api<PersonMerge>(`/api/v1/person-merges/${encodeURIComponent(mergeId)}/split`, { method: 'POST', body: { reason } }),
    onSuccess: done,
  });
}
