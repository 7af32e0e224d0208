import { DATE, ID } from '../../http/schemas';

const S = { type: 'string' } as const;
const NS = { type: ['string', 'null'] } as const;
const INSTANT = {
  type: 'string', maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$',
  description: 'an instant with its offset, e.g. 2025-03-04T09:00:00+08:00 (stored in UTC)',
} as const;

export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;

export const meetingSummaryJson = {
  type: 'object',
  properties: {
    id: S, teamId: S, agenda: S, startsAt: S, place: S, status: { type: 'string', enum: ['planned', 'held'] },
    tasks: { type: 'integer' }, tasksDone: { type: 'integer' },
  },
} as const;

export const taskJson = {
  type: 'object',
  properties: {
    id: S, teamId: S, teamName: NS, meetingId: NS, meetingAgenda: NS, agreementId: NS, title: S, ownerAgencyId: S, ownerAgencyName: S,
    ownerUserId: NS, ownerUserName: NS, dueOn: S, status: { type: 'string', enum: ['open', 'done'] }, doneNote: NS, doneAt: NS,
    createdAt: S, abilities: { type: 'object', properties: { complete: { type: 'boolean' } } },
  },
} as const;

const named = { type: 'object', properties: { id: S, name: S } } as const;

export const meetingDetailJson = {
  type: 'object',
  properties: {
    ...meetingSummaryJson.properties,
    minutes: NS, timeZone: S,
    team: { type: 'object', properties: { id: S, name: S, skNumber: S, skDate: S, skIssuer: S } },
    invitedAgencies: { type: 'array', items: named },
    attendance: { type: 'array', items: { type: 'object', properties: { id: S, agencyId: S, agencyName: S, userId: NS, name: S } } },
    agreements: { type: 'array', items: { type: 'object', properties: { id: S, seq: { type: 'integer' }, text: S, taskId: NS } } },
    taskList: { type: 'array', items: taskJson },
    teamAgencies: { type: 'array', items: named },
    members: { type: 'array', description: 'active members of the team (for attendance and task owners)', items: { type: 'object', properties: { userId: S, name: S, agencyId: NS, position: S } } },
    abilities: { type: 'object', properties: { edit: { type: 'boolean' } } },
  },
} as const;

export const createMeetingBody = {
  type: 'object', required: ['agenda', 'startsAt', 'place'], additionalProperties: false,
  properties: {
    agenda: { type: 'string', minLength: 3, maxLength: 2000 }, startsAt: INSTANT, place: { type: 'string', minLength: 2, maxLength: 300 },
    invitedAgencyIds: { type: 'array', maxItems: 100, items: ID, default: [] },
  },
  examples: [{ agenda: 'Rapat koordinasi Timpora triwulan I', startsAt: '2025-03-04T09:00:00+08:00', place: 'Hotel Maryam, Watansoppeng', invitedAgencyIds: ['agency-id'] }],
} as const;

export const attendanceBody = {
  type: 'object', required: ['entries'], additionalProperties: false,
  properties: {
    entries: {
      type: 'array', maxItems: 300,
      items: {
        type: 'object', required: ['agencyId'], additionalProperties: false,
        properties: { agencyId: ID, userId: ID, name: { type: 'string', minLength: 1, maxLength: 200, description: 'for someone without an account' } },
      },
    },
  },
  examples: [{ entries: [] }],
} as const;

export const minutesBody = {
  type: 'object', required: ['minutes'], additionalProperties: false,
  properties: { minutes: { type: 'string', maxLength: 50_000 } },
  examples: [{ minutes: 'Rapat dibuka oleh Ketua Tim pukul 09.00 WITA.' }],
} as const;

export const agreementBody = {
  type: 'object', required: ['text'], additionalProperties: false,
  properties: { text: { type: 'string', minLength: 3, maxLength: 2000 } },
  examples: [{ text: 'Polres melakukan pengecekan bersama ke lokasi kerja PT Sutera' }],
} as const;

export const taskBody = {
  type: 'object', required: ['agreementId', 'ownerAgencyId', 'dueOn'], additionalProperties: false,
  properties: { agreementId: ID, ownerAgencyId: ID, ownerUserId: ID, dueOn: DATE, title: { type: 'string', minLength: 3, maxLength: 2000 } },
  examples: [{ agreementId: 'agreement-id', ownerAgencyId: 'agency-id', dueOn: '2025-03-31' }],
} as const;

export const doneBody = {
  type: 'object', required: ['note'], additionalProperties: false,
  properties: { note: { type: 'string', minLength: 3, maxLength: 2000 } },
  examples: [{ note: 'Pengecekan selesai, tidak ada temuan' }],
} as const;
