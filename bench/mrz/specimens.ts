// The 37 real specimen images in /work/shared/mrz-specimens (never used for training).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MrzFields, MrzKind } from '../../src/domain/mrz/types';

export const SPECIMEN_DIR = process.env.MRZ_SPECIMENS ?? '/work/shared/mrz-specimens';

export interface Specimen {
  file: string;
  kind: MrzKind;
  lines: string[];
  fields: MrzFields;
  checkDigitsValid: boolean;
  uncertain: boolean;
}

export function loadSpecimens(): Specimen[] {
  return JSON.parse(readFileSync(join(SPECIMEN_DIR, 'truth.json'), 'utf8')) as Specimen[];
}

/** Files PassportEye reads with every field right, in either of its two settings. */
export function passportEyeRight(): { legacy: string[]; default: string[]; any: string[] } {
  const rows = JSON.parse(readFileSync(join(SPECIMEN_DIR, 'passporteye-results.json'), 'utf8')) as Array<{ file: string; setting: string; allFieldsRight: boolean }>;
  const legacy = rows.filter((r) => r.setting === 'legacy' && r.allFieldsRight).map((r) => r.file);
  const def = rows.filter((r) => r.setting !== 'legacy' && r.allFieldsRight).map((r) => r.file);
  return { legacy, default: def, any: [...new Set([...legacy, ...def])].sort() };
}
