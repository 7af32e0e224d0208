import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { type CheckInFacts, checkCheckIn } from './checkIn';

const TODAY = '2026-11-28';
const known = (code: string) => ['NLD', 'JPN', 'D'].includes(code);

function facts(patch: (f: CheckInFacts) => void = () => {}): CheckInFacts {
  const f: CheckInFacts = {
    guest: {
      surname: 'TESTSSON', givenNames: 'SYNTH', dateOfBirth: '1990-04-12', nationality: 'NLD',
      document: { number: 'tx 123-456', issuingState: 'NLD', expiryDate: '2030-01-01' },
      permit: { kind: 'visa_free_visit', validFrom: '2026-11-27', validUntil: '2026-12-26' },
    },
    arrivalDate: '2026-11-27', plannedDeparture: '2026-12-03', room: '101',
  };
  patch(f);
  return f;
}
const fieldsOf = (f: CheckInFacts) => checkCheckIn(f, TODAY, known).errors.map((e) => `${e.field}:${e.key}`);
const findingsOf = (f: CheckInFacts) => checkCheckIn(f, TODAY, known).findings;

describe('check-in errors (impossible data)', () => {
  it('accepts a plausible report without findings', () => {
    expect(checkCheckIn(facts(), TODAY, known)).toEqual({ errors: [], findings: [] });
  });

  it.each([
    ['surname "!!!"', (f: CheckInFacts) => { f.guest.surname = '!!!'; }, 'guest.surname:field.no_letters'],
    ['surname of zero-width spaces', (f: CheckInFacts) => { f.guest.surname = '\u200b\u200b'; }, 'guest.surname:field.required'],
    ['RTL override in given names', (f: CheckInFacts) => { f.guest.givenNames = 'ANNA\u202eLIAM'; }, 'guest.givenNames:field.bad_characters'],
    ['given names "123"', (f: CheckInFacts) => { f.guest.givenNames = '123'; }, 'guest.givenNames:field.no_letters'],
    ['control character in room', (f: CheckInFacts) => { f.room = '1\u00070'; }, 'room:field.bad_characters'],
    ['birth after arrival', (f: CheckInFacts) => { f.guest.dateOfBirth = TODAY; }, 'guest.dateOfBirth:field.birth_after_arrival'],
    ['birth in the future', (f: CheckInFacts) => { f.guest.dateOfBirth = addDays(TODAY, 1); }, 'guest.dateOfBirth:field.date_in_future'],
    ['arrival in 1800', (f: CheckInFacts) => { f.arrivalDate = '1800-01-01'; }, 'arrivalDate:field.date_too_old'],
    ['arrival two years ago', (f: CheckInFacts) => { f.arrivalDate = '2024-11-01'; f.guest.permit.validFrom = '2024-11-01'; }, 'arrivalDate:field.date_too_old'],
    ['passport expiry in 9999', (f: CheckInFacts) => { f.guest.document.expiryDate = '9999-12-31'; }, 'guest.document.expiryDate:field.date_too_far'],
    ['permit end in 9999', (f: CheckInFacts) => { f.guest.permit.validUntil = '9999-01-01'; }, 'guest.permit.validUntil:field.date_too_far'],
    ['departure in 9999', (f: CheckInFacts) => { f.plannedDeparture = '9999-01-01'; }, 'plannedDeparture:field.date_too_far'],
    ['impossible date', (f: CheckInFacts) => { f.guest.dateOfBirth = '1990-02-30'; }, 'guest.dateOfBirth:field.bad_date'],
    ['departure before arrival', (f: CheckInFacts) => { f.plannedDeparture = '2026-11-01'; }, 'plannedDeparture:field.before_arrival'],
    ['permit ends before it starts', (f: CheckInFacts) => { f.guest.permit.validUntil = '2026-11-01'; }, 'guest.permit.validUntil:field.before_valid_from'],
    ['visit permit without end', (f: CheckInFacts) => { delete f.guest.permit.validUntil; }, 'guest.permit.validUntil:field.permit_until_required'],
    ['unknown country', (f: CheckInFacts) => { f.guest.nationality = 'QQQ'; }, 'guest.nationality:field.unknown_country'],
    ['passport number with symbols', (f: CheckInFacts) => { f.guest.document.number = 'AB#1'; }, 'guest.document.number:field.bad_document_number'],
  ])('%s', (_name, patch, expected) => {
    expect(fieldsOf(facts(patch))).toEqual([expected]);
  });

  it('lets an ITAP without end date and a one-name passport through', () => {
    expect(fieldsOf(facts((f) => { f.guest.permit = { kind: 'itap', validFrom: '2024-01-01' }; f.guest.givenNames = ''; }))).toEqual([]);
  });
});

describe('check-in findings (stored and flagged, never refused)', () => {
  it('flags an expired passport: before arrival or before today', () => {
    expect(findingsOf(facts((f) => { f.guest.document.expiryDate = '2026-11-26'; }))).toEqual(['passport_expired']);
    expect(findingsOf(facts((f) => { f.arrivalDate = '2026-11-29'; f.guest.document.expiryDate = '2026-11-28'; }))).toEqual(['passport_expired']);
    expect(findingsOf(facts((f) => { f.guest.document.expiryDate = TODAY; }))).toEqual([]);
  });
  it('flags an ended permit, a stay beyond the permit and a late report', () => {
    expect(findingsOf(facts((f) => { f.guest.permit.validUntil = '2026-11-27'; f.plannedDeparture = undefined; }))).toEqual(['permit_ended']);
    expect(findingsOf(facts((f) => { f.plannedDeparture = '2026-12-27'; }))).toEqual(['stay_beyond_permit']);
    expect(findingsOf(facts((f) => { f.arrivalDate = '2026-11-26'; f.guest.permit.validFrom = '2026-11-26'; }))).toEqual(['late_report']);
    expect(findingsOf(facts((f) => { f.arrivalDate = '2026-11-27'; }))).toEqual([]); // yesterday is within 24 h
  });
  it('an expired passport is never an error (property)', () => {
    const pastDay = fc.integer({ min: 1, max: 3000 }).map((n) => addDays(TODAY, -n));
    fc.assert(fc.property(pastDay, (expiry) => {
      const result = checkCheckIn(facts((f) => { f.guest.document.expiryDate = expiry; }), TODAY, known);
      expect(result.errors.filter((e) => e.field === 'guest.document.expiryDate')).toEqual([]);
      expect(result.findings).toContain('passport_expired');
    }));
  });
  it('never throws, whatever the strings (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
      const result = checkCheckIn(facts((f) => { f.guest.surname = a; f.arrivalDate = b; f.guest.document.expiryDate = c; }), TODAY, known);
      expect(new Set(result.errors.map((e) => e.field)).size).toBe(result.errors.length);
    }));
  });
});
