import { ACTIVITY_CATEGORIES, RT_RW_PATTERN, SIGHTING_STATUSES } from '../../../domain/sightings';
import { ID, REGION_CODE, pageQuery } from '../../http/schemas';

// Route schemas of early-detection reports (sightings). The body is the field form's, as the
// issue fixes it; the phone sends it with an Idempotency-Key made once per queued report.

const VILLAGE_CODE = { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$', description: 'official village (desa/kelurahan) code, e.g. 73.12.04.1001' } as const;
const TEXT = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

export const sightingBody = {
  type: 'object',
  required: ['observedAt', 'location', 'subject', 'activity'],
  additionalProperties: false,
  properties: {
    observedAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$', maxLength: 40, description: 'when the person was seen (ISO 8601 with offset); not in the future, at most 30 days ago' },
    location: {
      type: 'object', required: ['lat', 'lon', 'villageCode'], additionalProperties: false,
      description: 'where: GPS (WGS 84, inside Indonesia) and the village, optionally RW and RT; the village must lie in the reporter\'s area',
      properties: {
        lat: { type: 'number', minimum: -90, maximum: 90 }, lon: { type: 'number', minimum: -180, maximum: 180 },
        villageCode: VILLAGE_CODE,
        rw: { type: 'string', pattern: RT_RW_PATTERN, description: 'rukun warga number' },
        rt: { type: 'string', pattern: RT_RW_PATTERN, description: 'rukun tetangga number' },
      },
    },
    subject: {
      type: 'object', additionalProperties: false, description: 'who, if known',
      properties: {
        name: TEXT(100),
        nationality: { type: 'string', pattern: '^[A-Z]{3}$', description: 'a guess, ICAO alpha-3 (e.g. CHN)' },
        description: TEXT(500),
      },
    },
    activity: {
      type: 'object', required: ['category'], additionalProperties: false,
      properties: { category: { type: 'string', enum: ACTIVITY_CATEGORIES }, note: TEXT(500) },
    },
  },
  examples: [{
    observedAt: '2025-06-01T09:30:00+08:00',
    location: { lat: -4.3505, lon: 119.8857, villageCode: '73.12.04.1001', rw: '002', rt: '004' },
    subject: { name: 'unknown man', nationality: 'CHN', description: 'about 40, works at the brick kiln' },
    activity: { category: 'working', note: 'carrying bricks since last week' },
  }],
} as const;

export interface SightingInput {
  observedAt: string;
  location: { lat: number; lon: number; villageCode: string; rw?: string; rt?: string };
  subject: { name?: string; nationality?: string; description?: string };
  activity: { category: string; note?: string };
}

export const idempotencyHeaders = {
  type: 'object', required: ['idempotency-key'],
  properties: { 'idempotency-key': { type: 'string', minLength: 8, maxLength: 100, description: 'made once per report on the phone; a replay returns the first answer' } },
} as const;

export const createdJson = { type: 'object', properties: { id: { type: 'string' } } } as const;
export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;

export const listQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    ...pageQuery,
    mine: { type: 'boolean', description: 'true: the caller\'s own reports with their status (a field officer always gets its own)' },
    status: { type: 'string', enum: SIGHTING_STATUSES },
    village: REGION_CODE,
    category: { type: 'string', enum: ACTIVITY_CATEGORIES },
  },
} as const;
export interface SightingListFilter { page: number; pageSize: number; mine?: boolean; status?: string; village?: string; category?: string }

const nullableString = { type: ['string', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
export const sightingJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, observedAt: { type: 'string' }, createdAt: { type: 'string' }, status: { type: 'string', enum: SIGHTING_STATUSES },
    location: {
      type: 'object',
      description: 'lat, lon, rw and rt are null for agencies that need only the village (docs/access.md)',
      properties: { villageCode: { type: 'string' }, villageName: nullableString, lat: nullableNumber, lon: nullableNumber, rw: nullableString, rt: nullableString, exact: { type: 'boolean' } },
    },
    subject: { type: 'object', properties: { name: nullableString, nationality: nullableString, description: nullableString } },
    activity: { type: 'object', properties: { category: { type: 'string' }, note: nullableString } },
    reporter: { type: 'object', properties: { name: nullableString, agencyName: nullableString } },
    outcome: {
      type: 'object', description: 'what became of the report',
      properties: {
        personId: nullableString, personName: nullableString, caseId: nullableString, reason: nullableString, at: nullableString, by: nullableString,
      },
    },
    hasPhoto: { type: 'boolean' },
    abilities: { type: 'object', properties: { link: { type: 'boolean' }, dismiss: { type: 'boolean' }, openCase: { type: 'boolean' }, attachPhoto: { type: 'boolean' } } },
  },
} as const;

export const sightingList = {
  type: 'object',
  properties: { items: { type: 'array', items: sightingJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
} as const;

export const linkBody = {
  type: 'object', required: ['personId'], additionalProperties: false,
  properties: { personId: { ...ID, description: 'a person of the area (GET /api/v1/persons?q=)' }, note: TEXT(500) },
} as const;
export const dismissBody = {
  type: 'object', required: ['reason'], additionalProperties: false,
  properties: { reason: { ...TEXT(500), description: 'why nothing follows (shown to the reporting officer)' } },
} as const;
