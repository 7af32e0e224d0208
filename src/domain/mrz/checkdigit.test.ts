import { describe, it, expect } from 'vitest';
import { checkDigit, isCheckDigitValid } from './checkdigit';
import { LAYOUTS, detectLayout, failingChecks } from './layouts';

describe('checkDigit', () => {
  it('matches ICAO 9303 examples', () => {
    expect(checkDigit('L898902C3')).toBe(6);
    expect(checkDigit('740812')).toBe(2);
    expect(checkDigit('120415')).toBe(9);
    expect(checkDigit('ZE184226B')).toBe(1);
    expect(isCheckDigitValid('<<<<<<<<<<<<<<', '<', true)).toBe(true);
    expect(isCheckDigitValid('<<<<<<<<<<<<<<', '0', true)).toBe(true);
  });
  it('validates the Utopia TD3 and TD1 specimens', () => {
    const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
    expect(detectLayout(td3)?.kind).toBe('TD3');
    expect(failingChecks(LAYOUTS.TD3, td3)).toEqual([]);
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    expect(failingChecks(LAYOUTS.TD1, td1)).toEqual([]);
    const td2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
    expect(failingChecks(LAYOUTS.TD2, td2)).toEqual([]);
  });
});
