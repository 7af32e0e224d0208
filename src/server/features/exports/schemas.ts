import { SOURCE_IDS, SOURCES } from './sources';

// every filter field any source takes (each source then checks that the fields are its own)
// without their defaults: a default would land in every source's filter (e.g. the stays' sort in a persons filter)
const filterProperties = Object.fromEntries(SOURCE_IDS.flatMap((id) => Object.entries((SOURCES[id]!.filterSchema.properties ?? {}) as Record<string, object>))
  .map(([name, schema]) => [name, Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'default'))]));

const sourceList = SOURCE_IDS.map((id) => `\`${id}\` (${SOURCES[id]!.title.en})`).join(', ');

export const exportBody = {
  type: 'object', additionalProperties: false, required: ['source', 'format', 'purpose'],
  properties: {
    source: { type: 'string', enum: SOURCE_IDS, description: `what to export: ${sourceList}` },
    filter: { type: 'object', additionalProperties: false, properties: filterProperties, default: {}, description: 'the list\'s own filter (e.g. stays: present, region, q, reportKind, sort; persons: q, nationality; figures: region)' },
    format: { type: 'string', enum: ['csv', 'xlsx'] },
    purpose: { type: 'string', minLength: 3, maxLength: 200, description: 'why the file is made; kept in the audit log' },
  },
  examples: [{ source: 'stays', filter: { present: true }, format: 'xlsx', purpose: 'Rapat Timpora Desember' }],
} as const;

export const exportIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;

export const exportJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, source: { type: 'string' }, format: { type: 'string', enum: ['csv', 'xlsx'] }, purpose: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    rowsDone: { type: 'integer' }, rowsTotal: { type: ['integer', 'null'] }, percent: { type: 'integer', minimum: 0, maximum: 100 },
    fileName: { type: ['string', 'null'] },
    fileUrl: { type: ['string', 'null'], description: 'where to download the file once done (null before, and after the retention period)' },
    createdAt: { type: 'string' }, finishedAt: { type: ['string', 'null'] },
  },
} as const;

const cell = { oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5'] }], description: 'a count; 1 to 4 shown as "<5" so nobody can be singled out' } as const;

export const publicStatsQuery = {
  type: 'object', additionalProperties: false, required: ['region'],
  properties: { region: { type: 'string', pattern: '^\\d{2}(\\.\\d{2})?$', description: 'a province (73) or regency/city (73.12)' } },
} as const;

export const publicStatsJson = {
  type: 'object',
  properties: {
    region: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
    asOf: { type: 'string', description: 'local time of the figures, with its zone (e.g. 2026-11-30 19:00 WITA)' },
    districts: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, present: cell } } },
    total: {
      type: 'object', description: 'the sum of the shown counts; not exact when some district is suppressed (else the hidden count could be worked out)',
      properties: { present: { type: 'integer' }, exact: { type: 'boolean' } },
    },
    suppressBelow: { type: 'integer' },
  },
} as const;
