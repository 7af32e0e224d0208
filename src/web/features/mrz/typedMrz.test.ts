import { describe, expect, it } from 'vitest';
import { alter, passportMrz } from '../../../../test/fixtures/mrz-lines';
import { checkDigitChar } from '../../../domain/mrz/checkdigit';
import { mrzLines, parseTypedMrz, WedgeBuffer } from './typedMrz';

const today = '2026-05-10';
const anna = passportMrz({ surname: 'LINDQVIST', given: 'ASTRID MARIA', number: 'X4RT5591', state: 'SWE', birth: '880314', sex: 'F', expiry: '310220' });

describe('typed MRZ to form values', () => {
  it('fills every passport field of the form from a TD3', () => {
    const r = parseTypedMrz(anna.join('\n'), today)!;
    expect(r.values).toEqual({
      'guest.surname': 'LINDQVIST',
      'guest.givenNames': 'ASTRID MARIA',
      'guest.sex': 'F',
      'guest.dateOfBirth': '1988-03-14',
      'guest.nationality': 'SWE',
      'guest.document.number': 'X4RT5591',
      'guest.document.issuingState': 'SWE',
      'guest.document.expiryDate': '2031-02-20',
    });
    expect(r.checkErrors).toEqual({});
    expect(r.uncertain).toEqual([]);
  });

  it('joins a TD1 document number longer than 9 characters', () => {
    // ICAO 9303-5: the number continues in optional data 1, its check digit after it
    const l0 = 'I<SWED23145890<734' + checkDigitChar('D23145890734') + '<'.repeat(11);
    const body = '880314' + checkDigitChar('880314') + 'F310220' + checkDigitChar('310220') + 'SWE' + '<'.repeat(11);
    const composite = checkDigitChar(l0.slice(5, 30) + body.slice(0, 7) + body.slice(8, 15) + body.slice(18, 29));
    const r = parseTypedMrz([l0, body + composite, 'LINDQVIST<<ASTRID<MARIA<<<<<<<'].join('\n'), today)!;
    expect(r.values['guest.document.number']).toBe('D23145890734');
    expect(r.checkErrors).toEqual({});
  });

  it('accepts what scanners send: CR separators, lower case, stray spaces, no separator at all', () => {
    for (const text of [anna.join('\r'), anna.join('\r\n') + '\r', anna.join('').toLowerCase(), ` ${anna[0]} \n\n${anna[1]}\n`]) {
      expect(parseTypedMrz(text, today)?.values['guest.surname']).toBe('LINDQVIST');
    }
  });

  it('waits for a whole MRZ', () => {
    expect(parseTypedMrz(anna[0], today)).toBeNull();
    expect(parseTypedMrz(`${anna[0]}\n${anna[1].slice(0, 43)}`, today)).toBeNull();
    expect(parseTypedMrz(`${anna[0]}\n${anna[1].slice(0, 43)}?`, today)).toBeNull();
  });

  it('names the field whose check digit fails, and still shows its value', () => {
    const wrongNumber = alter(anna, 1, 9, anna[1][9] === '1' ? '2' : '1');
    const r = parseTypedMrz(wrongNumber.join('\n'), today)!;
    expect(r.checkErrors).toEqual({ 'guest.document.number': 'clerkForm.mrz.badCheck.documentNumber' });
    expect(r.otherChecks).toEqual([]); // the composite fails too, but says nothing more
    expect(r.values['guest.document.number']).toBe('X4RT5591');
    const wrongBirth = alter(anna, 1, 19, anna[1][19] === '1' ? '2' : '1');
    expect(Object.keys(parseTypedMrz(wrongBirth.join('\n'), today)!.checkErrors)).toEqual(['guest.dateOfBirth']);
    const wrongExpiry = alter(anna, 1, 27, anna[1][27] === '1' ? '2' : '1');
    expect(Object.keys(parseTypedMrz(wrongExpiry.join('\n'), today)!.checkErrors)).toEqual(['guest.document.expiryDate']);
  });

  it('a typo in the data (not the digit) fails the same check', () => {
    const typo = alter(anna, 1, 2, 'S'); // X4ST5591: the check digit no longer fits
    expect(parseTypedMrz(typo.join('\n'), today)!.checkErrors['guest.document.number']).toBeDefined();
  });

  it('a composite failure alone flags the three covered fields for checking', () => {
    const wrongComposite = alter(anna, 1, 43, anna[1][43] === '1' ? '2' : '1');
    const r = parseTypedMrz(wrongComposite.join('\n'), today)!;
    expect(r.otherChecks).toEqual(['composite']);
    expect(r.uncertain.sort()).toEqual(['guest.dateOfBirth', 'guest.document.expiryDate', 'guest.document.number']);
  });

  it('reads a TD1 identity card (3 lines of 30) and Germany as D', () => {
    const card = passportMrz({ kind: 'TD1', surname: 'MUELLER', given: 'JONAS', number: 'L01X00T47', state: 'D', birth: '120704', sex: 'M', expiry: '300101' });
    const r = parseTypedMrz(card.join('\n'), today)!;
    expect(r.values['guest.surname']).toBe('MUELLER');
    expect(r.values['guest.nationality']).toBe('D');
    expect(r.values['guest.dateOfBirth']).toBe('2012-07-04');
    expect(r.checkErrors).toEqual({});
  });

  it('splits one long line by length', () => expect(mrzLines(anna.join(''))).toEqual(anna));
});

describe('keyboard-wedge bursts', () => {
  const feed = (buffer: WedgeBuffer, text: string, start: number, gap: number) => {
    let t = start;
    let out: string | null = null;
    for (const ch of text) {
      out = buffer.push(ch === '\n' ? 'Enter' : ch, t) ?? out;
      t += gap;
    }
    return out;
  };
  it('recognises a fast burst of MRZ lines', () => {
    const b = new WedgeBuffer();
    const text = feed(b, `${anna[0]}\n${anna[1]}\n`, 1000, 5);
    expect(parseTypedMrz(text!, today)?.values['guest.surname']).toBe('LINDQVIST');
  });
  it('ignores a person typing slowly, and a burst broken by a pause', () => {
    expect(feed(new WedgeBuffer(), `${anna[0]}\n${anna[1]}`, 0, 200)).toBeNull();
    const b = new WedgeBuffer();
    feed(b, anna[0], 0, 5);
    expect(feed(b, `\n${anna[1]}`, 5000, 5)).toBeNull();
  });
});
