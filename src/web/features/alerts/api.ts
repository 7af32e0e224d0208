import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { Page } from '../../api/types';

export type AlertSeverity = 'low' | 'medium' | 'high';
export type AlertStatus = 'new' | 'acknowledged' | 'assigned' | 'resolved';
export type AlertOutcome = 'confirmed' | 'false_positive' | 'no_action';
export type AlertAction = 'acknowledge' | 'assign' | 'resolve' | 'confirm' | 'reopen' | 'comment';

export interface Alert {
  id: string; source: 'rule' | 'watchlist'; rule: string; severity: AlertSeverity; status: AlertStatus; regionCode: string;
  person: { id: string; surname: string | null; givenNames: string | null; nationality: string | null };
  stayId: string | null; explanation: { key: string; params: Record<string, unknown> }; score: number | null;
  assignedAgencyId: string | null; resolution: AlertOutcome | null; reason: string | null;
  createdAt: string; updatedAt: string; resolvedAt: string | null;
  abilities: Record<AlertAction, boolean>;
}
export interface AlertActivity { id: string; at: string; actorName: string; kind: string; detail: Record<string, unknown> }
export interface AlertDetail extends Alert { activity: AlertActivity[]; assignedAgencyName: string | null }

export interface AlertListParams {
  status?: 'open' | AlertStatus; severity?: AlertSeverity; rule?: string; sort: 'newest' | 'severity'; page: number; pageSize: number;
}

export function useAlerts(params: AlertListParams) {
  return useQuery({
    queryKey: ['alerts', params],
    queryFn: ({ signal }) => api<Page<Alert>>(`/api/v1/alerts${queryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAlert(id: string | null) {
  return useQuery({
    queryKey: ['alert', id],
    queryFn: ({ signal }) => api<AlertDetail>(`/api/v1/alerts/${encodeURIComponent(id!)}`, { signal }),
    enabled: id !== null,
  });
}

export function useAlertAgencies(enabled: boolean) {
  return useQuery({
    queryKey: ['alert-agencies'],
    queryFn: ({ signal }) => api<{ id: string; name: string; kind: string }[]>('/api/v1/alerts/agencies', { signal }),
    enabled, staleTime: 300_000,
  });
}

export type AlertStepInput =
  | { step: 'acknowledge' }
  | { step: 'assign'; agencyId: string }
  | { step: 'resolve'; outcome: AlertOutcome; reason: string }
  | { step: 'reopen'; reason: string }
  | { step: 'comments'; text: string };

export function useAlertStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, ...body }: AlertStepInput) => api<Alert>(`/api/v1/alerts/${encodeURIComponent(id)}/${step}`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['alerts'] });
      void qc.invalidateQueries({ queryKey: ['alert', id] });
    },
  });
}
