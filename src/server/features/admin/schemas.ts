import { ROLES } from '../../auth/actor';
import { ID, REGION_CODE } from '../../http/schemas';

export const AGENCY_KINDS = ['imigrasi', 'kesbangpol', 'polres', 'kodim', 'kejaksaan', 'bin', 'disnaker', 'disdik', 'dukcapil', 'kemenag', 'pemerintah_desa', 'other'] as const;
export const LODGING_TYPES = ['hotel', 'villa', 'homestay', 'guest_house', 'kos', 'other'] as const;

export const agencyBody = {
  type: 'object', required: ['kind', 'name', 'regionCode'], additionalProperties: false,
  properties: { kind: { type: 'string', enum: [...AGENCY_KINDS] }, name: { type: 'string', minLength: 3, maxLength: 150 }, regionCode: REGION_CODE },
} as const;
export const agencyJson = { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' }, regionCode: { type: 'string' } } } as const;

export const reporterOrgBody = {
  type: 'object', required: ['kind', 'name', 'villageCode'], additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['lodging', 'company', 'private'] }, lodgingType: { type: 'string', enum: [...LODGING_TYPES] },
    name: { type: 'string', minLength: 2, maxLength: 150 }, address: { type: 'string', maxLength: 300 },
    villageCode: { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$' }, phone: { type: 'string', maxLength: 30 }, verified: { type: 'boolean' },
  },
} as const;
export const reporterOrgJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, kind: { type: 'string' }, lodgingType: { type: ['string', 'null'] }, name: { type: 'string' },
    address: { type: 'string' }, villageCode: { type: 'string' }, verified: { type: 'boolean' },
  },
} as const;

export const userBody = {
  type: 'object', required: ['username', 'displayName', 'password', 'role'], additionalProperties: false,
  properties: {
    username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{2,39}$' }, displayName: { type: 'string', minLength: 2, maxLength: 100 },
    password: { type: 'string', minLength: 1, maxLength: 256 }, role: { type: 'string', enum: ROLES },
    agencyId: ID, areaCode: REGION_CODE, reporterOrgId: ID, email: { type: 'string', maxLength: 200 },
  },
} as const;
export const userJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, username: { type: 'string' }, displayName: { type: 'string' }, role: { type: 'string' },
    agencyId: { type: ['string', 'null'] }, areaCode: { type: ['string', 'null'] }, reporterOrgId: { type: ['string', 'null'] }, active: { type: 'boolean' },
    approval: { type: 'string', enum: ['approved', 'pending', 'rejected'] }, createdBy: { type: ['string', 'null'] },
    abilities: { type: 'object', properties: { approve: { type: 'boolean' }, reject: { type: 'boolean' } } },
  },
} as const;

export interface AgencyInput { kind: string; name: string; regionCode: string }
export interface ReporterOrgInput { kind: 'lodging' | 'company' | 'private'; lodgingType?: string; name: string; address?: string; villageCode: string; phone?: string; verified?: boolean }
export interface UserInput { username: string; displayName: string; password: string; role: string; agencyId?: string; areaCode?: string; reporterOrgId?: string; email?: string }
