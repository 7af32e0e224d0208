// Turns an MRZ reading into check-in form values. Pure, so it is easy to test.
import type { MrzFieldName, MrzReading } from '../../../domain/mrz/types';
import type { FieldKey, Values } from '../stays/checkInForm';

const FIELD_MAP: Partial<Record<MrzFieldName, FieldKey>> = {
  lastName: 'guest.surname',
  firstName: 'guest.givenNames',
  sex: 'guest.sex',
  birthDate: 'guest.dateOfBirth',
  nationality: 'guest.nationality',
  documentNumber: 'guest.document.number',
  issuingState: 'guest.document.issuingState',
  expirationDate: 'guest.document.expiryDate',
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function parseYymmdd(s: string): { yy: number; mm: number; dd: number } | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec((s ?? '').trim());
  if (!m) return null;
  const mm = +m[2];
  const dd = +m[3];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return { yy: +m[1], mm, dd };
}

function iso(year: number, mm: number, dd: number): string | null {
  const d = new Date(Date.UTC(year, mm - 1, dd));
  if (d.getUTCMonth() !== mm - 1) return null;
  return `${year}-${pad(mm)}-${pad(dd)}`;
}

/** A birth date lies in the past: the latest century that does not put it after today. */
export function birthDateFromMrz(yymmdd: string, today: string): string | null {
  const p = parseYymmdd(yymmdd);
  if (!p) return null;
  const candidate = iso(2000 + p.yy, p.mm, p.dd);
  if (candidate && candidate <= today) return candidate;
  return iso(1900 + p.yy, p.mm, p.dd);
}

/** An expiry date lies in a window around today (passports last at most ten years). */
export function expiryDateFromMrz(yymmdd: string, today: string): string | null {
  const p = parseYymmdd(yymmdd);
  if (!p) return null;
  const thisYear = +today.slice(0, 4);
  const base = Math.floor(thisYear / 100) * 100;
  let year = base + p.yy;
  if (year > thisYear + 50) year -= 100;
  else if (year < thisYear - 49) year += 100;
  return iso(year, p.mm, p.dd);
}

function sexFromMrz(s: string): string {
  const v = (s ?? '').trim().toUpperCase();
  if (v === 'M' || v === 'MALE') return 'M';
  if (v === 'F' || v === 'FEMALE') return 'F';
  return v ? 'X' : '';
}

function cleanName(s: string): string {
  return (s ?? '').replace(/</g, ' ').replace(/\s+/g, ' ').trim();
}

function cleanCode(s: string): string {
  return (s ?? '').replace(/</g, '').trim().toUpperCase();
}

export interface ReadingResult {
  values: Partial<Values>;
  uncertain: FieldKey[];
  retake?: MrzReading['retake'];
  found: boolean;
  /** the photo was of a visa (MRV): its number and end date went to the permit fields */
  visa?: boolean;
}

export function fromReading(reading: MrzReading, today: string): ReadingResult {
  if (!reading.fields) return { values: {}, uncertain: [], retake: reading.retake ?? 'not_found', found: false };
  const f = reading.fields;
  const values: Partial<Values> = {};
  const uncertain = new Set<FieldKey>();
  const put = (name: MrzFieldName, key: FieldKey, value: string | null) => {
    if (value) values[key] = value;
    else uncertain.add(key);
  };
  put('lastName', 'guest.surname', cleanName(f.lastName));
  if (f.firstName) values['guest.givenNames'] = cleanName(f.firstName);
  put('sex', 'guest.sex', sexFromMrz(f.sex));
  put('birthDate', 'guest.dateOfBirth', birthDateFromMrz(f.birthDate, today));
  put('nationality', 'guest.nationality', cleanCode(f.nationality));
  const visa = reading.kind === 'MRVA' || reading.kind === 'MRVB' || /^V/.test(f.documentCode ?? '');
  const fieldMap: Partial<Record<MrzFieldName, FieldKey>> = { ...FIELD_MAP };
  if (visa) {
    // A visa's MRZ carries the visa's number and end date, not the passport's.
    put('documentNumber', 'guest.permit.number', cleanCode(f.documentNumber));
    put('expirationDate', 'guest.permit.validUntil', expiryDateFromMrz(f.expirationDate, today));
    fieldMap.documentNumber = 'guest.permit.number';
    fieldMap.expirationDate = 'guest.permit.validUntil';
    delete fieldMap.issuingState;
  } else {
    put('documentNumber', 'guest.document.number', cleanCode(f.documentNumber));
    put('issuingState', 'guest.document.issuingState', cleanCode(f.issuingState));
    put('expirationDate', 'guest.document.expiryDate', expiryDateFromMrz(f.expirationDate, today));
  }
  for (const name of reading.uncertain ?? []) {
    const key = fieldMap[name];
    if (key) uncertain.add(key);
  }
  return { values, uncertain: [...uncertain], retake: reading.retake, found: true, visa };
}
