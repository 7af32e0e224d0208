import { ID } from '../../http/schemas';

export const createKeyBody = {
  type: 'object', required: ['name'], additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 80, description: 'what the key is for, e.g. the hotel software\'s name' } },
  examples: [{ name: 'PMS front office' }],
} as const;

export const keyIdParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;

const keyJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, prefix: { type: 'string', description: 'the first characters of the key, to tell keys apart' },
    createdAt: { type: 'string' }, lastUsedAt: { type: ['string', 'null'], description: 'to the minute' },
    revokedAt: { type: ['string', 'null'] },
  },
} as const;

export const createdKey = {
  type: 'object',
  properties: { ...keyJson.properties, key: { type: 'string', description: 'the key itself: shown this once, only its hash is kept' } },
  examples: [{ id: '0b9c3a6e-58a5-4f0c-9f39-2f4d0f8a1d21', key: 'snrg_3q2-7Zb1xv0n5kYJr9G0f8d2mXoQp4Ls6Tt1Wc9Ue0A', name: 'PMS front office', prefix: 'snrg_3q2-7Zb', createdAt: '2026-11-30T08:00:00.000Z', lastUsedAt: null, revokedAt: null }],
} as const;

export const keyList = { type: 'object', properties: { items: { type: 'array', items: keyJson } } } as const;
