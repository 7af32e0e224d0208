import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { DATE, ID, NULLABLE_DATE, REGION_CODE, pageQuery } from '../../http/schemas';

// Route schemas of the stays feature: the public contract hotel software is written against.

const NAME = { type: 'string', minLength: 1, maxLength: 100 } as const;
const COUNTRY = { type: 'string', minLength: 1, maxLength: 3, description: 'ICAO alpha-3 (or ICAO code such as D, GBD, UNO, XXA)' } as const;

export const checkInBody = {
  type: 'object',
  required: ['guest', 'arrivalDate'],
  additionalProperties: false,
  properties: {
    guest: {
      type: 'object',
      required: ['surname', 'givenNames', 'sex', 'dateOfBirth', 'nationality', 'document', 'permit'],
      additionalProperties: false,
      properties: {
        surname: NAME,
        givenNames: { type: 'string', maxLength: 100, description: 'may be empty when the passport has only one name' },
        sex: { type: 'string', enum: ['M', 'F', 'X'] },
        dateOfBirth: DATE,
        nationality: COUNTRY,
        document: {
          type: 'object',
          required: ['type', 'number', 'issuingState', 'expiryDate'],
          additionalProperties: false,
          properties: {
            type: { type: 'string', enum: ['passport'] },
            number: { type: 'string', minLength: 1, maxLength: 30 },
            issuingState: COUNTRY,
            expiryDate: DATE,
          },
        },
        permit: {
          type: 'object',
          required: ['kind', 'validFrom'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: [...PERMIT_KINDS] },
            number: { type: 'string', maxLength: 40 },
            validFrom: DATE,
            validUntil: DATE,
          },
        },
      },
    },
    arrivalDate: DATE,
    plannedDeparture: DATE,
    room: { type: 'string', maxLength: 20 },
    lodgingId: { ...ID, description: 'officers only: the lodging the guest stays at' },
  },
} as const;

export const checkOutBody = {
  type: 'object',
  required: ['departureDate'],
  additionalProperties: false,
  properties: { departureDate: DATE },
} as const;

export const stayJson = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    receiptNumber: { type: 'string' },
    personId: { type: 'string' },
    regionCode: { type: 'string' },
    guest: {
      type: 'object',
      properties: {
        surname: { type: 'string' }, givenNames: { type: 'string' }, sex: { type: 'string' },
        dateOfBirth: { type: ['string', 'null'], description: 'null for agencies that do not need it' }, nationality: { type: 'string' },
        document: {
          type: 'object',
          properties: {
            type: { type: 'string' }, number: { type: ['string', 'null'], description: 'null for agencies that do not need it' },
            issuingState: { type: 'string' }, expiryDate: { type: ['string', 'null'] },
          },
        },
      },
    },
    permit: {
      type: 'object',
      properties: { kind: { type: 'string' }, number: { type: ['string', 'null'] }, validFrom: { type: 'string' }, validUntil: NULLABLE_DATE },
    },
    arrivalDate: { type: 'string' },
    plannedDeparture: NULLABLE_DATE,
    departureDate: NULLABLE_DATE,
    room: { type: ['string', 'null'] },
    lodging: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    createdAt: { type: 'string' },
    abilities: { type: 'object', properties: { checkOut: { type: 'boolean' } } },
  },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...pageQuery,
    present: { type: 'boolean' },
    region: REGION_CODE,
    q: { type: 'string', maxLength: 100 },
    sort: { type: 'string', enum: ['createdAt', '-createdAt', 'arrivalDate', '-arrivalDate', 'surname', '-surname'], default: '-createdAt' },
  },
} as const;

export const checkInResult = {
  type: 'object',
  properties: { id: { type: 'string' }, receiptNumber: { type: 'string' }, personId: { type: 'string' } },
} as const;

export interface CheckInInput {
  guest: {
    surname: string; givenNames: string; sex: 'M' | 'F' | 'X'; dateOfBirth: string; nationality: string;
    document: { type: 'passport'; number: string; issuingState: string; expiryDate: string };
    permit: { kind: string; number?: string; validFrom: string; validUntil?: string };
  };
  arrivalDate: string;
  plannedDeparture?: string;
  room?: string;
  lodgingId?: string;
}
