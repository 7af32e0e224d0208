// Random but plausible document data. Confusable characters (S/8, B/1, I/8, G/6, Z/5,
// O/0/4, D/3, A/0, K/<) are over-represented because they are what readers get wrong.
import type { MrzKind } from '../../../src/domain/mrz/types';
import { ALL_CODES } from './codes';
import type { MrzData } from './mrz-text';
import { GIVEN_NAMES, SURNAMES } from './names';
import type { Rng } from './rng';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const CONFUSABLE = 'S8B1I8G6Z5O04D3A0K';

function randomChars(rng: Rng, n: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[rng.int(0, alphabet.length - 1)];
  return s;
}

/** A document number: several national patterns, often salted with confusables. */
export function documentNumber(rng: Rng): string {
  const pattern = rng.int(0, 5);
  let s: string;
  if (pattern === 0) s = randomChars(rng, 9, DIGITS);
  else if (pattern === 1) s = randomChars(rng, rng.int(1, 2), LETTERS) + randomChars(rng, 7, DIGITS);
  else if (pattern === 2) s = randomChars(rng, 9, LETTERS + DIGITS);
  else if (pattern === 3) s = randomChars(rng, 9, CONFUSABLE);
  else if (pattern === 4) s = randomChars(rng, rng.int(6, 8), LETTERS + DIGITS + CONFUSABLE);
  else s = randomChars(rng, 2, LETTERS) + randomChars(rng, 6, DIGITS) + randomChars(rng, 1, LETTERS);
  // a sprinkle of confusables in any pattern
  if (rng.chance(0.5)) {
    const i = rng.int(0, s.length - 1);
    s = s.slice(0, i) + rng.pick(CONFUSABLE.split('')) + s.slice(i + 1);
  }
  return s.slice(0, 9);
}

/** A YYMMDD date with a valid day for its month. */
export function date(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = rng.int(1, dim);
  return String(y % 100).padStart(2, '0') + String(m).padStart(2, '0') + String(d).padStart(2, '0');
}

function optionalData(rng: Rng, width: number): string {
  if (width <= 0 || rng.chance(0.45)) return '';
  const kind = rng.int(0, 3);
  if (kind === 0) return randomChars(rng, Math.min(width, rng.int(6, 14)), DIGITS);
  if (kind === 1) return randomChars(rng, Math.min(width, rng.int(4, 12)), LETTERS + DIGITS + CONFUSABLE);
  if (kind === 2) {
    // two groups separated by a filler, cleaned to "AAA 123"
    const a = randomChars(rng, rng.int(2, 6), LETTERS + DIGITS);
    const b = randomChars(rng, rng.int(2, 5), DIGITS);
    return (a + '<' + b).slice(0, width).replace(/<+$/, '');
  }
  return randomChars(rng, Math.min(width, rng.int(3, 9)), CONFUSABLE);
}

function givenNames(rng: Rng): string {
  if (rng.chance(0.06)) return ''; // mononym: only the primary identifier
  const n = rng.chance(0.3) ? 2 : 1;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(rng.pick(GIVEN_NAMES));
  return parts.join(' ');
}

function surname(rng: Rng): string {
  const s = rng.pick(SURNAMES);
  return rng.chance(0.12) ? `${s} ${rng.pick(SURNAMES)}` : s;
}

const CODES: Record<MrzKind, readonly string[]> = {
  TD3: ['P', 'P', 'P', 'P', 'PA', 'PD', 'PO', 'PS', 'PT'],
  TD2: ['I', 'ID', 'IR', 'A', 'AC', 'C', 'P', 'IP'],
  TD1: ['I', 'ID', 'ID', 'IR', 'IP', 'A', 'AC', 'C', 'CR'],
  MRVA: ['V', 'V', 'VA', 'VD'],
  MRVB: ['V', 'V', 'VB', 'VC'],
};

/** Random document data of the given kind. */
export function randomMrzData(rng: Rng, kind: MrzKind): MrzData {
  const issuing = rng.chance(0.05) ? rng.pick(['D', 'GBD', 'UNO', 'XXA', 'UTO']) : rng.pick(ALL_CODES);
  const nationality = rng.chance(0.75) ? issuing : rng.pick(ALL_CODES);
  const sexRoll = rng.next();
  const optWidth = { TD3: 14, TD2: 7, TD1: 15, MRVA: 16, MRVB: 8 }[kind];
  let documentCode = rng.pick(CODES[kind]);
  // 'IDFRA' on 36-character lines is the French national ID layout, not TD2
  if (kind === 'TD2' && documentCode === 'ID' && issuing === 'FRA') documentCode = 'IR';
  return {
    kind,
    documentCode,
    issuingState: issuing,
    lastName: surname(rng),
    firstName: givenNames(rng),
    documentNumber: documentNumber(rng),
    nationality,
    birthDate: date(rng, 1940, 2022),
    sex: sexRoll < 0.48 ? 'M' : sexRoll < 0.96 ? 'F' : '<',
    expirationDate: date(rng, 2016, 2036),
    optional1: optionalData(rng, optWidth),
    optional2: kind === 'TD1' ? optionalData(rng, 11) : '',
    zeroEmptyCheck: rng.chance(0.3),
  };
}
