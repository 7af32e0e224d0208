import { DATE, REGION_CODE, pageQuery } from '../../http/schemas';
import { GUEST, type GuestInput, stayJson } from '../stays/schemas';

// Route schemas of work reports (a company's foreign workers) and residence reports (a
// foreigner living with a private host). The foreigner is described as in a check-in.

const VILLAGE_CODE = { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$', description: 'official village (desa/kelurahan) code, e.g. 73.12.03.1001' } as const;
const TEXT = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

export const workReportBody = {
  type: 'object',
  required: ['worker', 'position', 'worksite', 'workPermitRef', 'period'],
  additionalProperties: false,
  properties: {
    worker: { ...GUEST, description: 'the foreign worker as on the passport, with the stay permit (ITAS/ITAP) as in a check-in' },
    position: { ...TEXT(100), description: 'position or job title (jabatan)' },
    worksite: {
      type: 'object',
      required: ['address', 'villageCode', 'lat', 'lng'],
      additionalProperties: false,
      description: 'where the work is done; the report belongs to this village\'s area (it may lie outside the company\'s own regency)',
      properties: {
        address: TEXT(200),
        villageCode: VILLAGE_CODE,
        lat: { type: 'number', minimum: -90, maximum: 90, description: 'GPS latitude (WGS 84), inside Indonesia' },
        lng: { type: 'number', minimum: -180, maximum: 180, description: 'GPS longitude (WGS 84), inside Indonesia' },
      },
    },
    workPermitRef: { ...TEXT(60), description: 'work permit (notifikasi / IMTA) or RPTKA reference' },
    period: {
      type: 'object',
      required: ['from', 'until'],
      additionalProperties: false,
      description: 'employment period; `from` is the start of work at the site (at most a day ahead)',
      properties: { from: DATE, until: DATE },
    },
  },
} as const;

export interface WorkReportInput {
  worker: GuestInput; position: string; workPermitRef: string;
  worksite: { address: string; villageCode: string; lat: number; lng: number };
  period: { from: string; until: string };
}

export const residenceReportBody = {
  type: 'object',
  required: ['resident', 'period'],
  additionalProperties: false,
  properties: {
    resident: { ...GUEST, description: 'the foreigner living with the host, as on the passport, with the stay permit' },
    period: {
      type: 'object',
      required: ['from'],
      additionalProperties: false,
      description: 'since when the foreigner lives at the host\'s own address, and until when (if known)',
      properties: { from: DATE, until: DATE },
    },
  },
} as const;

export interface ResidenceReportInput { resident: GuestInput; period: { from: string; until?: string } }

const PERSON_ID = { type: ['string', 'null'], description: 'only for agencies that work screening' } as const;
export const reportResult = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'the stay; end it with POST /api/v1/stays/{id}/checkout' },
    receiptNumber: { type: 'string' }, personId: PERSON_ID,
  },
} as const;

export const workReportListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...pageQuery,
    present: { type: 'boolean', description: 'true: still employed (not checked out)' },
    region: REGION_CODE,
    q: { type: 'string', maxLength: 100 },
    sort: { type: 'string', enum: ['createdAt', '-createdAt', 'arrivalDate', '-arrivalDate', 'surname', '-surname'], default: '-createdAt' },
  },
} as const;

export const workReportList = {
  type: 'object',
  properties: { items: { type: 'array', items: stayJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
} as const;

