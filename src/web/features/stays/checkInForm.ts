// The check-in form's model: values keyed by the server's field paths, so a problem+json
// `errors[].field` lands on the right input without translation tables.
import type { PermitKind, Sex, StayInput } from '../../api/types';
import { isIsoDate } from '../../lib/time';

export const FIELD_KEYS = [
  'guest.surname', 'guest.givenNames', 'guest.sex', 'guest.dateOfBirth', 'guest.nationality',
  'guest.document.number', 'guest.document.issuingState', 'guest.document.expiryDate',
  'guest.permit.kind', 'guest.permit.number', 'guest.permit.validFrom', 'guest.permit.validUntil',
  'arrivalDate', 'room', 'plannedDeparture', 'lodgingId',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];
export type Values = Record<FieldKey, string>;
export type Errors = Partial<Record<FieldKey, string>>;

/** Stable test ids for browser tests. */
export const TEST_IDS: Record<FieldKey, string> = {
  'guest.surname': 'checkin-surname',
  'guest.givenNames': 'checkin-given-names',
  'guest.sex': 'checkin-sex',
  'guest.dateOfBirth': 'checkin-date-of-birth',
  'guest.nationality': 'checkin-nationality',
  'guest.document.number': 'checkin-passport-number',
  'guest.document.issuingState': 'checkin-issuing-state',
  'guest.document.expiryDate': 'checkin-passport-expiry',
  'guest.permit.kind': 'checkin-permit-kind',
  'guest.permit.number': 'checkin-permit-number',
  'guest.permit.validFrom': 'checkin-permit-valid-from',
  'guest.permit.validUntil': 'checkin-permit-valid-until',
  arrivalDate: 'checkin-arrival-date',
  room: 'checkin-room',
  plannedDeparture: 'checkin-planned-departure',
  lodgingId: 'checkin-lodging',
};

/** Kinds whose permit always ends on a known date (as src/domain/permits/kinds.ts). */
export const PERMIT_KINDS_WITH_END: readonly string[] = ['visa_free_visit', 'visa_on_arrival', 'visit_visa', 'itas'];

/** As the server normalises it: upper case, no spaces or dashes. */
export function normaliseDocumentNumber(s: string): string {
  return s.normalize('NFKC').toUpperCase().replace(/[\s\-\u2010-\u2015]/gu, '');
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function emptyValues(today: string): Values {
  const v = Object.fromEntries(FIELD_KEYS.map((k) => [k, ''])) as Values;
  v.arrivalDate = today;
  v['guest.permit.validFrom'] = today;
  v['guest.permit.kind'] = 'visa_free_visit';
  return v;
}

const REQUIRED: FieldKey[] = [
  'guest.surname', 'guest.sex', 'guest.dateOfBirth', 'guest.nationality',
  'guest.document.number', 'guest.document.issuingState', 'guest.document.expiryDate',
  'guest.permit.kind', 'guest.permit.validFrom', 'arrivalDate',
];
const DATES: FieldKey[] = ['guest.dateOfBirth', 'guest.document.expiryDate', 'guest.permit.validFrom', 'guest.permit.validUntil', 'arrivalDate', 'plannedDeparture'];

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Client-side checks mirroring the server's: required fields, dates, order of dates. */
export function validate(values: Values, today: string, t: Translate, options: { needsLodging?: boolean } = {}): Errors {
  const errors: Errors = {};
  for (const key of REQUIRED) if (!values[key].trim()) errors[key] = t('validation.required');
  // An officer reporting on a lodging's behalf names the lodging; a reporter's is its own.
  if (options.needsLodging && !values.lodgingId) errors.lodgingId = t('validation.required');
  for (const key of DATES) {
    if (values[key] && !errors[key] && !isIsoDate(values[key])) errors[key] = t('validation.date');
  }
  const dob = values['guest.dateOfBirth'];
  if (dob && !errors['guest.dateOfBirth']) {
    if (dob > today) errors['guest.dateOfBirth'] = t('validation.dobFuture');
    else if (dob < '1900-01-01') errors['guest.dateOfBirth'] = t('validation.dobTooOld');
  }
  const number = normaliseDocumentNumber(values['guest.document.number']);
  if (values['guest.document.number'].trim() && !/^[A-Z0-9]{1,20}$/.test(number)) errors['guest.document.number'] = t('validation.passportNumber');
  const arrival = values.arrivalDate;
  const expiry = values['guest.document.expiryDate'];
  if (arrival && !errors.arrivalDate && arrival > addDays(today, 1)) errors.arrivalDate = t('validation.arrivalFuture');
  if (arrival && expiry && !errors.arrivalDate && !errors['guest.document.expiryDate'] && expiry < arrival) {
    errors['guest.document.expiryDate'] = t('validation.expiryAfterArrival');
  }
  const from = values['guest.permit.validFrom'];
  const until = values['guest.permit.validUntil'];
  if (from && until && !errors['guest.permit.validFrom'] && !errors['guest.permit.validUntil'] && until < from) {
    errors['guest.permit.validUntil'] = t('validation.untilAfterFrom');
  }
  if (!until && !errors['guest.permit.validUntil'] && PERMIT_KINDS_WITH_END.includes(values['guest.permit.kind'])) {
    errors['guest.permit.validUntil'] = t('validation.permitUntilRequired');
  }
  if (values.room.length > 20) errors.room = t('validation.tooLong', { max: 20 });
  if (values['guest.permit.number'].length > 40) errors['guest.permit.number'] = t('validation.tooLong', { max: 40 });
  const departure = values.plannedDeparture;
  if (arrival && departure && !errors.arrivalDate && !errors.plannedDeparture && departure < arrival) {
    errors.plannedDeparture = t('validation.departureAfterArrival');
  }
  for (const key of ['guest.surname', 'guest.givenNames'] as const) {
    if (values[key].length > 100) errors[key] = t('validation.tooLong', { max: 100 });
  }
  return errors;
}

export function toInput(values: Values): StayInput {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    guest: {
      surname: values['guest.surname'].trim(),
      givenNames: values['guest.givenNames'].trim(),
      sex: values['guest.sex'] as Sex,
      dateOfBirth: values['guest.dateOfBirth'],
      nationality: values['guest.nationality'],
      document: {
        type: 'passport',
        number: normaliseDocumentNumber(values['guest.document.number']),
        issuingState: values['guest.document.issuingState'],
        expiryDate: values['guest.document.expiryDate'],
      },
      permit: {
        kind: values['guest.permit.kind'] as PermitKind,
        number: opt(values['guest.permit.number']),
        validFrom: values['guest.permit.validFrom'],
        validUntil: opt(values['guest.permit.validUntil']),
      },
    },
    arrivalDate: values.arrivalDate,
    plannedDeparture: opt(values.plannedDeparture),
    room: opt(values.room),
    lodgingId: opt(values.lodgingId),
  };
}

/** Server errors on fields we know go to those fields; the rest are shown above the form. */
export function splitServerErrors(fieldErrors: { field: string; message: string }[]): { errors: Errors; other: string[] } {
  const errors: Errors = {};
  const other: string[] = [];
  const known = new Set<string>(FIELD_KEYS);
  for (const { field, message } of fieldErrors) {
    let key = field;
    if (key === 'guest.document' || key.startsWith('guest.document.type')) key = 'guest.document.number';
    if (key === 'guest.permit') key = 'guest.permit.kind';
    if (known.has(key)) {
      if (!errors[key as FieldKey]) errors[key as FieldKey] = message;
    } else other.push(field ? `${field}: ${message}` : message);
  }
  return { errors, other };
}
