// JSON-schema building blocks shared by route schemas (and so by the OpenAPI description).

export const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'calendar date YYYY-MM-DD' } as const;
export const NULLABLE_DATE = { type: ['string', 'null'], description: 'calendar date YYYY-MM-DD' } as const;
export const REGION_CODE = { type: 'string', pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$', description: 'official region code, e.g. 73.12' } as const;
export const ID = { type: 'string', minLength: 1, maxLength: 64 } as const;

export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    existing: {
      type: 'object', description: 'on a 409 for a record that already exists: where to find it',
      properties: { id: { type: 'string' }, receiptNumber: { type: 'string' }, href: { type: 'string' } },
    },
    mergedInto: {
      type: 'object', description: 'on a 404 for a person merged into another: the person it became',
      properties: { id: { type: 'string' }, href: { type: 'string' } },
    },
  },
} as const;

/** Standard error responses for a route's schema. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { $ref: 'Problem#' }]));

export const pageQuery = {
  page: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 }, // deeper than 10,000 pages: narrow the filter
  pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
} as const;
