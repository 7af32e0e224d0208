// The check-in form's model: values keyed by the server's field paths, so a problem+json
// `errors[].field` lands on the right input without translation tables.
import { normalizeDocumentNumber } from '../../../domain/identity/names';
import { PERMIT_KINDS_WITH_END as KINDS_WITH_END } from '../../../domain/permits/kinds';
import { type CheckInErrorKey, type CheckInFinding, checkCheckIn } from '../../../domain/validation/checkIn';
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

/** Kinds whose permit always ends on a known date (src/domain/permits), typed for the form's string values. */
export const PERMIT_KINDS_WITH_END: readonly string[] = KINDS_WITH_END;

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

/** The web's words for the domain's check-in errors (src/domain/validation), by field where it matters. */
export const CHECK_IN_MESSAGES: Record<CheckInErrorKey, string> = {
  'field.required': 'validation.required',
  'field.bad_characters': 'validation.badCharacters',
  'field.no_letters': 'validation.noLetters',
  'field.bad_date': 'validation.date',
  'field.date_in_future': 'validation.dobFuture',
  'field.date_too_old': 'validation.dateTooOld',
  'field.date_too_far': 'validation.dateTooFar',
  'field.birth_after_arrival': 'validation.birthAfterArrival',
  'field.unknown_country': 'validation.unknownCountry',
  'field.bad_document_number': 'validation.passportNumber',
  'field.arrival_far_future': 'validation.arrivalFuture',
  'field.before_arrival': 'validation.departureAfterArrival',
  'field.before_valid_from': 'validation.untilAfterFrom',
  'field.permit_until_required': 'validation.permitUntilRequired',
};

/**
 * Client-side checks: what the form knows (required fields, date format, lengths) and
 * then the server's own rules from src/domain/validation, so both refuse the same data.
 */
export function validate(values: Values, today: string, t: Translate, options: { needsLodging?: boolean } = {}): Errors {
  const errors: Errors = {};
  for (const key of REQUIRED) if (!values[key].trim()) errors[key] = t('validation.required');
  // An officer reporting on a lodging's behalf names the lodging; a reporter's is its own.
  if (options.needsLodging && !values.lodgingId) errors.lodgingId = t('validation.required');
  for (const key of DATES) {
    if (values[key] && !errors[key] && !isIsoDate(values[key])) errors[key] = t('validation.date');
  }
  if (values.room.length > 20) errors.room = t('validation.tooLong', { max: 20 });
  if (values['guest.permit.number'].length > 40) errors['guest.permit.number'] = t('validation.tooLong', { max: 40 });
  for (const key of ['guest.surname', 'guest.givenNames'] as const) {
    if (values[key].length > 100) errors[key] = t('validation.tooLong', { max: 100 });
  }
  // countries are checked by the server against its reference table
  for (const e of checkCheckIn(toInput(values), today, () => true).errors) {
    const key = e.field as FieldKey;
    if (errors[key] || !values[key]?.trim() && REQUIRED.includes(key)) continue;
    errors[key] = e.key === 'field.date_too_old' && key === 'guest.dateOfBirth' ? t('validation.dobTooOld') : t(CHECK_IN_MESSAGES[e.key], e.params);
  }
  return errors;
}

/** Facts the report will be flagged with (expired passport, late report, ...): shown as warnings, never blocking. */
export function findings(values: Values, today: string): CheckInFinding[] {
  return checkCheckIn(toInput(values), today, () => true).findings;
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
        number: normalizeDocumentNumber(values['guest.document.number']),
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

// ---- Families and groups: one head (the form above) and members sharing room, dates and permit.

/** The most members one report carries besides its head (the server's limit). */
export const MAX_MEMBERS = 19;

/** What a member has of their own; the rest (room, dates, permit kind and dates) is the head's. */
export const MEMBER_KEYS = [
  'guest.surname', 'guest.givenNames', 'guest.sex', 'guest.dateOfBirth', 'guest.nationality',
  'guest.document.number', 'guest.document.issuingState', 'guest.document.expiryDate', 'guest.permit.number',
] as const satisfies readonly FieldKey[];
export type MemberKey = (typeof MEMBER_KEYS)[number];
export type MemberValues = Record<MemberKey, string>;

export type GuestInput = StayInput['guest'];
export type FamilyInput = StayInput & { members?: GuestInput[] };
export interface FamilyCreated { id: string; receiptNumber: string; verifyUrl?: string; personId: string; members?: { id: string; receiptNumber: string; personId: string }[] }

export function emptyMember(): MemberValues {
  return Object.fromEntries(MEMBER_KEYS.map((k) => [k, ''])) as MemberValues;
}

/** A member as a whole form: the head's shared values with the member's own. */
export function memberAsValues(head: Values, member: MemberValues): Values {
  return { ...head, ...member };
}

/** One request for the whole group; a member's permit is the head's kind and dates with the member's own number. */
export function toFamilyInput(head: Values, members: MemberValues[]): FamilyInput {
  const input: FamilyInput = toInput(head);
  if (members.length) input.members = members.map((m) => toInput(memberAsValues(head, m)).guest);
  return input;
}

/** Each member's errors, on the member's own fields only (shared fields are checked on the head). */
export function validateMembers(head: Values, members: MemberValues[], today: string, t: Translate): Errors[] {
  const own = new Set<string>(MEMBER_KEYS);
  return members.map((m) => {
    const all = validate(memberAsValues(head, m), today, t);
    return Object.fromEntries(Object.entries(all).filter(([k]) => own.has(k))) as Errors;
  });
}

/** Server errors of a group: `members.1.document.number` lands on member 1's passport number. */
export function splitFamilyErrors(fieldErrors: { field: string; message: string }[], memberCount: number): { errors: Errors; members: Errors[]; other: string[] } {
  const members: Errors[] = Array.from({ length: memberCount }, () => ({}));
  const rest: { field: string; message: string }[] = [];
  for (const e of fieldErrors) {
    const m = /^members\.(\d+)\.(.+)$/.exec(e.field);
    const i = m ? Number(m[1]) : -1;
    const key = m ? `guest.${m[2]}` : '';
    if (m && i < memberCount && (MEMBER_KEYS as readonly string[]).includes(key)) {
      members[i][key as MemberKey] ??= e.message;
    } else rest.push(e);
  }
  return { ...splitServerErrors(rest), members };
}

/** A stored report back into the form (a refused report opened to be fixed). */
export function fromFamilyInput(input: FamilyInput): { values: Values; members: MemberValues[] } {
  const guestValues = (g: GuestInput): MemberValues => ({
    'guest.surname': g.surname, 'guest.givenNames': g.givenNames ?? '', 'guest.sex': g.sex ?? '', 'guest.dateOfBirth': g.dateOfBirth,
    'guest.nationality': g.nationality, 'guest.document.number': g.document.number, 'guest.document.issuingState': g.document.issuingState,
    'guest.document.expiryDate': g.document.expiryDate, 'guest.permit.number': g.permit.number ?? '',
  });
  const values: Values = {
    ...guestValues(input.guest),
    'guest.permit.kind': input.guest.permit.kind, 'guest.permit.validFrom': input.guest.permit.validFrom,
    'guest.permit.validUntil': input.guest.permit.validUntil ?? '', arrivalDate: input.arrivalDate,
    room: input.room ?? '', plannedDeparture: input.plannedDeparture ?? '', lodgingId: input.lodgingId ?? '',
  };
  return { values, members: (input.members ?? []).map(guestValues) };
}

/** "LINDQVIST, ASTRID" and how many travel with them. */
export function guestLabel(input: FamilyInput): string {
  const g = input.guest;
  const name = g.givenNames ? `${g.surname}, ${g.givenNames}` : g.surname;
  return input.members?.length ? `${name} +${input.members.length}` : name;
}
