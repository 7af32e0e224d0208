// From MRZ lines to cleaned fields, as the `mrz` package's parse() cleans them (fillers
// removed, a '<' inside a value becomes a space, names split at the first '<<'), but
// lenient: non-ICAO codes (BDR, SI<, 132), odd sex letters and failing check digits still
// give fields. `mrz` parse() is used where it yields a value; our own cut fills the rest.
import { parse } from 'mrz';
import type { MrzFields, MrzFieldName } from './types';
import { layoutForLines, type MrzLayout } from './layouts';

export const FIELD_ORDER: MrzFieldName[] = ['documentCode', 'issuingState', 'lastName', 'firstName', 'documentNumber', 'nationality', 'birthDate', 'sex', 'expirationDate', 'personalNumber'];

export function cleanValue(s: string): string {
  return s.replace(/^<+|<+$/g, '').replace(/<+/g, ' ');
}

export function splitNames(s: string): { lastName: string; firstName: string } {
  const i = s.indexOf('<<');
  if (i < 0) return { lastName: cleanValue(s), firstName: '' };
  return { lastName: cleanValue(s.slice(0, i)), firstName: cleanValue(s.slice(i + 2)) };
}

/** Our own field cut for a layout (no validation); a TD1 number continued into optional data is joined. */
export function cutFields(layout: MrzLayout, lines: string[]): MrzFields {
  const f: Partial<MrzFields> = {};
  for (const spec of layoutForLines(layout, lines).fields) {
    const raw = lines[spec.line].slice(spec.start, spec.end);
    if (spec.name === 'lastName') Object.assign(f, splitNames(raw));
    else if (spec.name === 'documentNumber' && f.documentNumber) f.documentNumber += cleanValue(raw);
    else if (spec.name === 'sex') f.sex = raw;
    else if (spec.name === 'birthDate' || spec.name === 'expirationDate') f[spec.name] = raw;
    else (f as Record<string, string>)[spec.name] = cleanValue(raw);
  }
  if (f.firstName === undefined) f.firstName = '';
  const ordered = {} as MrzFields;
  for (const k of FIELD_ORDER) (ordered as Record<string, string>)[k] = f[k] ?? '';
  if (f.optionalData2 !== undefined) ordered.optionalData2 = f.optionalData2;
  return ordered;
}

const SAFE_FROM_PACKAGE: MrzFieldName[] = ['lastName', 'firstName', 'documentNumber', 'birthDate', 'expirationDate'];

/** Fields of the lines: the `mrz` package's values where it gives them, else our own cut. */
export function extractFields(layout: MrzLayout, lines: string[]): MrzFields {
  const own = cutFields(layout, lines);
  try {
    const r = parse(lines);
    for (const k of SAFE_FROM_PACKAGE) {
      const v = (r.fields as Record<string, string | null | undefined>)[k];
      if (typeof v === 'string' && v.replace(/ /g, '') === own[k].replace(/ /g, '')) own[k] = v.trim();
    }
  } catch {
    // lenient: keep our own cut
  }
  return own;
}
