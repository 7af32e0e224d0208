// MRZ lines typed by the clerk or by a keyboard-wedge scanner, to form values. Pure.
// Scanners "type" the lines with Enter (or CR) between them, in fast bursts; some send no
// separator at all. Check digits are verified with the `mrz` package (TD1, TD2, TD3) or, for
// visas, which it does not know, with the ICAO rule of src/domain/mrz; a field whose check
// digit fails is named so the form shows it in red instead of accepting it silently.
import { parse } from 'mrz';
import { extractFields } from '../../../domain/mrz/fields';
import { detectLayout, failingChecks, type MrzLayout } from '../../../domain/mrz/layouts';
import { isKnownCode } from '../../../domain/mrz/codes';
import type { MrzFieldName, MrzReading } from '../../../domain/mrz/types';
import type { FieldKey } from '../stays/checkInForm';
import { fromReading, type ReadingResult } from './fromReading';

export type CheckName = 'documentNumber' | 'birthDate' | 'expirationDate' | 'personalNumber' | 'composite';

export interface TypedMrzResult extends ReadingResult {
  lines: string[];
  /** form fields whose check digit fails, with the i18n key of the message */
  checkErrors: Partial<Record<FieldKey, string>>;
  /** failing checks that name no form field (composite, personal number) */
  otherChecks: CheckName[];
}

const SHAPES: [number, number][] = [[2, 44], [3, 30], [2, 36]];

/** The lines of a typed MRZ: upper case, spaces dropped, split at line breaks or by length. */
export function mrzLines(text: string): string[] {
  const lines = text.toUpperCase().split(/\r\n|\r|\n/).map((l) => l.replace(/\s+/g, '')).filter(Boolean);
  if (lines.length === 1) {
    for (const [n, len] of SHAPES) {
      if (lines[0].length === n * len) return Array.from({ length: n }, (_, i) => lines[0].slice(i * len, (i + 1) * len));
    }
  }
  return lines;
}

/** The layout when the lines form a whole MRZ (every line of its length), else null. */
export function completeLayout(lines: string[]): MrzLayout | null {
  const layout = detectLayout(lines);
  if (!layout || lines.length !== layout.lines || lines.some((l) => l.length !== layout.length)) return null;
  return layout;
}

export function hasOnlyMrzCharacters(lines: string[]): boolean {
  return lines.every((l) => /^[A-Z0-9<]*$/.test(l));
}

/** Checks that fail: the `mrz` package's verdict where it knows the format, ours for visas. */
export function failingCheckNames(layout: MrzLayout, lines: string[]): CheckName[] {
  if (layout.kind === 'MRVA' || layout.kind === 'MRVB') return failingChecks(layout, lines) as CheckName[];
  const byDetail: Record<string, CheckName> = {
    documentNumberCheckDigit: 'documentNumber',
    birthDateCheckDigit: 'birthDate',
    expirationDateCheckDigit: 'expirationDate',
    personalNumberCheckDigit: 'personalNumber',
    compositeCheckDigit: 'composite',
  };
  try {
    const result = parse(lines);
    const out = new Set<CheckName>();
    for (const d of result.details) {
      const name = d.field ? byDetail[d.field] : undefined;
      if (name && !d.valid) out.add(name);
    }
    return [...out];
  } catch {
    return failingChecks(layout, lines) as CheckName[];
  }
}

const MESSAGE: Record<'documentNumber' | 'birthDate' | 'expirationDate', string> = {
  documentNumber: 'clerkForm.mrz.badCheck.documentNumber',
  birthDate: 'clerkForm.mrz.badCheck.birthDate',
  expirationDate: 'clerkForm.mrz.badCheck.expirationDate',
};

/** Reads typed lines; null until they form a whole MRZ of MRZ characters. */
export function parseTypedMrz(text: string, today: string): TypedMrzResult | null {
  const lines = mrzLines(text);
  const layout = completeLayout(lines);
  if (!layout || !hasOnlyMrzCharacters(lines)) return null;
  const fields = extractFields(layout, lines);
  const failing = failingCheckNames(layout, lines);
  const uncertain: MrzFieldName[] = [];
  // A code no state or organisation uses is a typo: the clerk checks it.
  if (!isKnownCode(lines[0].slice(2, 5))) uncertain.push('issuingState');
  if (fields.nationality && !isKnownCode(fields.nationality.padEnd(3, '<'))) uncertain.push('nationality');
  // A composite failure with every single check passing points at no one field: check all three.
  if (failing.includes('composite') && !failing.some((c) => c in MESSAGE)) uncertain.push('documentNumber', 'birthDate', 'expirationDate');
  const reading: MrzReading = { valid: failing.length === 0 && uncertain.length === 0, kind: layout.kind, lines, fields, uncertain, confidences: [], ms: 0 };
  const result = fromReading(reading, today);
  const visa = !!result.visa;
  const target: Record<keyof typeof MESSAGE, FieldKey> = {
    documentNumber: visa ? 'guest.permit.number' : 'guest.document.number',
    birthDate: 'guest.dateOfBirth',
    expirationDate: visa ? 'guest.permit.validUntil' : 'guest.document.expiryDate',
  };
  const checkErrors: Partial<Record<FieldKey, string>> = {};
  const otherChecks: CheckName[] = [];
  const fieldFails = failing.some((c) => c in MESSAGE);
  for (const name of failing) {
    if (name in MESSAGE) checkErrors[target[name as keyof typeof MESSAGE]] = MESSAGE[name as keyof typeof MESSAGE];
    // the composite digit covers the others: its failure says nothing more when one of them failed
    else if (!(name === 'composite' && fieldFails)) otherChecks.push(name);
  }
  return { ...result, lines, checkErrors, otherChecks };
}

/**
 * Recognises a keyboard-wedge burst typed while no input has focus: MRZ characters and Enter
 * arriving faster than a person types. A pause longer than `maxGapMs` starts afresh.
 */
export class WedgeBuffer {
  private text = '';
  private last = -Infinity;
  constructor(private readonly maxGapMs = 150) {} // people type slower than ~200 ms a key; scanners far faster

  /** Feeds one key (KeyboardEvent.key); returns the whole MRZ text when a burst completes one. */
  push(key: string, timeMs: number): string | null {
    if (timeMs - this.last > this.maxGapMs) this.text = '';
    this.last = timeMs;
    if (key === 'Enter') this.text += '\n';
    else if (key.length === 1 && /[A-Za-z0-9<]/.test(key)) this.text += key;
    else if (key.length === 1) this.text = ''; // a character no MRZ has: not a scanner
    else return null; // Shift and the like
    const lines = mrzLines(this.text);
    if (completeLayout(lines)) {
      const text = this.text;
      this.text = '';
      return text;
    }
    return null;
  }

  /** Whether a burst is under way (its keys should not reach the page). */
  get active(): boolean {
    return this.text.replace(/\n/g, '').length >= 8;
  }
}
