import { ID, REGION_CODE, pageQuery } from '../../http/schemas';

// JSON schemas of the present list (the response schema is the presenter's second guard).

export const REPORT_KINDS = ['lodging', 'work', 'residence'] as const;
export const PRESENT_STATUSES = ['present', 'overstaying', 'expiring7', 'expiring30', 'late', 'conflict'] as const;
export type PresentStatus = (typeof PRESENT_STATUSES)[number];
export const PRESENT_SORTS = ['arrival', 'name', 'nationality', 'permitUntil', 'lodging'] as const;
export type PresentSort = (typeof PRESENT_SORTS)[number];

export const presentQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    ...pageQuery,
    region: { ...REGION_CODE, description: 'narrow to a region inside the caller\'s area (outside: 404)' },
    nationality: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO/ICAO alpha-3; matches only with the identity field group' },
    permitKind: { type: 'string', minLength: 1, maxLength: 40, description: 'matches only with the permit field group' },
    lodging: { ...ID, description: 'reporter organisation id; matches only with the whereabouts field group' },
    village: { ...REGION_CODE, description: 'village (or district) code; matches only with the whereabouts field group' },
    reportKind: { type: 'string', enum: REPORT_KINDS, description: 'what the foreigner is there for: a lodging guest, a worker (sponsor report) or a resident (private host)' },
    status: { type: 'string', enum: PRESENT_STATUSES, default: 'present', description: 'a status on a field group the caller does not see matches nothing' },
    sort: { type: 'string', enum: PRESENT_SORTS, default: 'arrival', description: 'a sort on a hidden field falls back to arrival' },
    dir: { type: 'string', enum: ['asc', 'desc'] },
  },
} as const;

const str = { type: ['string', 'null'] } as const;
const flag = { type: ['boolean', 'null'] } as const;

export const presentRowJson = {
  type: 'object',
  properties: {
    stayId: { type: 'string' }, personId: { type: 'string' }, reportKind: { type: 'string', description: 'lodging | work | residence' },
    regionCode: { type: 'string' },
    identity: { type: ['object', 'null'], properties: { surname: { type: 'string' }, givenNames: { type: 'string' }, nationality: { type: 'string' }, sex: { type: 'string' } } },
    document: { type: ['object', 'null'], properties: { number: str, expiryDate: str } },
    whereabouts: {
      type: ['object', 'null'],
      properties: {
        lodging: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
        village: { type: 'object', properties: { code: { type: 'string' }, name: str } },
        arrivalDate: { type: 'string' },
      },
    },
    permit: { type: ['object', 'null'], properties: { kind: { type: 'string' }, validUntil: str } },
    flags: {
      type: 'object', description: 'null where the caller does not see the field group the flag comes from',
      properties: { overstay: flag, permitExpiring: flag, passportExpired: flag },
    },
  },
} as const;

export const presentListJson = {
  type: 'object',
  properties: {
    items: { type: 'array', items: presentRowJson },
    total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' },
    today: { type: 'string', description: 'the date the statuses were computed for, in the region\'s zone' },
  },
} as const;
