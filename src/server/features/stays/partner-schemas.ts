import { FINDINGS } from '../../../domain/access/findings';
import { checkInBody, checkInResult } from './schemas';

// Schemas and examples of the partner API (hotel software). Examples use synthetic people only.

export const MAX_BATCH = 500;

const GUEST_EXAMPLE = {
  surname: 'TESTSSON', givenNames: 'ANNA MARIA', sex: 'F', dateOfBirth: '1990-04-12', nationality: 'NLD',
  document: { type: 'passport', number: 'NX1234567', issuingState: 'NLD', expiryDate: '2031-04-11' },
  permit: { kind: 'visa_free_visit', validFrom: '2026-11-29', validUntil: '2026-12-28' },
};
export const checkInExample = {
  guest: GUEST_EXAMPLE,
  members: [
    { ...GUEST_EXAMPLE, givenNames: 'PIETER', sex: 'M', dateOfBirth: '1988-09-30', document: { ...GUEST_EXAMPLE.document, number: 'NX7654321' } },
    { ...GUEST_EXAMPLE, givenNames: 'LOTTE', dateOfBirth: '2016-02-14', document: { ...GUEST_EXAMPLE.document, number: 'NX5550001' } },
  ],
  arrivalDate: '2026-11-29', plannedDeparture: '2026-12-04', room: '101',
};

/** POST /api/v1/stays with its examples (a family of three under one receipt). */
export const checkInBodyWithExamples = { ...checkInBody, examples: [checkInExample] };

export const checkInResultExample = {
  id: '5d1c0c7e-3f7a-4a57-9a43-6a3c1f1e2b10', receiptNumber: 'STTP/73.12/20261129/000042', personId: null,
  members: [
    { id: 'a0b8f3a2-7c55-4c0e-8d2e-0d6f2f9e4c11', receiptNumber: 'STTP/73.12/20261129/000042-2', personId: null },
    { id: 'c2e4d6f8-1a3b-4c5d-8e7f-9a0b1c2d3e12', receiptNumber: 'STTP/73.12/20261129/000042-3', personId: null },
  ],
};

const FINDING_LIST = { type: 'array', items: { type: 'string', enum: [...FINDINGS] } } as const;

export const validateResult = {
  type: 'object',
  description: 'valid: the check-in would be stored, with these findings per guest (head first); else the problem it would answer. Nothing is stored either way.',
  properties: {
    valid: { type: 'boolean' },
    findings: { type: 'array', items: FINDING_LIST, description: 'per guest, head first: facts officers will see; never a reason to refuse' },
    problem: { $ref: 'Problem#' },
  },
  examples: [{ valid: true, findings: [[], ['passport_expired'], []] }],
} as const;

export const batchBody = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array', minItems: 1, maxItems: MAX_BATCH, items: checkInBody,
      description: 'check-in bodies as for POST /api/v1/stays; each is checked and stored on its own',
    },
  },
  examples: [{ items: [checkInExample, { guest: { ...GUEST_EXAMPLE, dateOfBirth: '2999-01-01', document: { ...GUEST_EXAMPLE.document, number: 'NX9990001' } }, arrivalDate: '2026-11-29' }] }],
} as const;

export const batchResult = {
  type: 'object',
  properties: {
    stored: { type: 'integer', description: 'items stored' },
    failed: { type: 'integer', description: 'items refused (nothing of them is stored)' },
    items: {
      type: 'array', description: 'one result per item, in the order sent',
      items: {
        type: 'object',
        properties: {
          index: { type: 'integer' },
          status: { type: 'integer', description: '201: stored; else the status the item alone would have answered' },
          ...checkInResult.properties,
          problem: { $ref: 'Problem#' },
        },
      },
    },
  },
  examples: [{
    stored: 1, failed: 1,
    items: [
      { index: 0, status: 201, ...checkInResultExample },
      { index: 1, status: 400, problem: { type: 'https://sinergi.example/problems/validation', title: 'Invalid data', status: 400, code: 'validation', errors: [{ field: 'guest.dateOfBirth', message: 'Date must not be in the future' }] } },
    ],
  }],
} as const;
