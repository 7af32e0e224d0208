// Builds MRZ lines for every ICAO 9303 layout, with check digits, and the fields cleaned
// the way truth.json and the `mrz` package's parse() clean them.
import { checkDigitChar } from '../../../src/domain/mrz/checkdigit';
import { LAYOUTS } from '../../../src/domain/mrz/layouts';
import type { MrzFields, MrzKind } from '../../../src/domain/mrz/types';

/** Lines and characters a line of each kind, as the reader's layouts define them. */
export const LINE_LENGTHS = Object.fromEntries(
  Object.values(LAYOUTS).map((l) => [l.kind, { lines: l.lines, length: l.length }]),
) as Record<MrzKind, { lines: number; length: number }>;

/** ICAO 9303 check digit character, from the reader's own implementation. */
export function checkDigit(s: string): string {
  return checkDigitChar(s);
}

/** Pad with fillers to n, or cut to n. */
export function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n) : s + '<'.repeat(n - s.length);
}

/** Upper-case Latin letters only; spaces and hyphens become '<', apostrophes vanish. */
export function toMrzName(s: string): string {
  return s.toUpperCase().replace(/['’.]/g, '').replace(/[\s-]+/g, '<').replace(/[^A-Z<]/g, '');
}

/** The name field: PRIMARY<<SECONDARY, truncated to the field width as ICAO allows. */
export function nameField(last: string, first: string, width: number): string {
  const l = toMrzName(last);
  const f = toMrzName(first);
  let s = f ? `${l}<<${f}` : l;
  // Truncation must not leave a dangling single filler that would read as a separator.
  s = s.slice(0, width).replace(/<+$/, '');
  return pad(s, width);
}

/** Clean a field as the `mrz` package does: fillers trimmed, a single inner '<' becomes a space. */
export function clean(s: string): string {
  return s.replace(/<+$/, '').replace(/^<+/, '').replace(/<+/g, ' ').trim();
}

/** Split a name field into last/first as mrz parse() does. */
export function cleanName(field: string): { lastName: string; firstName: string } {
  const trimmed = field.replace(/<+$/, '');
  const idx = trimmed.indexOf('<<');
  if (idx < 0) return { lastName: clean(trimmed), firstName: '' };
  return { lastName: clean(trimmed.slice(0, idx)), firstName: clean(trimmed.slice(idx + 2)) };
}

export interface MrzData {
  kind: MrzKind;
  /** one or two letters, e.g. 'P', 'PD', 'I', 'ID', 'V' */
  documentCode: string;
  issuingState: string;
  lastName: string;
  firstName: string;
  /** up to 9 characters */
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: 'M' | 'F' | '<';
  expirationDate: string;
  /** personal number (TD3), optional data (TD2, MRV), optional data 1 (TD1); in MRZ characters */
  optional1: string;
  /** TD1 only: optional data of line 2 */
  optional2: string;
  /** TD3 with an empty personal number: print its check digit as '0' rather than '<' */
  zeroEmptyCheck?: boolean;
}

/** Compose the MRZ lines and the cleaned fields for one document. */
export function buildMrz(d: MrzData): { lines: string[]; fields: MrzFields } {
  const code = pad(d.documentCode, 2);
  const state = pad(d.issuingState, 3);
  const nat = pad(d.nationality, 3);
  const doc = pad(d.documentNumber, 9);
  const docCd = checkDigit(doc);
  const birth = d.birthDate + checkDigit(d.birthDate);
  const exp = d.expirationDate + checkDigit(d.expirationDate);
  let lines: string[];
  let name: string;
  switch (d.kind) {
    case 'TD3': {
      name = nameField(d.lastName, d.firstName, 39);
      const pn = pad(d.optional1, 14);
      const pnCd = /^<+$/.test(pn) ? (d.zeroEmptyCheck ? '0' : '<') : checkDigit(pn);
      const body = doc + docCd + nat + birth + d.sex + exp + pn + pnCd;
      const comp = checkDigit(doc + docCd + birth + exp + pn + pnCd);
      lines = [code + state + name, body + comp];
      break;
    }
    case 'TD2': {
      name = nameField(d.lastName, d.firstName, 31);
      const opt = pad(d.optional1, 7);
      const comp = checkDigit(doc + docCd + birth + exp + opt);
      lines = [code + state + name, doc + docCd + nat + birth + d.sex + exp + opt + comp];
      break;
    }
    case 'TD1': {
      name = nameField(d.lastName, d.firstName, 30);
      const opt1 = pad(d.optional1, 15);
      const opt2 = pad(d.optional2, 11);
      const l1 = code + state + doc + docCd + opt1;
      const l2a = birth + d.sex + exp + nat + opt2;
      const comp = checkDigit(l1.slice(5, 30) + birth + exp + opt2);
      lines = [l1, l2a + comp, name];
      break;
    }
    case 'MRVA':
    case 'MRVB': {
      const len = d.kind === 'MRVA' ? 44 : 36;
      name = nameField(d.lastName, d.firstName, len - 5);
      const opt = pad(d.optional1, len - 28);
      lines = [code + state + name, doc + docCd + nat + birth + d.sex + exp + opt];
      break;
    }
  }
  const { lastName, firstName } = cleanName(name);
  const fields: MrzFields = {
    documentCode: clean(code),
    issuingState: clean(state),
    lastName,
    firstName,
    documentNumber: clean(doc),
    nationality: clean(nat),
    birthDate: d.birthDate,
    sex: d.sex,
    expirationDate: d.expirationDate,
    personalNumber: clean(d.kind === 'TD1' ? pad(d.optional1, 15) : d.optional1),
  };
  if (d.kind === 'TD1') fields.optionalData2 = clean(pad(d.optional2, 11));
  return { lines, fields };
}
