// The guest's own answers, checked with the check-in rules (src/domain/validation) so a draft
// the clerk confirms passes them too. Only what a guest can know is asked: no room, no permit dates.
import { addDays } from '../dates';
import { PERMIT_KINDS, type PermitKind } from '../permits/kinds';
import { checkCheckIn } from '../validation/checkIn';
import { type PreregFieldError, preregErrorKey } from './errors';

/** A guest may pre-register this many days before arrival; a draft lives as long. */
export const DRAFT_DAYS = 7;

export interface PreregAnswers {
  guest: {
    surname: string; givenNames: string; sex: 'M' | 'F' | 'X' | ''; dateOfBirth: string; nationality: string;
    document: { number: string; issuingState: string; expiryDate: string };
  };
  /** what the guest believes their permit is; the clerk checks the stamp */
  permitKind?: PermitKind;
  arrivalDate: string;
  plannedDeparture?: string;
}

export const REQUIRED_FIELDS = [
  'guest.surname', 'guest.sex', 'guest.dateOfBirth', 'guest.nationality',
  'guest.document.number', 'guest.document.issuingState', 'guest.document.expiryDate', 'arrivalDate',
] as const;

const valueAt = (answers: PreregAnswers, field: string): unknown =>
  field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), answers);

/** Every problem, one per field, in form order. `today` is the lodging's date. */
export function checkPreregistration(answers: PreregAnswers, today: string, isKnownCountry: (code: string) => boolean): PreregFieldError[] {
  const errors: PreregFieldError[] = [];
  for (const field of REQUIRED_FIELDS) {
    const v = valueAt(answers, field);
    if (typeof v !== 'string' || !v.trim()) errors.push({ field, key: 'field.required' });
  }
  if (answers.guest.sex && !['M', 'F', 'X'].includes(answers.guest.sex)) errors.push({ field: 'guest.sex', key: 'field.bad_choice' });
  if (answers.permitKind !== undefined && !(PERMIT_KINDS as readonly string[]).includes(answers.permitKind)) errors.push({ field: 'permitKind', key: 'field.bad_choice' });
  const has = (field: string) => errors.some((e) => e.field === field);

  const arrival = answers.arrivalDate;
  const { errors: rules } = checkCheckIn({
    guest: { ...answers.guest, permit: { kind: 'itap', validFrom: arrival } }, // permit dates are the clerk's; 'itap' asks for none
    arrivalDate: arrival, plannedDeparture: answers.plannedDeparture || undefined,
  }, today, isKnownCountry);
  for (const e of rules) {
    if (e.field.startsWith('guest.permit') || has(e.field)) continue;
    // a guest pre-registers before arriving: up to DRAFT_DAYS ahead is fine
    if (e.key === 'field.arrival_far_future') {
      if (arrival <= addDays(today, DRAFT_DAYS)) continue;
      errors.push({ field: e.field, key: 'field.arrival_far_future', params: { days: DRAFT_DAYS } });
      continue;
    }
    // an empty required field is already named; the rules would call it a bad date or unknown country
    if (REQUIRED_FIELDS.includes(e.field as (typeof REQUIRED_FIELDS)[number]) && !String(valueAt(answers, e.field) ?? '').trim()) continue;
    errors.push({ field: e.field, key: preregErrorKey(e.key), ...(e.params ? { params: e.params } : {}) });
  }
  const order = (f: string) => { const i = FIELD_ORDER.indexOf(f); return i < 0 ? 99 : i; };
  return errors.sort((a, b) => order(a.field) - order(b.field));
}

export const FIELD_ORDER = [
  'guest.surname', 'guest.givenNames', 'guest.sex', 'guest.dateOfBirth', 'guest.nationality',
  'guest.document.number', 'guest.document.issuingState', 'guest.document.expiryDate', 'permitKind', 'arrivalDate', 'plannedDeparture',
];
