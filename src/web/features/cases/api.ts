import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';

export type CaseStatus = 'open' | 'in_progress' | 'action_taken' | 'closed';
export type CaseActionKind = 'administrative' | 'criminal_handover' | 'no_action';
export type CaseMeasure = 'deportation' | 'detention' | 'fine' | 'entry_ban' | 'other';
export type CaseSourceKind = 'stay' | 'sighting' | 'operation_finding' | 'alert';
export type CaseAbility = 'comment' | 'attach' | 'assign' | 'linkPerson' | 'start' | 'act' | 'actAdministrative' | 'actCriminal' | 'close';

export interface CaseSummary {
  id: string; number: string; title: string; summary: string | null; status: CaseStatus; source: { kind: CaseSourceKind; id: string }; regionCode: string;
  assignedAgency: { id: string; name: string | null } | null; assignedUser: { id: string; name: string | null } | null;
  action: { kind: CaseActionKind; measure: CaseMeasure | null; note: string | null; at: string | null } | null;
  createdAt: string; updatedAt: string; closedAt: string | null; abilities: Record<CaseAbility, boolean>;
}
export interface CaseEvent { id: string; at: string; actorName: string; kind: string; detail: Record<string, unknown> }
export interface CaseDetail extends CaseSummary {
  timeline: CaseEvent[];
  persons: { id: string; surname: string | null; givenNames: string | null; nationality: string | null; dateOfBirth: string | null; addedAt: string }[];
  attachments: { id: string; eventId: string; filename: string; contentType: string; size: number; createdAt: string }[];
}
export interface CaseListParams { status?: CaseStatus | 'active'; mine?: 'me' | 'agency'; page: number; pageSize: number }

export function useCases(params: CaseListParams) {
  return useQuery({
    queryKey: ['cases', params],
    queryFn: ({ signal }) => api<Page<CaseSummary>>(`/api/v1/cases${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: ['case', id], queryFn: ({ signal }) => api<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, { signal }) });
}

export function useCaseAgencies(enabled: boolean) {
  return useQuery({
    queryKey: ['case-agencies'],
    queryFn: ({ signal }) => api<{ id: string; name: string; kind: string; members: { id: string; name: string }[] }[]>('/api/v1/cases/agencies', { signal }),
    enabled, staleTime: 300_000,
  });
}

export type CaseStepInput =
  | { step: 'assign'; agencyId: string; userId?: string }
  | { step: 'start' }
  | { step: 'action'; action: CaseActionKind; measure?: CaseMeasure; note: string }
  | { step: 'close'; note?: string }
  | { step: 'comments'; text: string }
  | { step: 'persons'; personId: string }
  | { step: 'persons/remove'; personId: string }
  | { step: 'attachments'; filename: string; contentBase64: string; note?: string };

export function useCaseStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, ...body }: CaseStepInput) => api<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}/${step}`, { method: 'POST', body }),
    onSuccess: (data) => {
      qc.setQueryData(['case', id], data);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

/** Opens a case: from an alert (its own route) or from any source. */
export function useOpenCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { title?: string; summary?: string; source: { kind: CaseSourceKind; id: string } }) => input.source.kind === 'alert'
      ? api<CaseDetail>(`/api/v1/alerts/${encodeURIComponent(input.source.id)}/case`, { method: 'POST', body: { title: input.title, summary: input.summary } })
      : api<CaseDetail>('/api/v1/cases', { method: 'POST', body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['operation'] });
      void qc.invalidateQueries({ queryKey: ['alert'] });
    },
  });
}

/** A file as base64 (without the data: prefix), read in the browser. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export const STATUS_COLOR: Record<CaseStatus, string> = { open: 'blue', in_progress: 'yellow', action_taken: 'orange', closed: 'gray' };
