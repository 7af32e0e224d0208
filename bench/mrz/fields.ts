// MRZ lines -> fields, cleaned as truth.json cleans them. Used to score readers that
// return only text (the tesseract baseline) with the same rules as the truth.
import type { MrzFieldName, MrzFields, MrzKind } from '../../src/domain/mrz/types';
import { clean, cleanName } from '../../scripts/mrz/synth/mrz-text';

export const FIELD_NAMES: readonly MrzFieldName[] = [
  'documentCode', 'issuingState', 'lastName', 'firstName', 'documentNumber', 'nationality',
  'birthDate', 'sex', 'expirationDate', 'personalNumber',
];

/** Kind from the shape of the lines; visas are told from TD2/TD3 by their 'V' code. */
export function kindOf(lines: string[]): MrzKind | null {
  if (lines.length === 3 && lines.every((l) => l.length === 30)) return 'TD1';
  if (lines.length !== 2) return null;
  const v = lines[0][0] === 'V';
  if (lines.every((l) => l.length === 36)) return v ? 'MRVB' : 'TD2';
  if (lines.every((l) => l.length === 44)) return v ? 'MRVA' : 'TD3';
  return null;
}

export function fieldsFromLines(lines: string[]): { kind: MrzKind; fields: MrzFields } | null {
  const kind = kindOf(lines);
  if (!kind) return null;
  if (kind === 'TD1') {
    const [a, b, c] = lines;
    return {
      kind,
      fields: {
        documentCode: clean(a.slice(0, 2)), issuingState: clean(a.slice(2, 5)), ...cleanName(c),
        documentNumber: clean(a.slice(5, 14)), nationality: clean(b.slice(15, 18)), birthDate: b.slice(0, 6),
        sex: b[7], expirationDate: b.slice(8, 14), personalNumber: clean(a.slice(15, 30)), optionalData2: clean(b.slice(18, 29)),
      },
    };
  }
  const [a, b] = lines;
  const optEnd = kind === 'TD3' ? 42 : kind === 'TD2' ? 35 : b.length;
  return {
    kind,
    fields: {
      documentCode: clean(a.slice(0, 2)), issuingState: clean(a.slice(2, 5)), ...cleanName(a.slice(5)),
      documentNumber: clean(b.slice(0, 9)), nationality: clean(b.slice(10, 13)), birthDate: b.slice(13, 19),
      sex: b[20], expirationDate: b.slice(21, 27), personalNumber: clean(b.slice(28, optEnd)),
    },
  };
}

/** Names of the ten fields that differ (all ten when nothing was read). */
export function wrongFields(truth: MrzFields, got: MrzFields | null | undefined): MrzFieldName[] {
  if (!got) return [...FIELD_NAMES];
  return FIELD_NAMES.filter((f) => (truth[f] ?? '') !== (got[f] ?? ''));
}
