import { describe, expect, it } from 'vitest';
import type { MrzReading } from '../../../domain/mrz/types';
import { birthDateFromMrz, expiryDateFromMrz, fromReading } from './fromReading';

const TODAY = '2026-11-28';

function reading(over: Partial<MrzReading> = {}, fields: Partial<NonNullable<MrzReading['fields']>> = {}): MrzReading {
  return {
    valid: true, kind: 'TD3', lines: [], confidences: [], uncertain: [], ms: 1,
    fields: {
      documentCode: 'P', issuingState: 'NLD', lastName: 'DE VRIES', firstName: 'ANNA MARIA', documentNumber: 'SPECI2014',
      nationality: 'NLD', birthDate: '650310', sex: 'F', expirationDate: '310827', personalNumber: '', ...fields,
    },
    ...over,
  };
}

describe('MRZ dates', () => {
  it('puts birth dates in the past', () => {
    expect(birthDateFromMrz('650310', TODAY)).toBe('1965-03-10');
    expect(birthDateFromMrz('100101', TODAY)).toBe('2010-01-01');
    expect(birthDateFromMrz('261127', TODAY)).toBe('2026-11-27');
    expect(birthDateFromMrz('261129', TODAY)).toBe('1926-11-29'); // tomorrow cannot be a birth date
  });
  it('puts expiry dates in a window around today', () => {
    expect(expiryDateFromMrz('310827', TODAY)).toBe('2031-08-27');
    expect(expiryDateFromMrz('160407', TODAY)).toBe('2016-04-07');
    expect(expiryDateFromMrz('990101', TODAY)).toBe('1999-01-01');
    expect(expiryDateFromMrz('750101', TODAY)).toBe('2075-01-01');
  });
  it('rejects impossible dates', () => {
    expect(birthDateFromMrz('651310', TODAY)).toBeNull();
    expect(expiryDateFromMrz('310231', TODAY)).toBeNull();
    expect(birthDateFromMrz('6503', TODAY)).toBeNull();
    expect(birthDateFromMrz('65O310', TODAY)).toBeNull();
  });
});

describe('fromReading', () => {
  it('fills the check-in fields', () => {
    const r = fromReading(reading(), TODAY);
    expect(r.found).toBe(true);
    expect(r.values).toEqual({
      'guest.surname': 'DE VRIES', 'guest.givenNames': 'ANNA MARIA', 'guest.sex': 'F', 'guest.dateOfBirth': '1965-03-10',
      'guest.nationality': 'NLD', 'guest.document.number': 'SPECI2014', 'guest.document.issuingState': 'NLD',
      'guest.document.expiryDate': '2031-08-27',
    });
    expect(r.uncertain).toEqual([]);
  });
  it('maps uncertain MRZ fields to form fields and flags what it could not convert', () => {
    const r = fromReading(reading({ valid: false, uncertain: ['lastName', 'documentNumber', 'personalNumber'] }, { birthDate: '65<310', sex: '<' }), TODAY);
    expect(r.uncertain).toEqual(expect.arrayContaining(['guest.surname', 'guest.document.number', 'guest.dateOfBirth']));
    expect(r.values['guest.dateOfBirth']).toBeUndefined();
    expect(r.values['guest.sex']).toBe('X');
  });
  it('cleans fillers and codes such as D<<', () => {
    const r = fromReading(reading({}, { lastName: 'MUSTERMANN<', firstName: 'ERIKA<<', nationality: 'D<<', issuingState: 'D' }), TODAY);
    expect(r.values['guest.surname']).toBe('MUSTERMANN');
    expect(r.values['guest.givenNames']).toBe('ERIKA');
    expect(r.values['guest.nationality']).toBe('D');
  });
  it('puts a visa\'s number and end date on the permit, not the passport', () => {
    const r = fromReading(reading({ kind: 'MRVA', uncertain: ['documentNumber'] }, { documentCode: 'V', documentNumber: 'VA1234567', expirationDate: '270115' }), TODAY);
    expect(r.visa).toBe(true);
    expect(r.values['guest.permit.number']).toBe('VA1234567');
    expect(r.values['guest.permit.validUntil']).toBe('2027-01-15');
    expect(r.values['guest.document.number']).toBeUndefined();
    expect(r.uncertain).toEqual(['guest.permit.number']);
  });
  it('reports a retake when nothing was read', () => {
    const r = fromReading({ valid: false, kind: null, lines: [], fields: null, uncertain: [], confidences: [], retake: 'too_dark', ms: 1 }, TODAY);
    expect(r).toMatchObject({ found: false, retake: 'too_dark', values: {} });
  });
});
