import { FINDINGS } from '../../../domain/access/findings';
import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { REPORT_KINDS } from '../../../domain/reports/kinds';
import { DATE, ID, NULLABLE_DATE, REGION_CODE, pageQuery } from '../../http/schemas';

// Route schemas of the stays feature: the public contract hotel software is written against.

export const TIME = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'local time HH:MM' } as const;
const NAME = { type: 'string', minLength: 1, maxLength: 100 } as const;
const COUNTRY = { type: 'string', minLength: 1, maxLength: 3, description: 'ICAO alpha-3 (or ICAO code such as D, GBD, UNO, XXA)' } as const;

/** A family or group is at most this many guests on one receipt. */
export const MAX_GROUP = 20;

export const GUEST = {
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
} as const;

export const checkInBody = {
  type: 'object',
  required: ['guest', 'arrivalDate'],
  additionalProperties: false,
  properties: {
    guest: GUEST,
    members: {
      type: 'array', maxItems: MAX_GROUP - 1, items: GUEST,
      description: 'the rest of a family or group: same lodging, room and dates; one receipt lists them all',
    },
    arrivalDate: DATE,
    arrivalTime: { ...TIME, description: 'local arrival time, when known: a report more than 24 hours after it is marked late_report' },
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

const S = { type: ['string', 'null'] } as const;
const EMPLOYMENT_JSON = {
  type: ['object', 'null'],
  description: 'a worker\'s employment; null for other report kinds and when the field matrix withholds `employment`',
  properties: {
    employer: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    position: { type: 'string' },
    worksite: {
      type: 'object',
      properties: { address: { type: 'string' }, villageCode: { type: 'string' }, lat: { type: 'number' }, lng: { type: 'number' } },
    },
    workPermitRef: { type: 'string', description: 'work permit (notifikasi / IMTA) or RPTKA reference' },
    period: { type: 'object', properties: { from: { type: 'string' }, until: { type: 'string' } } },
  },
} as const;
const HIDDEN = 'null when the field matrix withholds it from the caller (docs/access.md)';

export const stayJson = {
  type: 'object',
  description: `A stay as its reporter gave it. Every personal field is ${HIDDEN}.`,
  properties: {
    id: { type: 'string' },
    receiptNumber: { type: 'string' },
    personId: { ...S, description: 'the linked person; only for agencies that work screening' },
    regionCode: { type: 'string' },
    guest: {
      type: 'object',
      properties: {
        surname: S, givenNames: S, sex: S, nationality: S,
        dateOfBirth: { ...S, description: HIDDEN },
        document: {
          type: 'object',
          properties: { type: S, number: { ...S, description: HIDDEN }, issuingState: S, expiryDate: NULLABLE_DATE },
        },
      },
    },
    permit: { type: 'object', properties: { kind: S, number: S, validFrom: NULLABLE_DATE, validUntil: NULLABLE_DATE } },
    arrivalDate: NULLABLE_DATE,
    plannedDeparture: NULLABLE_DATE,
    departureDate: NULLABLE_DATE,
    present: { type: 'boolean', description: 'not checked out and not cancelled' },
    cancelled: { type: 'boolean', description: 'the report was cancelled as mistaken; it is kept, never counted as present' },
    cancelReason: S,
    arrivalTime: S,
    receiptGroup: { type: 'string', description: 'the receipt that lists this stay (the group head\'s number)' },
    room: S,
    lodging: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
    findings: {
      type: 'array', items: { type: 'string', enum: [...FINDINGS] },
      description: 'facts officers must know, stored with the report (never a reason to refuse it); each shown only with its field group',
    },
    reportKind: { type: 'string', enum: [...REPORT_KINDS], description: 'lodging guest, foreign worker (work report) or resident with a private host' },
    employment: EMPLOYMENT_JSON,
    createdAt: { type: 'string' },
    changedAt: { type: 'string', description: 'when the stay was reported or last changed (check-out, correction); what `since` compares' },
    abilities: {
      type: 'object',
      properties: { checkOut: { type: 'boolean' }, change: { type: 'boolean' }, move: { type: 'boolean' }, correct: { type: 'boolean' }, cancel: { type: 'boolean' }, reopen: { type: 'boolean' } },
    },
  },
} as const;

/** ISO date-time (or a date): the stays changed at or after it. */
const sinceParam = {
  type: 'string', maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?$',
  description: 'reconciliation: the caller\'s stays created or changed at or after this instant (ISO 8601), oldest change first; page on with nextCursor',
} as const;
const cursorParam = { type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page (with since)' } as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...pageQuery,
    present: { type: 'boolean' },
    toClose: { type: 'boolean', description: 'present stays past their planned departure: the lodging\'s "to close" list' },
    region: REGION_CODE,
    q: { type: 'string', maxLength: 100 },
    reportKind: { type: 'string', enum: [...REPORT_KINDS], description: 'only stays of this report kind' },
    sort: { type: 'string', enum: ['createdAt', '-createdAt', 'arrivalDate', '-arrivalDate', 'surname', '-surname'], default: '-createdAt' },
    since: sinceParam,
    cursor: cursorParam,
  },
} as const;

const PERSON_ID = { type: ['string', 'null'], description: 'only for agencies that work screening' } as const;
export const checkInResult = {
  type: 'object',
  properties: {
    id: { type: 'string' }, receiptNumber: { type: 'string', description: 'the receipt listing every guest of the submission' }, personId: PERSON_ID,
    verifyUrl: { type: 'string', description: 'public page that tells whether the receipt is genuine (the URL its QR code carries)' },
    members: {
      type: 'array', description: 'the group\'s other guests, in the order sent; each number is a line of the receipt',
      items: { type: 'object', properties: { id: { type: 'string' }, receiptNumber: { type: 'string' }, personId: PERSON_ID } },
    },
  },
} as const;

export interface GuestInput {
  surname: string; givenNames: string; sex: 'M' | 'F' | 'X'; dateOfBirth: string; nationality: string;
  document: { type: 'passport'; number: string; issuingState: string; expiryDate: string };
  permit: { kind: string; number?: string; validFrom: string; validUntil?: string };
}

export interface CheckInInput {
  guest: GuestInput;
  members?: GuestInput[];
  arrivalDate: string;
  arrivalTime?: string;
  plannedDeparture?: string;
  room?: string;
  lodgingId?: string;
}

export const exportQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['purpose'],
  properties: {
    format: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' },
    purpose: { type: 'string', minLength: 5, maxLength: 200, description: 'why the file is made; kept in the audit log' },
    present: { type: 'boolean' },
    region: REGION_CODE,
    q: { type: 'string', maxLength: 100 },
    sort: listQuery.properties.sort,
  },
} as const;
