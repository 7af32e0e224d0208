import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { MAX_PROBLEMS, fieldErrorFromAjv, sendProblem } from './problems';

describe('fieldErrorFromAjv', () => {
  it('names the missing property with its full path', () => {
    expect(fieldErrorFromAjv({ instancePath: '/guest/document', keyword: 'required', params: { missingProperty: 'number' } }))
      .toEqual({ field: 'guest.document.number', key: 'field.required' });
  });
  it('names top-level fields without a prefix and the body itself as body', () => {
    expect(fieldErrorFromAjv({ instancePath: '', keyword: 'required', params: { missingProperty: 'arrivalDate' } }).field).toBe('arrivalDate');
    expect(fieldErrorFromAjv({ instancePath: '', keyword: 'type', params: { type: 'object' } }).field).toBe('body');
  });
  it('keeps the length limit for the message', () => {
    expect(fieldErrorFromAjv({ instancePath: '/guest/surname', keyword: 'maxLength', params: { limit: 100 } }))
      .toEqual({ field: 'guest.surname', key: 'field.too_long', params: { limit: 100 } });
  });
  it('tells a number its bound, and a date from an instant', () => {
    expect(fieldErrorFromAjv({ instancePath: '/pageSize', keyword: 'maximum', params: { comparison: '<=', limit: 200 } }))
      .toEqual({ field: 'pageSize', key: 'field.above_maximum', params: { limit: 200 } });
    expect(fieldErrorFromAjv({ instancePath: '/page', keyword: 'minimum', params: { comparison: '>=', limit: 1 } }).key).toBe('field.below_minimum');
    expect(fieldErrorFromAjv({ instancePath: '/arrivalDate', keyword: 'pattern', params: { pattern: '^\\d{4}-\\d{2}-\\d{2}$' } }).key).toBe('field.bad_date');
    expect(fieldErrorFromAjv({ instancePath: '/since', keyword: 'pattern', params: { pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$' } }).key).toBe('field.bad_datetime');
    expect(fieldErrorFromAjv({ instancePath: '/room', keyword: 'pattern', params: { pattern: '^[A-Z]+$' } }).key).toBe('field.bad_format');
  });
});

describe('sendProblem', () => {
  it(`lists at most ${MAX_PROBLEMS} problems`, async () => {
    const app = Fastify();
    app.get('/', async (_request, reply) => sendProblem(reply, 'en', 400, 'validation', Array.from({ length: 50 }, (_, i) => ({ field: `f${i}`, key: 'field.required' as const }))));
    const res = await app.inject({ url: '/' });
    expect(res.json().errors).toHaveLength(MAX_PROBLEMS);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
