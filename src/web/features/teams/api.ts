import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';

// The Timpora team workspace: teams, meetings, follow-up tasks, the periodic report.

export type Position = 'pengarah' | 'ketua' | 'sekretaris' | 'anggota';
export interface TeamSummary {
  id: string; name: string; level: string; regionCode: string; regionName: string; skNumber: string; skDate: string; skIssuer: string;
  budgetYear: number; myPosition: Position | null;
}
export interface Membership { id: string; userId: string; displayName: string; username: string; agencyId: string | null; position: Position; joinedOn: string; leftOn: string | null; active: boolean }
export interface TeamDetail extends TeamSummary {
  timeZone: string; officeAgencyId: string; officeName: string;
  agencies: { id: string; name: string; kind: string; members: Membership[] }[];
  abilities: { manage: boolean; meetings: boolean; scheduleMeeting: boolean; report: boolean };
}
export interface MeetingSummary { id: string; teamId: string; agenda: string; startsAt: string; place: string; status: 'planned' | 'held'; tasks: number; tasksDone: number }
export interface Task {
  id: string; teamId: string; teamName: string | null; meetingId: string | null; meetingAgenda: string | null; agreementId: string | null; title: string;
  ownerAgencyId: string; ownerAgencyName: string; ownerUserId: string | null; ownerUserName: string | null; dueOn: string; status: 'open' | 'done';
  doneNote: string | null; doneAt: string | null; createdAt: string; abilities: { complete: boolean };
}
export interface MeetingDetail extends MeetingSummary {
  minutes: string | null; timeZone: string;
  team: { id: string; name: string; skNumber: string; skDate: string; skIssuer: string };
  invitedAgencies: { id: string; name: string }[];
  attendance: { id: string; agencyId: string; agencyName: string; userId: string | null; name: string }[];
  agreements: { id: string; seq: number; text: string; taskId: string | null }[];
  taskList: Task[];
  teamAgencies: { id: string; name: string }[];
  members: { userId: string; name: string; agencyId: string | null; position: string }[];
  abilities: { edit: boolean };
}
export interface ReportJson { period: { label: string; from: string; to: string }; presentOn: string; sections: { id: string; title: string; rows: [string, number | string][] }[] }

const enc = encodeURIComponent;

export const useTeams = () => useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => api<TeamSummary[]>('/api/v1/teams', { signal }) });
export const useTeam = (id: string) => useQuery({ queryKey: ['team', id], queryFn: ({ signal }) => api<TeamDetail>(`/api/v1/teams/${enc(id)}`, { signal }) });
export const useMeetings = (teamId: string, enabled: boolean) =>
  useQuery({ queryKey: ['meetings', teamId], enabled, queryFn: ({ signal }) => api<MeetingSummary[]>(`/api/v1/teams/${enc(teamId)}/meetings`, { signal }) });
export const useMeeting = (id: string) => useQuery({ queryKey: ['meeting', id], queryFn: ({ signal }) => api<MeetingDetail>(`/api/v1/meetings/${enc(id)}`, { signal }) });
export const useMyTasks = () => useQuery({ queryKey: ['tasks', 'mine'], queryFn: ({ signal }) => api<Task[]>('/api/v1/tasks/mine', { signal }), refetchInterval: 30_000 });
export const useCandidates = (teamId: string, enabled: boolean) =>
  useQuery({ queryKey: ['team-candidates', teamId], enabled, queryFn: ({ signal }) => api<{ id: string; displayName: string; agencyName: string | null }[]>(`/api/v1/teams/${enc(teamId)}/candidates`, { signal }) });
export const useReport = (teamId: string, period: string, date: string) =>
  useQuery({ queryKey: ['team-report', teamId, period, date], queryFn: ({ signal }) => api<ReportJson>(`/api/v1/teams/${enc(teamId)}/reports${queryString({ period, date })}`, { signal }) });
export const reportUrl = (teamId: string, period: string, date: string, format: 'pdf' | 'xlsx') =>
  `/api/v1/teams/${enc(teamId)}/reports${queryString({ period, date, format })}`;

/** A POST/PUT/PATCH to any path of this workspace, refreshing the given queries on success. */
export function useAction(refresh: unknown[][]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PUT' | 'PATCH'; path: string; body: unknown }) => api<unknown>(path, { method, body }),
    onSuccess: () => { for (const key of refresh) void qc.invalidateQueries({ queryKey: key }); },
  });
}
