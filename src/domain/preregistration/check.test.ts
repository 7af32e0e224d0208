import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { DRAFT_DAYS, type PreregAnswers, checkPreregistration } from './check';
import { PREREG_ERRORS, preregErrorKey, preregMessage } from './errors';
import { PREREG_LANGUAGES, preregLanguageOf } from './languages';

const today = '2026-11-30';
const answers = (): PreregAnswers => ({
  guest: { surname: 'HASSAN', givenNames: 'OMAR', sex: 'M', dateOfBirth: '1985-09-21', nationality: 'EGY', document: { number: 'A1234567', issuingState: 'EGY', expiryDate: '2030-01-01' } },
  arrivalDate: today, plannedDeparture: '2026-12-03',
});

describe('guest pre-registration rules', () => {
  it('passes a guest\'s complete answers, with or without a permit kind', () => {
    expect(checkPreregistration(answers(), today, () => true)).toEqual([]);
    expect(checkPreregistration({ ...answers(), permitKind: 'itas' }, today, () => true)).toEqual([]); // permit dates are the clerk's
  });

  it('names empty fields as required, not as bad dates or countries', () => {
    const a = answers();
    a.guest.surname = ' ';
    a.guest.dateOfBirth = '';
    a.guest.nationality = '';
    expect(checkPreregistration(a, today, (c) => c === 'EGY')).toEqual([
      { field: 'guest.surname', key: 'field.required' }, { field: 'guest.dateOfBirth', key: 'field.required' }, { field: 'guest.nationality', key: 'field.required' },
    ]);
  });

  it('applies the check-in rules', () => {
    const a = answers();
    a.guest.dateOfBirth = '2027-01-01';
    a.guest.document.number = 'A-12 34!';
    a.plannedDeparture = '2026-11-01';
    expect(checkPreregistration(a, today, () => false).map((e) => `${e.field}:${e.key}`)).toEqual([
      'guest.dateOfBirth:field.date_in_future', 'guest.nationality:field.unknown_country', 'guest.document.number:field.bad_document_number',
      'guest.document.issuingState:field.unknown_country', 'plannedDeparture:field.before_arrival',
    ]);
  });

  it('takes arrivals up to a week ahead', () => {
    expect(checkPreregistration({ ...answers(), arrivalDate: addDays(today, DRAFT_DAYS), plannedDeparture: undefined }, today, () => true)).toEqual([]);
    expect(checkPreregistration({ ...answers(), arrivalDate: addDays(today, DRAFT_DAYS + 1), plannedDeparture: undefined }, today, () => true))
      .toEqual([{ field: 'arrivalDate', key: 'field.arrival_far_future', params: { days: DRAFT_DAYS } }]);
  });
});

describe('guest pre-registration languages', () => {
  it('has every problem in every language, parameters included', () => {
    for (const [key, words] of Object.entries(PREREG_ERRORS)) {
      for (const lang of PREREG_LANGUAGES) {
        expect(words[lang], `${key} ${lang}`).toMatch(/\S/);
        expect(words[lang].match(/\{\w+\}/g) ?? []).toEqual(words.en.match(/\{\w+\}/g) ?? []);
      }
    }
    expect(preregMessage('ar', 'field.too_long', { limit: 100 })).toContain('100');
    expect(preregErrorKey('field.bad_enum')).toBe('field.bad_choice');
    expect(preregErrorKey('field.something_new')).toBe('field.bad_format');
  });

  it('has the same form labels in all seven catalogues', () => {
    const dir = path.resolve(__dirname, '../../web/features/preregistration/locales');
    const keys = (lang: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8'))).sort();
    for (const lang of PREREG_LANGUAGES) expect(keys(lang), lang).toEqual(keys('en'));
  });

  it('reads the browser\'s language', () => {
    expect(preregLanguageOf('ar-EG,en;q=0.8')).toBe('ar');
    expect(preregLanguageOf('de-DE,zh-CN;q=0.5')).toBe('zh');
    expect(preregLanguageOf(undefined)).toBe('id');
  });
});
