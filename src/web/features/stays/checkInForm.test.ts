import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import id from '../../i18n/id.json';
import { CHECK_IN_FINDINGS } from '../../../domain/validation/checkIn';
import { CHECK_IN_MESSAGES, emptyValues, findings, splitServerErrors, toInput, validate, type Values } from './checkInForm';

const TODAY = '2026-11-28';
const t = (key: string) => key;

function filled(over: Partial<Values> = {}): Values {
  return {
    ...emptyValues(TODAY),
    'guest.surname': 'TANAKA', 'guest.givenNames': 'YUKI', 'guest.sex': 'F', 'guest.dateOfBirth': '1991-06-30',
    'guest.nationality': 'JPN', 'guest.document.number': 'tr 123-4567', 'guest.document.issuingState': 'JPN',
    'guest.document.expiryDate': '2030-01-01', 'guest.permit.validUntil': '2026-12-27', room: '7',
    ...over,
  };
}

describe('check-in form validation (mirrors the server)', () => {
  it('accepts a complete form', () => {
    expect(validate(filled(), TODAY, t)).toEqual({});
  });
  it('asks an officer for the lodging', () => {
    expect(validate(filled(), TODAY, t, { needsLodging: true }).lodgingId).toBe('validation.required');
    expect(validate(filled({ lodgingId: 'x' }), TODAY, t, { needsLodging: true })).toEqual({});
  });
  it('requires the fields the server requires', () => {
    const errors = validate(emptyValues(TODAY), TODAY, t);
    for (const key of ['guest.surname', 'guest.sex', 'guest.dateOfBirth', 'guest.nationality', 'guest.document.number', 'guest.document.issuingState', 'guest.document.expiryDate']) {
      expect(errors[key as keyof typeof errors]).toBe('validation.required');
    }
    expect(errors['guest.givenNames']).toBeUndefined(); // one-name passports exist
  });
  it('checks dates and their order', () => {
    expect(validate(filled({ 'guest.dateOfBirth': '2026-11-29' }), TODAY, t)['guest.dateOfBirth']).toBe('validation.dobFuture');
    expect(validate(filled({ 'guest.dateOfBirth': '1899-12-31' }), TODAY, t)['guest.dateOfBirth']).toBe('validation.dobTooOld');
    // an expired passport is a finding to report, not an error (DESIGN.md, Access)
    expect(validate(filled({ 'guest.document.expiryDate': '2026-11-27' }), TODAY, t)['guest.document.expiryDate']).toBeUndefined();
    expect(findings(filled({ 'guest.document.expiryDate': '2026-11-27' }), TODAY)).toEqual(['passport_expired']);
    expect(validate(filled({ 'guest.dateOfBirth': TODAY, arrivalDate: '2026-11-27' }), TODAY, t)['guest.dateOfBirth']).toBe('validation.birthAfterArrival');
    expect(validate(filled({ 'guest.document.expiryDate': '9999-12-31' }), TODAY, t)['guest.document.expiryDate']).toBe('validation.dateTooFar');
    expect(validate(filled({ 'guest.document.expiryDate': TODAY }), TODAY, t)['guest.document.expiryDate']).toBeUndefined();
    expect(validate(filled({ arrivalDate: '2026-11-30' }), TODAY, t).arrivalDate).toBe('validation.arrivalFuture');
    expect(validate(filled({ plannedDeparture: '2026-11-01' }), TODAY, t).plannedDeparture).toBe('validation.departureAfterArrival');
    expect(validate(filled({ 'guest.permit.validUntil': '2026-11-01' }), TODAY, t)['guest.permit.validUntil']).toBe('validation.untilAfterFrom');
    expect(validate(filled({ 'guest.dateOfBirth': '1991-02-30' }), TODAY, t)['guest.dateOfBirth']).toBe('validation.date');
  });
  it('applies the domain\'s name rules', () => {
    expect(validate(filled({ 'guest.surname': '!!!' }), TODAY, t)['guest.surname']).toBe('validation.noLetters');
    expect(validate(filled({ 'guest.givenNames': 'YUKI\u202e' }), TODAY, t)['guest.givenNames']).toBe('validation.badCharacters');
    expect(validate(filled({ 'guest.surname': '\u200b' }), TODAY, t)['guest.surname']).toBe('validation.required');
  });
  it('has words for every domain error and finding in both languages', () => {
    const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const key of [...Object.values(CHECK_IN_MESSAGES), ...CHECK_IN_FINDINGS.map((f) => `findings.${f}`)]) {
      expect(typeof get(id, key), key).toBe('string');
      expect(typeof get(en, key), key).toBe('string');
    }
  });
  it('needs an end date for permits that always end', () => {
    expect(validate(filled({ 'guest.permit.validUntil': '' }), TODAY, t)['guest.permit.validUntil']).toBe('validation.permitUntilRequired');
    expect(validate(filled({ 'guest.permit.validUntil': '', 'guest.permit.kind': 'itap' }), TODAY, t)['guest.permit.validUntil']).toBeUndefined();
  });
  it('checks the passport number as the server normalises it', () => {
    expect(validate(filled({ 'guest.document.number': 'AB#12' }), TODAY, t)['guest.document.number']).toBe('validation.passportNumber');
    expect(toInput(filled()).guest.document.number).toBe('TR1234567');
  });
  it('builds the API body, leaving out empty optional fields', () => {
    const body = toInput(filled({ room: '', 'guest.permit.number': '' }));
    expect(body.room).toBeUndefined();
    expect(body.guest.permit).toEqual({ kind: 'visa_free_visit', number: undefined, validFrom: TODAY, validUntil: '2026-12-27' });
    expect(body.guest.document.type).toBe('passport');
  });
});

describe('server errors onto fields', () => {
  it('puts known field paths on their fields and keeps the rest', () => {
    const { errors, other } = splitServerErrors([
      { field: 'guest.surname', message: 'Nama keluarga wajib diisi' },
      { field: 'guest.document.number', message: 'Nomor tidak valid' },
      { field: 'arrivalDate', message: 'Terlalu jauh' },
      { field: 'lodgingId', message: 'Bukan penginapan Anda' },
      { field: 'guest.document.type', message: 'Hanya paspor' },
      { field: 'idempotencyKey', message: 'Terlalu panjang' },
    ]);
    expect(errors).toEqual({
      'guest.surname': 'Nama keluarga wajib diisi', 'guest.document.number': 'Nomor tidak valid', arrivalDate: 'Terlalu jauh', lodgingId: 'Bukan penginapan Anda',
    });
    expect(other).toEqual(['idempotencyKey: Terlalu panjang']);
  });
});
