import { RULE_IDS } from '../../../domain/rules';
import { ID, pageQuery } from '../../http/schemas';
import { matchReasonsJson } from '../screening/schemas';

const S = { type: ['string', 'null'] } as const;
const REASON = { type: 'string', minLength: 3, maxLength: 1000 } as const;

export const alertJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, source: { type: 'string', enum: ['rule', 'watchlist'] }, rule: { type: 'string' },
    severity: { type: 'string', enum: ['low', 'medium', 'high'] }, status: { type: 'string', enum: ['new', 'acknowledged', 'assigned', 'resolved'] },
    regionCode: { type: 'string' },
    person: { type: 'object', properties: { id: { type: 'string' }, surname: S, givenNames: S, nationality: S } },
    stayId: S,
    explanation: {
      type: 'object', description: 'why: an i18n key (rule.<name>) and its values',
      properties: {
        key: { type: 'string' },
        params: {
          type: 'object',
          properties: { reasons: matchReasonsJson }, // a watchlist alert's evidence (its detail is the same in English)
          additionalProperties: { type: ['string', 'number'] },
        },
      },
    },
    score: { type: ['number', 'null'] }, assignedAgencyId: S, assignedUserId: S,
    resolution: { type: ['string', 'null'], enum: ['confirmed', 'false_positive', 'no_action', null] }, reason: S,
    createdAt: { type: 'string' }, updatedAt: { type: 'string' }, resolvedAt: S,
    abilities: {
      type: 'object',
      properties: Object.fromEntries(['acknowledge', 'assign', 'resolve', 'confirm', 'reopen', 'comment'].map((k) => [k, { type: 'boolean' }])),
    },
  },
} as const;

export const activityJson = {
  type: 'object',
  properties: { id: { type: 'string' }, at: { type: 'string' }, actorName: { type: 'string' }, kind: { type: 'string' }, detail: { type: 'object', additionalProperties: true } },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...pageQuery,
    status: { type: 'string', enum: ['open', 'new', 'acknowledged', 'assigned', 'resolved'] },
    severity: { type: 'string', enum: ['low', 'medium', 'high'] },
    rule: { type: 'string', enum: [...RULE_IDS, 'interpol_red_notice', 'dpo', 'cekal', 'local'] },
    source: { type: 'string', enum: ['rule', 'watchlist'] },
    personId: ID,
    sort: { type: 'string', enum: ['newest', 'severity'], default: 'newest' },
  },
} as const;

export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;
export const emptyBody = { type: 'object', additionalProperties: false, properties: {} } as const;
export const assignBody = {
  type: 'object', required: ['agencyId'], additionalProperties: false,
  properties: { agencyId: ID, userId: ID }, examples: [{ agencyId: 'agency-id' }],
} as const;
export const resolveBody = {
  type: 'object', required: ['outcome', 'reason'], additionalProperties: false,
  properties: { outcome: { type: 'string', enum: ['confirmed', 'false_positive', 'no_action'] }, reason: REASON },
  examples: [{ outcome: 'false_positive', reason: 'Tanggal lahir dan paspor berbeda dari entri daftar' }],
} as const;
export const reasonBody = { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: REASON }, examples: [{ reason: 'Data baru dari lapangan' }] } as const;
export const commentBody = { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: 2000 } }, examples: [{ text: 'Sudah dicek ke hotel' }] } as const;
