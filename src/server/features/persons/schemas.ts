import { DATE, ID, REGION_CODE, pageQuery } from '../../http/schemas';

// JSON schemas of the persons routes (the response schema is the presenters' second guard).

const str = { type: ['string', 'null'] } as const;
const lodging = { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } } as const;

export const personIdParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;

export const purposeHeaders = {
  type: 'object',
  properties: { 'x-access-purpose': { type: 'string', maxLength: 200, description: 'Required: why the person is looked up (3–200 characters); kept in the audit log' } },
} as const;

export const personJson = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    identity: { type: 'object', properties: { surname: str, givenNames: str, sex: str, nationality: str } },
    dateOfBirth: str,
    documents: {
      type: ['array', 'null'],
      items: { type: 'object', properties: { type: { type: 'string' }, number: { type: 'string' }, issuingState: { type: 'string' }, expiryDate: { type: 'string' } } },
    },
    reportedIdentities: {
      type: 'array',
      items: {
        type: 'object',
        properties: { surname: str, givenNames: str, sex: str, nationality: str, dateOfBirth: str, lodgings: { type: ['array', 'null'], items: lodging } },
      },
    },
    whereabouts: {
      type: ['object', 'null'],
      properties: { status: { type: 'string', enum: ['present', 'departed', 'unknown'] }, lodging, since: str, departedOn: str },
    },
    permit: {
      type: ['object', 'null'],
      properties: { status: { type: ['string', 'null'], enum: ['valid', 'expiring', 'expired', null] }, kind: str, validUntil: str },
    },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          stayId: { type: 'string' }, regionCode: { type: 'string' }, arrivalDate: str, departureDate: str, present: { type: 'boolean' },
          lodging, permitKind: str, findings: { type: 'array', items: { type: 'string' } },
          reportKind: { type: 'string', description: 'lodging | work | residence' },
          employment: {
            type: ['object', 'null'], description: 'a worker\'s employer, position and worksite; only with the `employment` field group',
            properties: {
              employer: lodging, position: { type: 'string' }, workPermitRef: { type: 'string' },
              worksite: { type: 'object', properties: { address: { type: 'string' }, villageCode: { type: 'string' }, lat: { type: 'number' }, lng: { type: 'number' } } },
              period: { type: 'object', properties: { from: { type: 'string' }, until: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
} as const;

export const personListQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    ...pageQuery,
    q: { type: 'string', maxLength: 100, description: 'words of the name (any order; a word of one or two letters matches a whole name word, longer ones by prefix, from four letters also sound-alike) or a passport number; only fields the caller sees are matched' },
    nationality: { type: 'string', pattern: '^[A-Z]{3}$' },
    region: { ...REGION_CODE, description: 'only persons with a stay in this region of the caller\'s area (outside: 404)' },
    status: { type: 'string', enum: ['present', 'departed'] },
    lodging: { ...ID, description: 'only persons reported by this lodging / sponsor' },
    from: { ...DATE, description: 'only persons whose stay overlaps from this date' },
    to: { ...DATE, description: 'only persons whose stay overlaps up to this date' },
    sort: { type: 'string', enum: ['name', 'lastSeen'], description: 'default: name (last seen without the identity field group)' },
    dir: { type: 'string', enum: ['asc', 'desc'] },
  },
} as const;

export const personListJson = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, surname: str, givenNames: str, nationality: str, lastSeen: str, present: { type: 'boolean' } },
      },
    },
    total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' },
  },
} as const;
