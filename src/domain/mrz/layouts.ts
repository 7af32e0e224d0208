// Field positions of the five MRZ layouts (ICAO 9303 parts 4-7). Positions are 0-based,
// `end` exclusive, on the given line. `check` is the position of the field's check digit.
import type { MrzKind, MrzFieldName } from './types';
import { isCheckDigitValid as isCheckDigitValidLocal } from './checkdigit';

export interface FieldSpec {
  name: MrzFieldName | 'optionalData2';
  line: number;
  start: number;
  end: number;
  /** what the field may hold: digits, letters, alphanumeric, or any MRZ character */
  charset: 'digit' | 'alpha' | 'alnum' | 'any';
}

export interface CheckSpec {
  /** name of the check (a field name, or 'composite') */
  name: MrzFieldName | 'composite';
  /** the ranges the check digit covers, in order: [line, start, end] */
  ranges: Array<[number, number, number]>;
  /** where the check digit is: [line, position] */
  at: [number, number];
  /** '<' allowed as check digit when all covered characters are fillers */
  allowFiller?: boolean;
}

export interface MrzLayout {
  kind: MrzKind;
  lines: number;
  length: number;
  fields: FieldSpec[];
  checks: CheckSpec[];
}

const TD1: MrzLayout = {
  kind: 'TD1', lines: 3, length: 30,
  fields: [
    { name: 'documentCode', line: 0, start: 0, end: 2, charset: 'alpha' },
    { name: 'issuingState', line: 0, start: 2, end: 5, charset: 'any' },
    { name: 'documentNumber', line: 0, start: 5, end: 14, charset: 'alnum' },
    { name: 'personalNumber', line: 0, start: 15, end: 30, charset: 'any' },
    { name: 'birthDate', line: 1, start: 0, end: 6, charset: 'digit' },
    { name: 'sex', line: 1, start: 7, end: 8, charset: 'any' },
    { name: 'expirationDate', line: 1, start: 8, end: 14, charset: 'digit' },
    { name: 'nationality', line: 1, start: 15, end: 18, charset: 'any' },
    { name: 'optionalData2', line: 1, start: 18, end: 29, charset: 'any' },
    { name: 'lastName', line: 2, start: 0, end: 30, charset: 'alpha' },
  ],
  checks: [
    { name: 'documentNumber', ranges: [[0, 5, 14]], at: [0, 14] },
    { name: 'birthDate', ranges: [[1, 0, 6]], at: [1, 6] },
    { name: 'expirationDate', ranges: [[1, 8, 14]], at: [1, 14] },
    { name: 'composite', ranges: [[0, 5, 30], [1, 0, 7], [1, 8, 15], [1, 18, 29]], at: [1, 29] },
  ],
};

const TD2: MrzLayout = {
  kind: 'TD2', lines: 2, length: 36,
  fields: [
    { name: 'documentCode', line: 0, start: 0, end: 2, charset: 'alpha' },
    { name: 'issuingState', line: 0, start: 2, end: 5, charset: 'any' },
    { name: 'lastName', line: 0, start: 5, end: 36, charset: 'alpha' },
    { name: 'documentNumber', line: 1, start: 0, end: 9, charset: 'alnum' },
    { name: 'nationality', line: 1, start: 10, end: 13, charset: 'any' },
    { name: 'birthDate', line: 1, start: 13, end: 19, charset: 'digit' },
    { name: 'sex', line: 1, start: 20, end: 21, charset: 'any' },
    { name: 'expirationDate', line: 1, start: 21, end: 27, charset: 'digit' },
    { name: 'personalNumber', line: 1, start: 28, end: 35, charset: 'any' },
  ],
  checks: [
    { name: 'documentNumber', ranges: [[1, 0, 9]], at: [1, 9] },
    { name: 'birthDate', ranges: [[1, 13, 19]], at: [1, 19] },
    { name: 'expirationDate', ranges: [[1, 21, 27]], at: [1, 27] },
    { name: 'composite', ranges: [[1, 0, 10], [1, 13, 20], [1, 21, 35]], at: [1, 35] },
  ],
};

const TD3: MrzLayout = {
  kind: 'TD3', lines: 2, length: 44,
  fields: [
    { name: 'documentCode', line: 0, start: 0, end: 2, charset: 'alpha' },
    { name: 'issuingState', line: 0, start: 2, end: 5, charset: 'any' },
    { name: 'lastName', line: 0, start: 5, end: 44, charset: 'alpha' },
    { name: 'documentNumber', line: 1, start: 0, end: 9, charset: 'alnum' },
    { name: 'nationality', line: 1, start: 10, end: 13, charset: 'any' },
    { name: 'birthDate', line: 1, start: 13, end: 19, charset: 'digit' },
    { name: 'sex', line: 1, start: 20, end: 21, charset: 'any' },
    { name: 'expirationDate', line: 1, start: 21, end: 27, charset: 'digit' },
    { name: 'personalNumber', line: 1, start: 28, end: 42, charset: 'any' },
  ],
  checks: [
    { name: 'documentNumber', ranges: [[1, 0, 9]], at: [1, 9] },
    { name: 'birthDate', ranges: [[1, 13, 19]], at: [1, 19] },
    { name: 'expirationDate', ranges: [[1, 21, 27]], at: [1, 27] },
    { name: 'personalNumber', ranges: [[1, 28, 42]], at: [1, 42], allowFiller: true },
    { name: 'composite', ranges: [[1, 0, 10], [1, 13, 20], [1, 21, 43]], at: [1, 43] },
  ],
};

const MRVA: MrzLayout = {
  kind: 'MRVA', lines: 2, length: 44,
  fields: [
    { name: 'documentCode', line: 0, start: 0, end: 2, charset: 'alpha' },
    { name: 'issuingState', line: 0, start: 2, end: 5, charset: 'any' },
    { name: 'lastName', line: 0, start: 5, end: 44, charset: 'alpha' },
    { name: 'documentNumber', line: 1, start: 0, end: 9, charset: 'alnum' },
    { name: 'nationality', line: 1, start: 10, end: 13, charset: 'any' },
    { name: 'birthDate', line: 1, start: 13, end: 19, charset: 'digit' },
    { name: 'sex', line: 1, start: 20, end: 21, charset: 'any' },
    { name: 'expirationDate', line: 1, start: 21, end: 27, charset: 'digit' },
    { name: 'personalNumber', line: 1, start: 28, end: 44, charset: 'any' },
  ],
  checks: [
    { name: 'documentNumber', ranges: [[1, 0, 9]], at: [1, 9] },
    { name: 'birthDate', ranges: [[1, 13, 19]], at: [1, 19] },
    { name: 'expirationDate', ranges: [[1, 21, 27]], at: [1, 27] },
  ],
};

const MRVB: MrzLayout = {
  kind: 'MRVB', lines: 2, length: 36,
  fields: [
    { name: 'documentCode', line: 0, start: 0, end: 2, charset: 'alpha' },
    { name: 'issuingState', line: 0, start: 2, end: 5, charset: 'any' },
    { name: 'lastName', line: 0, start: 5, end: 36, charset: 'alpha' },
    { name: 'documentNumber', line: 1, start: 0, end: 9, charset: 'alnum' },
    { name: 'nationality', line: 1, start: 10, end: 13, charset: 'any' },
    { name: 'birthDate', line: 1, start: 13, end: 19, charset: 'digit' },
    { name: 'sex', line: 1, start: 20, end: 21, charset: 'any' },
    { name: 'expirationDate', line: 1, start: 21, end: 27, charset: 'digit' },
    { name: 'personalNumber', line: 1, start: 28, end: 36, charset: 'any' },
  ],
  checks: [
    { name: 'documentNumber', ranges: [[1, 0, 9]], at: [1, 9] },
    { name: 'birthDate', ranges: [[1, 13, 19]], at: [1, 19] },
    { name: 'expirationDate', ranges: [[1, 21, 27]], at: [1, 27] },
  ],
};

export const LAYOUTS: Record<MrzKind, MrzLayout> = { TD1, TD2, TD3, MRVA, MRVB };

/** Which layouts have `lines` lines of `length` characters. TD3/MRVA and TD2/MRVB share a shape. */
export function layoutsForShape(lines: number, length: number): MrzLayout[] {
  return Object.values(LAYOUTS).filter((l) => l.lines === lines && l.length === length);
}

/** The layout of an MRZ given its lines: visas start with 'V'. */
export function detectLayout(lines: string[]): MrzLayout | null {
  const cands = layoutsForShape(lines.length, lines[0]?.length ?? 0);
  if (cands.length === 0) return null;
  if (cands.length === 1) return cands[0];
  const visa = lines[0][0] === 'V';
  return cands.find((l) => (visa ? l.kind.startsWith('MRV') : !l.kind.startsWith('MRV'))) ?? cands[0];
}

/** The string a check covers, from the MRZ lines. */
export function checkInput(check: CheckSpec, lines: string[]): string {
  return check.ranges.map(([l, s, e]) => lines[l].slice(s, e)).join('');
}

/** Names of the checks that fail on these lines. */
export function failingChecks(layout: MrzLayout, lines: string[]): CheckSpec['name'][] {
  const out: CheckSpec['name'][] = [];
  for (const c of layout.checks) {
    const digit = lines[c.at[0]][c.at[1]];
    const value = checkInput(c, lines);
    const ok = isCheckDigitValidLocal(value, digit, !!c.allowFiller);
    if (!ok) out.push(c.name);
  }
  return out;
}
