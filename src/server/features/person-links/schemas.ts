import { ID, REGION_CODE, pageQuery } from '../../http/schemas';

// JSON schemas of the entity-resolution routes (the response schema is the presenters' second guard).

const str = { type: ['string', 'null'] } as const;
const reasonText = { type: 'string', minLength: 3, maxLength: 500 } as const;

export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;

const summaryJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, surname: str, givenNames: str, sex: str, nationality: str, dateOfBirth: str,
    documents: {
      type: ['array', 'null'],
      items: { type: 'object', properties: { type: { type: 'string' }, number: { type: 'string' }, issuingState: { type: 'string' }, expiryDate: { type: 'string' } } },
    },
    staysCount: { type: 'integer', description: 'stays in the caller\'s scope' },
  },
} as const;

const reasonsJson = {
  type: 'array', description: 'why the two may be one person',
  items: { type: 'string', enum: ['same_name_key', 'same_birth_date', 'same_nationality', 'different_document', 'same_sex', 'different_sex', 'same_issuing_state'] },
} as const;
const decisionAbilities = { type: 'object', properties: { merge: { type: 'boolean' }, dismiss: { type: 'boolean' } } } as const;

export const candidatesJson = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: { person: summaryJson, score: { type: 'number', minimum: 0, maximum: 1 }, reasons: reasonsJson, abilities: decisionAbilities },
      },
    },
  },
} as const;

export const queueQuery = {
  type: 'object', additionalProperties: false,
  properties: { ...pageQuery, region: { ...REGION_CODE, description: 'only pairs whose first person has a stay in this region (within the caller\'s area)' } },
} as const;

export const queueJson = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', properties: { a: summaryJson, b: summaryJson, score: { type: 'number' }, reasons: reasonsJson, abilities: decisionAbilities } },
    },
    total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' },
  },
} as const;

export const decisionBody = (example: Record<string, string>) => ({
  type: 'object', required: ['otherPersonId', 'reason'], additionalProperties: false,
  properties: { otherPersonId: ID, reason: reasonText },
  examples: [example],
}) as const;

export const splitBody = {
  type: 'object', required: ['reason'], additionalProperties: false,
  properties: { reason: reasonText },
  examples: [{ reason: 'Paspor diperiksa: dua orang berbeda dengan nama sama' }],
} as const;

export const mergeJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, keptPersonId: { type: 'string' }, absorbedPersonId: { type: 'string' }, absorbedName: str,
    reason: { type: 'string' }, mergedAt: { type: 'string' }, mergedBy: str,
    moved: {
      type: 'object', description: 'how many rows of each kind moved to the kept person',
      properties: Object.fromEntries(['stays', 'documents', 'identityConflicts', 'alerts', 'sightings', 'operationChecks', 'operationFindings', 'cases']
        .map((k) => [k, { type: 'integer' }])),
    },
    splitAt: str, splitBy: str, splitReason: str,
    abilities: { type: 'object', properties: { split: { type: 'boolean' } } },
  },
} as const;

export const mergesJson = { type: 'object', properties: { items: { type: 'array', items: mergeJson } } } as const;

export const dismissalJson = {
  type: 'object', properties: { personId: { type: 'string' }, otherPersonId: { type: 'string' }, reason: { type: 'string' }, dismissedAt: { type: 'string' } },
} as const;
