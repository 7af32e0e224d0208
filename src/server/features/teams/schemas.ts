import { DATE, ID } from '../../http/schemas';
import { POSITIONS } from './policy';

const S = { type: 'string' } as const;
const NS = { type: ['string', 'null'] } as const;
const POSITION = { type: 'string', enum: [...POSITIONS], description: 'pengarah (steering), ketua (chair), sekretaris (secretary), anggota (member)' } as const;

export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;

export const teamSummaryJson = {
  type: 'object',
  properties: {
    id: S, name: S, level: { type: 'string', enum: ['province', 'regency', 'district'] }, regionCode: S, regionName: S,
    skNumber: S, skDate: S, skIssuer: S, budgetYear: { type: 'integer' }, myPosition: NS,
  },
} as const;

export const membershipJson = {
  type: 'object',
  properties: {
    id: S, userId: S, displayName: S, username: S, agencyId: NS, position: POSITION, joinedOn: S, leftOn: NS, active: { type: 'boolean' },
  },
} as const;

export const teamDetailJson = {
  type: 'object',
  properties: {
    ...teamSummaryJson.properties,
    timeZone: S, officeAgencyId: S, officeName: S,
    agencies: {
      type: 'array', description: 'member agencies, each with its members (present and past)',
      items: { type: 'object', properties: { id: S, name: S, kind: S, members: { type: 'array', items: membershipJson } } },
    },
    abilities: { type: 'object', properties: { manage: { type: 'boolean' }, meetings: { type: 'boolean' }, scheduleMeeting: { type: 'boolean' }, report: { type: 'boolean' } } },
  },
} as const;

export const addMemberBody = {
  type: 'object', required: ['userId', 'position'], additionalProperties: false,
  properties: { userId: ID, position: POSITION, joinedOn: DATE },
  examples: [{ userId: 'user-id', position: 'anggota' }],
} as const;

export const editMemberBody = {
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: { position: POSITION, leftOn: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'leaving date YYYY-MM-DD; null: still a member' } },
  examples: [{ position: 'sekretaris' }],
} as const;

export const candidateJson = {
  type: 'object', properties: { id: S, displayName: S, username: S, agencyId: S, agencyName: NS },
} as const;
