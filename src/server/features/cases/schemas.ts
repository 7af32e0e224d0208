import { ID, pageQuery } from '../../http/schemas';
import { MAX_BASE64_CHARS } from './attachments';

const S = { type: ['string', 'null'] } as const;
const NOTE = { type: 'string', minLength: 3, maxLength: 2000 } as const;
const STATUS = ['open', 'in_progress', 'action_taken', 'closed'] as const;
export const SOURCE_KINDS = ['stay', 'sighting', 'operation_finding', 'alert'] as const;
const abilityNames = ['comment', 'attach', 'assign', 'linkPerson', 'start', 'act', 'actAdministrative', 'actCriminal', 'close'];

export const caseJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, number: { type: 'string' }, title: { type: 'string' }, summary: S, status: { type: 'string', enum: STATUS },
    source: { type: 'object', properties: { kind: { type: 'string', enum: SOURCE_KINDS }, id: { type: 'string' } } },
    regionCode: { type: 'string' },
    assignedAgency: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: S } },
    assignedUser: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: S } },
    action: {
      type: ['object', 'null'],
      properties: {
        kind: { type: 'string', enum: ['administrative', 'criminal_handover', 'no_action'] },
        measure: { type: ['string', 'null'], enum: ['deportation', 'detention', 'fine', 'entry_ban', 'other', null] }, note: S, at: S,
      },
    },
    createdAt: { type: 'string' }, updatedAt: { type: 'string' }, closedAt: S,
    abilities: { type: 'object', properties: Object.fromEntries(abilityNames.map((k) => [k, { type: 'boolean' }])) },
  },
} as const;

export const caseDetailJson = {
  type: 'object',
  properties: {
    ...caseJson.properties,
    timeline: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, at: { type: 'string' }, actorName: { type: 'string' }, kind: { type: 'string' }, detail: { type: 'object', additionalProperties: true } } },
    },
    persons: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, surname: S, givenNames: S, nationality: S, dateOfBirth: S, addedAt: { type: 'string' } } },
    },
    attachments: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, eventId: { type: 'string' }, filename: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' }, createdAt: { type: 'string' } } },
    },
  },
} as const;

export const listQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    ...pageQuery,
    status: { type: 'string', enum: [...STATUS, 'active'] },
    mine: { type: 'string', enum: ['me', 'agency'], description: 'assigned to me, or to my agency' },
    sourceKind: { type: 'string', enum: SOURCE_KINDS },
    sourceId: ID,
  },
} as const;

export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;
const TITLE = { type: 'string', minLength: 3, maxLength: 200 } as const;
const SUMMARY = { type: 'string', maxLength: 4000 } as const;
const PERSON_IDS = { type: 'array', maxItems: 50, uniqueItems: true, items: ID } as const;

export const openBody = {
  type: 'object', required: ['title', 'source'], additionalProperties: false,
  properties: {
    title: TITLE, summary: SUMMARY,
    source: { type: 'object', required: ['kind', 'id'], additionalProperties: false, properties: { kind: { type: 'string', enum: SOURCE_KINDS }, id: ID } },
    personIds: PERSON_IDS,
  },
  examples: [{ title: 'WNA bekerja tanpa izin di Lalabata', source: { kind: 'stay', id: 'stay-id' } }],
} as const;

export const openFromAlertBody = {
  type: 'object', additionalProperties: false,
  properties: { title: { ...TITLE, description: 'default: "Tindak lanjut peringatan <rule>"' }, summary: SUMMARY, personIds: PERSON_IDS },
  examples: [{ title: 'Overstay di Hotel Maryam' }],
} as const;

export const assignBody = {
  type: 'object', required: ['agencyId'], additionalProperties: false, properties: { agencyId: ID, userId: ID }, examples: [{ agencyId: 'no-such-agency' }],
} as const;
export const startBody = { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 2000 } }, examples: [{}] } as const;
export const actBody = {
  type: 'object', required: ['action', 'note'], additionalProperties: false,
  properties: {
    action: { type: 'string', enum: ['administrative', 'criminal_handover', 'no_action'], description: 'administrative immigration action (TAK), hand-over to investigators (pro justitia), or no action with the reason in note' },
    measure: { type: 'string', enum: ['deportation', 'detention', 'fine', 'entry_ban', 'other'], description: 'for an administrative action only' },
    note: NOTE,
  },
  examples: [{ action: 'administrative', measure: 'deportation', note: 'Dideportasi melalui Bandara Sultan Hasanuddin' }],
} as const;
export const closeBody = { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 2000 } }, examples: [{}] } as const;
export const commentBody = { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: 4000 } }, examples: [{ text: 'Sudah dicek ke lokasi' }] } as const;
export const personBody = { type: 'object', required: ['personId'], additionalProperties: false, properties: { personId: ID }, examples: [{ personId: 'no-such-person' }] } as const;
export const attachBody = {
  type: 'object', required: ['filename', 'contentBase64'], additionalProperties: false,
  properties: {
    filename: { type: 'string', minLength: 1, maxLength: 200 },
    contentBase64: { type: 'string', minLength: 1, maxLength: MAX_BASE64_CHARS, description: 'the file, base64; JPEG, PNG or PDF (type read from the bytes), at most 5 MB' },
    note: { type: 'string', maxLength: 2000 },
  },
  examples: [{ filename: 'foto.txt', contentBase64: 'aGFsbG8=' }],
} as const;
