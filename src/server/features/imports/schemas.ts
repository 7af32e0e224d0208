import { IMPORT_FIELDS } from '../../../domain/imports/fields';
import { ID, pageQuery } from '../../http/schemas';
import { MAX_COLUMNS } from './read';

// Route schemas of the imports feature.

export const mappingSchema = {
  type: 'object', additionalProperties: false,
  description: 'field → column number (0-based) of the file; fields not named are not imported',
  properties: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, { type: 'integer', minimum: 0, maximum: MAX_COLUMNS - 1 }])),
} as const;

export const mappingBody = {
  type: 'object', required: ['mapping'], additionalProperties: false,
  properties: { mapping: mappingSchema },
  examples: [{ mapping: { surname: 0, givenNames: 1, sex: 2, dateOfBirth: 3, nationality: 4, documentNumber: 5, documentExpiry: 6, permitKind: 7, arrivalDate: 8 } }],
} as const;

export const uploadQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    lodgingId: { ...ID, description: 'officers only: the lodging the guests stayed at' },
    fileName: { type: 'string', maxLength: 200, description: 'the file\'s name, kept with the import' },
  },
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: ID } } as const;
export const pageOnly = { type: 'object', additionalProperties: false, properties: { ...pageQuery } } as const;

const COUNT = { type: 'integer' } as const;
export const importJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, lodgingId: { type: 'string' }, fileName: { type: 'string' }, format: { type: 'string', enum: ['csv', 'xlsx'] },
    createdAt: { type: 'string' }, finishedAt: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['uploaded', 'checked', 'running', 'done', 'failed'] },
    rows: { ...COUNT, description: 'data rows in the file' },
    processed: { ...COUNT, description: 'rows handled so far by a running import' },
    stored: { ...COUNT, description: 'stays stored by the import' },
    skipped: { ...COUNT, description: 'rows already imported before (same lodging, passport and arrival date): never stored twice' },
    failed: { ...COUNT, description: 'rows with errors' },
    wouldStore: { type: ['integer', 'null'], description: 'after a dry run: rows the import would store' },
    percent: { type: 'integer', description: 'progress of a running import, 0-100' },
    headers: { type: 'array', items: { type: 'string' } },
    mapping: { type: ['object', 'null'], additionalProperties: { type: 'integer' } },
  },
} as const;

export const uploadResult = {
  type: 'object',
  properties: {
    ...importJson.properties,
    sample: { type: 'array', items: { type: 'array', items: { type: 'string' } }, description: 'the first rows, to check the mapping' },
    suggested: { type: 'object', additionalProperties: { type: 'integer' }, description: 'the lodging\'s remembered mapping, else columns named as usual' },
  },
} as const;

export const errorsPage = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', properties: { row: COUNT, field: { type: 'string' }, column: { type: ['string', 'null'] }, message: { type: 'string' } } },
    },
    total: COUNT, page: COUNT, pageSize: COUNT,
  },
} as const;

export const receiptsPage = {
  type: 'object',
  properties: {
    items: { type: 'array', items: { type: 'object', properties: { row: COUNT, stayId: { type: 'string' }, receiptNumber: { type: 'string' } } } },
    total: COUNT, page: COUNT, pageSize: COUNT,
  },
} as const;
