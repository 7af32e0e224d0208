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
  /** positions that hold a filler '<' in this variant of the layout */
  fillers?: Array<[number, number]>;
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

const longNumber = new Map<number, MrzLayout>();

/**
 * TD1 with a document number longer than 9 characters (ICAO 9303-5, note j): its first 9
 * in the number field, '<' where the check digit would be, the rest at the start of
 * optional data 1, then the check digit (of the whole number) at `at`, then optional data.
 */
export function td1LongNumberLayout(at: number): MrzLayout {
  let layout = longNumber.get(at);
  if (!layout) {
    const fields = TD1.fields.filter((f) => f.name !== 'personalNumber' && f.name !== 'documentNumber');
    fields.splice(2, 0,
      { name: 'documentNumber', line: 0, start: 5, end: 14, charset: 'alnum' },
      { name: 'documentNumber', line: 0, start: 15, end: at, charset: 'alnum' },
      { name: 'personalNumber', line: 0, start: at + 1, end: 30, charset: 'any' });
    const checks = TD1.checks.map((c) => (c.name === 'documentNumber' ? { ...c, ranges: [[0, 5, 14], [0, 15, at]] as Array<[number, number, number]>, at: [0, at] as [number, number] } : c));
    layout = { ...TD1, fields, checks, fillers: [[0, 14]] };
    longNumber.set(at, layout);
  }
  return layout;
}

/**
 * Where a TD1 line 1 continues its document number into optional data: '<' at the number's
 * check digit, then at least one more character and the check digit before the first filler.
 * Returns the check digit's position, or null for an ordinary line.
 */
export function td1LongNumberEnd(line0: string): number | null {
  if (line0.length !== 30 || line0[14] !== '<' || line0[15] === '<') return null;
  const filler = line0.indexOf('<', 15);
  const end = (filler < 0 ? 30 : filler) - 1;
  return end >= 16 && /^[0-9]$/.test(line0[end]) ? end : null;
}

/** The layout as these lines use it: the long-number variant of TD1 where they continue the number. */
export function layoutForLines(layout: MrzLayout, lines: string[]): MrzLayout {
  if (layout.kind !== 'TD1' || layout.fillers) return layout;
  const at = td1LongNumberEnd(lines[0] ?? '');
  return at === null ? layout : td1LongNumberLayout(at);
}

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
  for (const c of layoutForLines(layout, lines).checks) {
    const digit = lines[c.at[0]][c.at[1]];
    const value = checkInput(c, lines);
    const ok = isCheckDigitValidLocal(value, digit, !!c.allowFiller);
    if (!ok) out.push(c.name);
  }
  return out;
}
