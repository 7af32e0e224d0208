// The check-in rules, once, for the web form, the API and imports. Errors are impossible
// data and refuse the report; findings are facts an officer must know (an expired passport,
// a late report) and are stored with the report, never refused (DESIGN.md, Access).
import { addDays, isValidDate } from '../dates';
import { normalizeDocumentNumber } from '../identity/names';
import { PERMIT_KINDS_WITH_END, type PermitKind } from '../permits/kinds';
import { type TextProblem, checkFreeText, checkName } from './text';

export const CHECK_IN_FINDINGS = ['passport_expired', 'permit_ended', 'late_report', 'stay_beyond_permit'] as const;
export type CheckInFinding = (typeof CHECK_IN_FINDINGS)[number];

export type CheckInErrorKey =
  | TextProblem | 'field.bad_date' | 'field.date_in_future' | 'field.date_too_old' | 'field.date_too_far'
  | 'field.birth_after_arrival' | 'field.unknown_country' | 'field.bad_document_number' | 'field.arrival_far_future'
  | 'field.before_arrival' | 'field.before_valid_from' | 'field.permit_until_required';

export interface CheckInError { field: string; key: CheckInErrorKey; params?: Record<string, string | number> }

/** The facts of a check-in as the API receives them (field paths are the API's). */
export interface CheckInFacts {
  guest: {
    surname: string; givenNames?: string; dateOfBirth: string; nationality: string;
    document: { number: string; issuingState: string; expiryDate: string };
    permit: { kind: string; number?: string; validFrom: string; validUntil?: string };
  };
  arrivalDate: string;
  /** local arrival time HH:MM, when the clerk knows it: makes the 24-hour rule exact */
  arrivalTime?: string;
  plannedDeparture?: string;
  room?: string;
}

/** No date before this is plausible on a report (births included). */
export const EARLIEST_DATE = '1900-01-01';
/** Passports run 10 years at most; anything later than this many years ahead is a typo (year 9999). */
export const MAX_YEARS_AHEAD = 11;
/** An arrival more than this many days ago is a typo (arrival in 1800), not a late report. */
export const MAX_ARRIVAL_AGE_DAYS = 366;
/**
 * A report is late when made more than 24 hours after arrival. With an arrival time (local,
 * HH:MM) that is exact; without one the guest is taken to have arrived at the end of the
 * arrival day (the benefit of the doubt), so a report is late from the second day after arrival.
 */
export const LATE_AFTER_DAYS = 1;

/** Whether a report made at local `today` + `nowTime` (HH:MM) is more than 24 hours after arrival. */
export function isLateReport(arrivalDate: string, arrivalTime: string | undefined, today: string, nowTime?: string): boolean {
  if (!arrivalTime || !nowTime) return today > addDays(arrivalDate, LATE_AFTER_DAYS);
  return `${today}T${nowTime}` > `${addDays(arrivalDate, LATE_AFTER_DAYS)}T${arrivalTime}`;
}

export const DOCUMENT_NUMBER = /^[A-Z0-9]{1,20}$/;

const yearsAhead = (date: string, years: number) => `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;

/** The date limits of a day, made once per day: an import checks every row against the same today. */
let bounds = { today: '', latest: '', tomorrow: '', oldestArrival: '' };
function boundsOf(today: string) {
  if (bounds.today !== today) {
    bounds = { today, latest: yearsAhead(today, MAX_YEARS_AHEAD), tomorrow: addDays(today, 1), oldestArrival: addDays(today, -MAX_ARRIVAL_AGE_DAYS) };
  }
  return bounds;
}

/**
 * Checks what a schema cannot: text rules, real dates and their order, known countries.
 * `today` is the date in the lodging's own time zone. Returns every error (one per field,
 * so a form shows them all at once) and the findings of a report without errors on those fields.
 */
export function checkCheckIn(
  input: CheckInFacts, today: string, isKnownCountry: (code: string) => boolean, nowTime?: string,
): { errors: CheckInError[]; findings: CheckInFinding[] } {
  const errors: CheckInError[] = [];
  const has = (field: string) => errors.some((e) => e.field === field);
  const add = (field: string, key: CheckInErrorKey | undefined, params?: CheckInError['params']) => {
    if (key && !has(field)) errors.push(params ? { field, key, params } : { field, key });
  };
  const ok = (field: string, value: string | undefined): value is string => value !== undefined && !has(field);
  const g = input.guest;
  const { latest, tomorrow, oldestArrival } = boundsOf(today);

  add('guest.surname', checkName(g.surname));
  add('guest.givenNames', checkName(g.givenNames ?? '', { required: false }));
  add('guest.permit.number', checkFreeText(g.permit.number ?? ''));
  add('room', checkFreeText(input.room ?? ''));

  const dates: [string, string | undefined][] = [
    ['guest.dateOfBirth', g.dateOfBirth], ['guest.document.expiryDate', g.document.expiryDate],
    ['guest.permit.validFrom', g.permit.validFrom], ['guest.permit.validUntil', g.permit.validUntil],
    ['arrivalDate', input.arrivalDate], ['plannedDeparture', input.plannedDeparture],
  ];
  for (const [field, value] of dates) {
    if (value === undefined) continue;
    if (!isValidDate(value)) add(field, 'field.bad_date');
    else if (value < EARLIEST_DATE) add(field, 'field.date_too_old');
    else if (value > latest) add(field, 'field.date_too_far');
  }

  if (ok('guest.dateOfBirth', g.dateOfBirth) && g.dateOfBirth > today) add('guest.dateOfBirth', 'field.date_in_future');
  if (ok('arrivalDate', input.arrivalDate)) {
    if (input.arrivalDate > tomorrow) add('arrivalDate', 'field.arrival_far_future');
    else if (input.arrivalDate < oldestArrival) add('arrivalDate', 'field.date_too_old');
  }
  if (ok('arrivalDate', input.arrivalDate)) {
    if (ok('guest.dateOfBirth', g.dateOfBirth) && g.dateOfBirth > input.arrivalDate) add('guest.dateOfBirth', 'field.birth_after_arrival');
    if (ok('plannedDeparture', input.plannedDeparture) && input.plannedDeparture < input.arrivalDate) add('plannedDeparture', 'field.before_arrival');
  }
  if (ok('guest.permit.validUntil', g.permit.validUntil) && ok('guest.permit.validFrom', g.permit.validFrom) && g.permit.validUntil < g.permit.validFrom) {
    add('guest.permit.validUntil', 'field.before_valid_from');
  }
  if (!g.permit.validUntil && PERMIT_KINDS_WITH_END.includes(g.permit.kind as PermitKind)) add('guest.permit.validUntil', 'field.permit_until_required');

  if (!isKnownCountry(g.nationality)) add('guest.nationality', 'field.unknown_country');
  if (!isKnownCountry(g.document.issuingState)) add('guest.document.issuingState', 'field.unknown_country');
  if (!DOCUMENT_NUMBER.test(normalizeDocumentNumber(g.document.number))) add('guest.document.number', 'field.bad_document_number');

  return { errors, findings: findingsOf(input, today, has, nowTime) };
}

/** Facts to flag, from the fields that passed. */
function findingsOf(input: CheckInFacts, today: string, hasError: (field: string) => boolean, nowTime?: string): CheckInFinding[] {
  const g = input.guest;
  const arrival = hasError('arrivalDate') ? undefined : input.arrivalDate;
  const expiry = hasError('guest.document.expiryDate') ? undefined : g.document.expiryDate;
  const until = hasError('guest.permit.validUntil') ? undefined : g.permit.validUntil;
  const departure = hasError('plannedDeparture') ? undefined : input.plannedDeparture;
  const findings: CheckInFinding[] = [];
  if (expiry && (expiry < today || (arrival !== undefined && expiry < arrival))) findings.push('passport_expired');
  if (until && until < today) findings.push('permit_ended');
  if (arrival && isLateReport(arrival, input.arrivalTime, today, nowTime)) findings.push('late_report');
  if (departure && until && departure > until) findings.push('stay_beyond_permit');
  return findings;
}
