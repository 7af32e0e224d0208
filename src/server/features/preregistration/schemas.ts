import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { PREREG_ERROR_KEYS } from '../../../domain/preregistration/errors';
import { PREREG_LANGUAGES } from '../../../domain/preregistration/languages';
import { DATE, ID } from '../../http/schemas';
import { checkInBody } from '../stays/schemas';

// Route schemas of guest pre-registration: the guest's public form and the clerk's drafts.

/** Unguessable link token: 24 base64url characters (144 random bits). */
export const TOKEN = { type: 'string', minLength: 1, maxLength: 64 } as const;
export const tokenParams = { type: 'object', required: ['token'], additionalProperties: false, properties: { token: TOKEN } } as const;
export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: ID } } as const;

// Lengths are generous and the guest's own words are checked by the domain rules; an empty
// required field is named by those rules in the guest's language (so minLength is left out).
const TEXT = (max: number) => ({ type: 'string', maxLength: max }) as const;

export const publicBody = {
  type: 'object',
  required: ['language', 'guest', 'arrivalDate'],
  additionalProperties: false,
  properties: {
    language: { type: 'string', enum: [...PREREG_LANGUAGES], description: 'the form\'s language; problems come back in it' },
    guest: {
      type: 'object',
      required: ['surname', 'givenNames', 'sex', 'dateOfBirth', 'nationality', 'document'],
      additionalProperties: false,
      properties: {
        surname: TEXT(100), givenNames: TEXT(100), sex: { type: 'string', enum: ['M', 'F', 'X', ''] },
        dateOfBirth: TEXT(10), nationality: TEXT(3),
        document: {
          type: 'object', required: ['number', 'issuingState', 'expiryDate'], additionalProperties: false,
          properties: { number: TEXT(30), issuingState: TEXT(3), expiryDate: TEXT(10) },
        },
      },
    },
    permitKind: { type: 'string', enum: [...PERMIT_KINDS] },
    arrivalDate: TEXT(10),
    plannedDeparture: TEXT(10),
  },
  examples: [{
    language: 'en', arrivalDate: '2026-12-01', plannedDeparture: '2026-12-05', permitKind: 'visa_on_arrival',
    guest: { surname: 'TESTSSON', givenNames: 'ANNA', sex: 'F', dateOfBirth: '1990-04-12', nationality: 'NLD', document: { number: 'TX1234567', issuingState: 'NLD', expiryDate: '2030-01-01' } },
  }],
} as const;

/** A 400 of the public form: every problem with its language-neutral key and the words in the form's language. */
export const publicProblem = {
  type: 'object',
  description: 'RFC 9457 problem details; errors carry a key from a fixed list so a client may translate them itself',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, language: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string' }, key: { type: 'string', enum: PREREG_ERROR_KEYS }, message: { type: 'string' },
          params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
        },
      },
    },
  },
} as const;

export const publicLodging = {
  type: 'object', properties: { lodgingName: { type: 'string' } },
} as const;

export const submitted = {
  type: 'object',
  properties: {
    reference: { type: 'string', description: 'a short code the guest may show at the desk' },
    expiresAt: { type: 'string' },
  },
} as const;

/** The clerk's corrections: the check-in's own fields, each optional; a given part replaces the draft's. */
export const confirmBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    guest: checkInBody.properties.guest,
    arrivalDate: DATE,
    plannedDeparture: DATE,
    room: checkInBody.properties.room,
  },
  examples: [{ room: '101' }],
} as const;

const S = { type: 'string' } as const;
const NS = { type: ['string', 'null'] } as const;
export const draftJson = {
  type: 'object',
  properties: {
    id: S, language: S, createdAt: S, expiresAt: S, reference: S,
    guest: {
      type: 'object',
      properties: {
        surname: S, givenNames: S, sex: S, dateOfBirth: S, nationality: S,
        document: { type: 'object', properties: { number: S, issuingState: S, expiryDate: S } },
      },
    },
    permitKind: NS, arrivalDate: S, plannedDeparture: NS,
    proposed: { type: 'object', properties: checkInBody.properties, description: 'the check-in the draft becomes when confirmed as it is (permit dates proposed)' },
  },
} as const;

export const draftList = {
  type: 'object', properties: { items: { type: 'array', items: draftJson }, total: { type: 'integer' } },
} as const;

export const linkJson = {
  type: 'object',
  properties: {
    link: {
      type: ['object', 'null'],
      properties: { token: S, url: S, createdAt: S },
    },
  },
} as const;

export const confirmed = {
  type: 'object',
  properties: { id: S, receiptNumber: S },
} as const;
