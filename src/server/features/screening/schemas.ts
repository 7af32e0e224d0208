// A screening hit's evidence piece by piece (MatchReason in domain/matching/types.ts), as the
// manual check answers it and as a watchlist alert keeps it: a screen says it in its reader's
// language, where the hit's `explanation` is the same in English.
export const matchReasonsJson = {
  type: 'array',
  items: {
    type: 'object', required: ['kind'],
    properties: {
      kind: { type: 'string', enum: ['name', 'name_not_reported', 'name_not_listed', 'birth_date', 'no_birth_date', 'nationality', 'document'] },
      role: { type: 'string', enum: ['surname', 'given', 'name'] }, query: { type: 'string' }, entry: { type: 'string' },
      similarity: { type: 'number' }, how: { type: 'string' }, token: { type: 'string' }, result: { type: 'string' },
    },
  },
} as const;
