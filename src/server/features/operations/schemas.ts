import { DATE, ID, REGION_CODE, pageQuery } from '../../http/schemas';

const S = { type: ['string', 'null'] } as const;
const TEXT = (max: number) => ({ type: 'string', maxLength: max }) as const;

export const operationJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, number: { type: 'string' }, title: { type: 'string' }, plannedOn: { type: 'string' }, regionCode: { type: 'string' },
    notes: S, status: { type: 'string', enum: ['planned', 'done'] }, agencyIds: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string' }, updatedAt: { type: 'string' },
    abilities: { type: 'object', properties: { recordResults: { type: 'boolean' } } },
  },
} as const;

export const operationDetailJson = {
  type: 'object',
  properties: {
    ...operationJson.properties,
    targets: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' }, reporterOrgId: S, villageCode: { type: 'string' }, name: { type: 'string' }, villageName: S } } },
    participants: { type: 'array', items: { type: 'object', properties: { agencyId: { type: 'string' }, agencyName: { type: 'string' }, agencyKind: { type: 'string' }, userId: S, userName: S } } },
    checks: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, personId: S, name: S, nationality: S, documentsSeen: S, note: S, createdAt: { type: 'string' } } } },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' }, description: { type: 'string' }, villageCode: { type: 'string' }, personId: S, createdAt: { type: 'string' },
          case: { type: ['object', 'null'], properties: { id: { type: 'string' }, number: S, status: S } },
        },
      },
    },
  },
} as const;

export const listQuery = { type: 'object', additionalProperties: false, properties: { ...pageQuery, status: { type: 'string', enum: ['planned', 'done'] } } } as const;
export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;

export const planBody = {
  type: 'object', required: ['title', 'plannedOn', 'regionCode', 'participants'], additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 3, maxLength: 200 }, plannedOn: DATE, regionCode: REGION_CODE, notes: TEXT(4000),
    lodgingIds: { type: 'array', maxItems: 100, uniqueItems: true, items: ID, description: 'lodgings (and sponsors\' sites) to visit' },
    villageCodes: { type: 'array', maxItems: 100, uniqueItems: true, items: REGION_CODE, description: 'worksites and areas to sweep, by village code' },
    participants: {
      type: 'array', minItems: 1, maxItems: 30,
      items: { type: 'object', required: ['agencyId'], additionalProperties: false, properties: { agencyId: ID, userIds: { type: 'array', maxItems: 30, uniqueItems: true, items: ID } } },
    },
  },
  examples: [{ title: 'Operasi gabungan Lalabata', plannedOn: '2025-06-10', regionCode: '73.12', participants: [{ agencyId: 'agency-id' }] }],
} as const;

export const resultsBody = {
  type: 'object', additionalProperties: false,
  properties: {
    checks: {
      type: 'array', maxItems: 200,
      items: {
        type: 'object', additionalProperties: false,
        properties: { personId: ID, name: TEXT(200), nationality: { type: 'string', pattern: '^[A-Z]{1,3}$' }, documentsSeen: TEXT(500), note: TEXT(2000) },
      },
    },
    findings: {
      type: 'array', maxItems: 100,
      items: { type: 'object', required: ['description'], additionalProperties: false, properties: { description: { type: 'string', minLength: 3, maxLength: 4000 }, villageCode: REGION_CODE, personId: ID } },
    },
    done: { type: 'boolean', description: 'the operation is over' },
  },
  examples: [{ findings: [{ description: 'Pekerja tanpa izin kerja', villageCode: '99.99' }] }],
} as const;
