import { isValidRegionCode } from '../regions/codes';
import { checkName, hasBadCharacters } from './text';

// What a reporter registering itself must give, as in APOA, and the rules each field follows.
// Pure, shared by the server (which also checks the village exists and the username is free)
// and the web form. Each problem names its field and a message key.

export const REPORTER_KINDS = ['lodging', 'company', 'private'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];
export const REGISTRATION_LODGING_TYPES = ['hotel', 'villa', 'homestay', 'guest_house', 'kos'] as const;

export interface RegistrationInput {
  kind: ReporterKind;
  /** lodging or company name; a private person's own name */
  name: string;
  lodgingType?: string;
  /** Nomor Induk Berusaha: lodgings and companies */
  nib?: string;
  /** Nomor Induk Kependudukan: private persons */
  nik?: string;
  address: string;
  villageCode: string;
  lat?: number;
  lng?: number;
  personInCharge?: string;
  phone?: string;
  email: string;
  username: string;
  password: string;
}

export type RegistrationProblemKey =
  | 'field.required' | 'field.bad_characters' | 'field.no_letters' | 'field.too_long' | 'field.bad_enum'
  | 'field.nib_format' | 'field.nik_format' | 'field.gps_outside_indonesia' | 'field.gps_pair' | 'field.not_village'
  | 'field.phone_format' | 'field.email_format' | 'field.username_format' | 'field.password_weak' | 'field.password_is_username';

export interface RegistrationProblem { field: keyof RegistrationInput; key: RegistrationProblemKey; params?: Record<string, string | number> }

/** Indonesia's extent with a small margin: Weh island to Merauke, Miangas to Rote. */
export const INDONESIA_BOUNDS = { south: -11.2, north: 6.3, west: 94.7, east: 141.1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;

const digitsOnly = (s: string) => s.replace(/[\s.-]/g, '');
export const normaliseNib = digitsOnly;
export const normaliseNik = digitsOnly;
export const normalisePhone = (s: string) => s.replace(/[\s().-]/g, '');

export const isNib = (s: string) => /^\d{13}$/.test(normaliseNib(s));

/**
 * NIK: 16 digits = district code (6), birth date DDMMYY (women: day + 40), serial (4).
 * Checked for shape and a possible date; the number itself is the civil registry's.
 */
export function isNik(s: string): boolean {
  const nik = normaliseNik(s);
  if (!/^\d{16}$/.test(nik) || nik.slice(0, 2) === '00' || nik.endsWith('0000')) return false;
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const dayOfMonth = day > 40 ? day - 40 : day;
  return month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31;
}

export const isPhone = (s: string) => /^(\+62|0)\d{7,13}$/.test(normalisePhone(s));
export const isEmail = (s: string) => s.length <= 200 && /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]{2,}$/.test(s.trim());

export function insideIndonesia(lat: number, lng: number): boolean {
  const b = INDONESIA_BOUNDS;
  return Number.isFinite(lat) && Number.isFinite(lng) && lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;
}

function text(problems: RegistrationProblem[], field: keyof RegistrationInput, value: string | undefined, limit: number, opts: { required: boolean; name?: boolean }) {
  const v = value ?? '';
  if (!v.trim()) {
    if (opts.required) problems.push({ field, key: 'field.required' });
    return;
  }
  if (v.length > limit) problems.push({ field, key: 'field.too_long', params: { limit } });
  else if (opts.name) {
    const problem = checkName(v);
    if (problem) problems.push({ field, key: problem });
  } else if (hasBadCharacters(v)) problems.push({ field, key: 'field.bad_characters' });
}

/** Every problem of a registration, in form order (an empty list: fine as far as shape goes). */
export function checkRegistration(input: RegistrationInput): RegistrationProblem[] {
  const problems: RegistrationProblem[] = [];
  const business = input.kind === 'lodging' || input.kind === 'company';
  text(problems, 'name', input.name, 150, { required: true, name: true });
  if (input.kind === 'lodging') {
    if (!input.lodgingType) problems.push({ field: 'lodgingType', key: 'field.required' });
    else if (!(REGISTRATION_LODGING_TYPES as readonly string[]).includes(input.lodgingType)) {
      problems.push({ field: 'lodgingType', key: 'field.bad_enum', params: { allowed: REGISTRATION_LODGING_TYPES.join(', ') } });
    }
  }
  if (business) {
    if (!input.nib?.trim()) problems.push({ field: 'nib', key: 'field.required' });
    else if (!isNib(input.nib)) problems.push({ field: 'nib', key: 'field.nib_format' });
  } else if (!input.nik?.trim()) problems.push({ field: 'nik', key: 'field.required' });
  else if (!isNik(input.nik)) problems.push({ field: 'nik', key: 'field.nik_format' });
  text(problems, 'address', input.address, 300, { required: true });
  if (!input.villageCode?.trim()) problems.push({ field: 'villageCode', key: 'field.required' });
  else if (!isValidRegionCode(input.villageCode) || input.villageCode.split('.').length !== 4) problems.push({ field: 'villageCode', key: 'field.not_village' });
  const hasLat = input.lat !== undefined && input.lat !== null;
  const hasLng = input.lng !== undefined && input.lng !== null;
  if (hasLat !== hasLng) problems.push({ field: hasLat ? 'lng' : 'lat', key: 'field.gps_pair' });
  else if (!hasLat && input.kind === 'lodging') problems.push({ field: 'lat', key: 'field.required' });
  else if (hasLat && !insideIndonesia(input.lat!, input.lng!)) {
    problems.push({ field: input.lat! < INDONESIA_BOUNDS.south || input.lat! > INDONESIA_BOUNDS.north || !Number.isFinite(input.lat!) ? 'lat' : 'lng', key: 'field.gps_outside_indonesia' });
  }
  if (business) text(problems, 'personInCharge', input.personInCharge, 100, { required: true, name: true });
  if (!input.phone?.trim()) { if (business) problems.push({ field: 'phone', key: 'field.required' }); }
  else if (!isPhone(input.phone)) problems.push({ field: 'phone', key: 'field.phone_format' });
  if (!input.email?.trim()) problems.push({ field: 'email', key: 'field.required' });
  else if (!isEmail(input.email)) problems.push({ field: 'email', key: 'field.email_format' });
  const username = (input.username ?? '').trim().toLowerCase();
  if (!username) problems.push({ field: 'username', key: 'field.required' });
  else if (!USERNAME_PATTERN.test(username)) problems.push({ field: 'username', key: 'field.username_format' });
  if (!input.password) problems.push({ field: 'password', key: 'field.required' });
  else if (input.password.length < MIN_PASSWORD_LENGTH) problems.push({ field: 'password', key: 'field.password_weak' });
  else if (input.password.trim().toLowerCase() === username) problems.push({ field: 'password', key: 'field.password_is_username' });
  return problems;
}
