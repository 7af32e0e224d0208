import { DATE, ID, pageQuery, problems } from '../../http/schemas';
import { WATCHLIST_KINDS } from './import';

// Route schemas of the watchlist screens (and so their OpenAPI description).

export { problems };
export const idParams = { type: 'object', required: ['id'], properties: { id: ID } } as const;

const strings = { type: 'array', items: { type: 'string' } } as const;
const nullableString = { type: ['string', 'null'] } as const;

export const listJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string', enum: [...WATCHLIST_KINDS] }, source: { type: 'string' },
    regionCode: { ...nullableString, description: 'the area of an officer\'s own list; null for a national list' },
    threshold: { type: ['number', 'null'], description: 'match score from which a hit alerts (null: the default)' },
    entryCount: { type: 'integer', description: 'entries not removed' }, version: { type: 'integer', description: 'current version (0: never changed)' },
    createdAt: { type: 'string' }, changedAt: nullableString,
    abilities: { type: 'object', properties: { viewEntries: { type: 'boolean' }, manage: { type: 'boolean' }, addEntry: { type: 'boolean' } } },
  },
} as const;

export const listsPage = { type: 'object', properties: { items: { type: 'array', items: listJson }, kinds: { type: 'array', items: { type: 'string' } } } } as const;

export const createListBody = {
  type: 'object', required: ['name', 'kind', 'source'], additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 2, maxLength: 100 },
    kind: { type: 'string', enum: [...WATCHLIST_KINDS] },
    source: { type: 'string', minLength: 2, maxLength: 200, description: 'who publishes the list' },
    threshold: { type: ['number', 'null'], description: 'between 0.5 and 1 (checked by the command)' },
    regionCode: { type: ['string', 'null'], maxLength: 13, description: 'the list\'s area (default: the officer\'s own); null for a national list' },
  },
  examples: [{ name: 'DPO Polres Soppeng (contoh)', kind: 'dpo', source: 'Polres Soppeng', threshold: 0.85 }],
} as const;

export const entryJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, watchlistId: { type: 'string' }, externalId: { type: 'string', description: 'the source\'s id (manual-… for entries added by hand)' },
    manual: { type: 'boolean' }, names: strings, birthDates: strings, nationalities: strings, documentNumbers: strings,
    reason: nullableString, validUntil: nullableString, version: { type: 'integer' }, updatedAt: { type: 'string' },
    removedAt: nullableString, removedReason: nullableString, changedBy: nullableString,
    abilities: { type: 'object', properties: { remove: { type: 'boolean' } } },
  },
} as const;

export const entriesQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 100, description: 'part of any name or alias, or of the source id' },
    removed: { type: 'boolean', default: false, description: 'list the removed entries instead' },
    ...pageQuery,
  },
} as const;

export const entriesPage = {
  type: 'object',
  properties: { items: { type: 'array', items: entryJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
} as const;

export const addEntryBody = {
  type: 'object', required: ['names'], additionalProperties: false,
  properties: {
    names: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', maxLength: 200 }, description: 'the name first, then aliases; any script' },
    birthDates: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 10 }, description: 'YYYY-MM-DD, or YYYY when only the year is known' },
    nationalities: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 3 }, description: 'ICAO 3-letter codes' },
    documentNumbers: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 30 } },
    reason: { type: ['string', 'null'], maxLength: 500 },
    validUntil: { type: ['string', 'null'], maxLength: 10, description: 'last day the entry counts (YYYY-MM-DD); none: until removed' },
  },
  examples: [{ names: ['Rekaan Contoh', 'Рекаан Пример'], birthDates: ['1980'], nationalities: ['RUS'], reason: 'Contoh' }],
} as const;

export const removeBody = {
  type: 'object', required: ['reason'], additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 5, maxLength: 500 } },
  examples: [{ reason: 'Surat pencabutan DPO diterima' }],
} as const;

export const versionJson = {
  type: 'object',
  properties: {
    version: { type: 'integer' }, at: { type: 'string' }, change: { type: 'string', description: 'import | add | remove' },
    changedBy: nullableString, added: { type: 'integer' }, updated: { type: 'integer' }, removed: { type: 'integer' },
    sourceFile: nullableString, note: nullableString,
  },
} as const;
export const versionsPage = { type: 'object', properties: { items: { type: 'array', items: versionJson } } } as const;

export const importJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, watchlistId: { type: 'string' }, fileName: { type: 'string' }, status: { type: 'string', enum: ['running', 'done', 'failed'] },
    done: { type: 'integer' }, total: { type: 'integer' },
    summary: {
      type: ['object', 'null'],
      properties: { version: { type: 'integer' }, added: { type: 'integer' }, updated: { type: 'integer' }, removed: { type: 'integer' }, skipped: { type: 'integer' } },
    },
    errorCount: { type: 'integer' },
    errors: { type: 'array', description: 'the per-line report (the first 1,000)', items: { type: 'object', properties: { line: { type: 'integer' }, reason: { type: 'string' } } } },
    createdBy: { type: 'string' }, createdAt: { type: 'string' }, finishedAt: nullableString,
  },
} as const;

export const uploadQuery = {
  type: 'object', additionalProperties: false,
  properties: { fileName: { type: 'string', maxLength: 200 } },
} as const;

export const DATE_OR_YEAR = /^\d{4}(-\d{2}-\d{2})?$/;
export { DATE };
