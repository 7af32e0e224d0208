// Cell values of a guest file as people type them, read into the check-in's own formats.
// Each reader returns the value or null when it cannot read it (the caller names the field).
import { isValidDate } from '../dates';
import { PERMIT_KINDS, type PermitKind } from '../permits/kinds';

/** Excel's day 0 is 1899-12-30 (it counts 1900 as a leap year; serials after Feb 1900 are right). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** dd/mm/yyyy (also - or .), yyyy-mm-dd, yyyy/mm/dd, or an Excel serial day number. */
export function readDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(s);
  if (m) return checked(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: .*)?$/.exec(s);
  if (m) return checked(m[3]!, m[2]!, m[1]!);
  if (/^\d{1,6}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial < 61 || serial > 2_958_465) return null; // before March 1900 Excel's calendar is wrong
    return new Date(EXCEL_EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
  }
  return null;
}

function checked(y: string, mo: string, d: string): string | null {
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isValidDate(iso) ? iso : null;
}

const SEXES: Record<string, 'M' | 'F' | 'X'> = {
  m: 'M', male: 'M', l: 'M', 'laki-laki': 'M', lakilaki: 'M', 'laki laki': 'M', pria: 'M', lk: 'M',
  f: 'F', female: 'F', p: 'F', perempuan: 'F', wanita: 'F', w: 'F', pr: 'F',
  x: 'X', '<': 'X', unspecified: 'X', other: 'X', lainnya: 'X',
};

export function readSex(raw: string): 'M' | 'F' | 'X' | null {
  return SEXES[raw.trim().toLowerCase()] ?? null;
}

const PERMITS: Record<string, PermitKind> = {
  bebasvisa: 'visa_free_visit', bebasvisakunjungan: 'visa_free_visit', bvk: 'visa_free_visit', visafree: 'visa_free_visit', visaexempt: 'visa_free_visit',
  voa: 'visa_on_arrival', visaonarrival: 'visa_on_arrival', vkss: 'visa_on_arrival', visakunjungansaatkedatangan: 'visa_on_arrival',
  visakunjungan: 'visit_visa', visitvisa: 'visit_visa', itk: 'visit_visa', izintinggalkunjungan: 'visit_visa',
  itas: 'itas', kitas: 'itas', izintinggalterbatas: 'itas',
  itap: 'itap', kitap: 'itap', izintinggaltetap: 'itap',
  diplomatik: 'diplomatic', diplomatic: 'diplomatic', dinas: 'official', official: 'official',
};

/** A permit kind by its code (visa_free_visit) or a common name (Bebas Visa, VoA, KITAS, ...). */
export function readPermitKind(raw: string): PermitKind | null {
  const s = raw.trim().toLowerCase();
  if ((PERMIT_KINDS as readonly string[]).includes(s)) return s as PermitKind;
  return PERMITS[s.replace(/[^a-z]/g, '')] ?? null;
}
