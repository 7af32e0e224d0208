import { describe, expect, it } from 'vitest';
import { fieldErrorFromAjv } from './problems';

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
});
