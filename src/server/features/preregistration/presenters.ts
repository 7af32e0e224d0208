import { addDays } from '../../../domain/dates';
import type { PermitKind } from '../../../domain/permits/kinds';
import type { PreregAnswers } from '../../../domain/preregistration/check';
import type { CheckInInput } from '../stays/schemas';
import type { DraftRecord } from './queries';

// What a clerk sees of a draft, and the check-in it becomes.

/** Days of a permit counted from arrival, day of arrival included (visa-free and VoA 30, visit visa 60). */
// Merge note: replace with src/domain/permits/proposeEnd.ts (clerkform branch) once both are on main.
const PERMIT_DAYS: Partial<Record<PermitKind, number>> = { visa_free_visit: 30, visa_on_arrival: 30, visit_visa: 60 };
/** When the guest names no permit, the form's usual first choice: the clerk checks the stamp anyway. */
const DEFAULT_KIND: PermitKind = 'visa_free_visit';

/** A short code the guest can show at the desk: the draft id's first characters. */
export const referenceOf = (id: string) => id.replaceAll('-', '').slice(0, 8).toUpperCase();

export function draftToCheckIn(a: PreregAnswers): CheckInInput {
  const kind = a.permitKind ?? DEFAULT_KIND;
  const days = PERMIT_DAYS[kind];
  return {
    guest: {
      surname: a.guest.surname, givenNames: a.guest.givenNames, sex: (a.guest.sex || 'X') as 'M' | 'F' | 'X',
      dateOfBirth: a.guest.dateOfBirth, nationality: a.guest.nationality,
      document: { type: 'passport', number: a.guest.document.number, issuingState: a.guest.document.issuingState, expiryDate: a.guest.document.expiryDate },
      permit: { kind, validFrom: a.arrivalDate, ...(days ? { validUntil: addDays(a.arrivalDate, days - 1) } : {}) },
    },
    arrivalDate: a.arrivalDate,
    ...(a.plannedDeparture ? { plannedDeparture: a.plannedDeparture } : {}),
  };
}

/** The clerk's corrections over the draft: a given part replaces the draft's. */
export function withCorrections(input: CheckInInput, c: Partial<Pick<CheckInInput, 'guest' | 'arrivalDate' | 'plannedDeparture' | 'room'>>): CheckInInput {
  return {
    guest: c.guest ?? input.guest,
    arrivalDate: c.arrivalDate ?? input.arrivalDate,
    ...(c.plannedDeparture ?? input.plannedDeparture ? { plannedDeparture: c.plannedDeparture ?? input.plannedDeparture } : {}),
    ...(c.room ? { room: c.room } : {}),
  };
}

export function presentDraft(row: DraftRecord) {
  const a = JSON.parse(row.data) as PreregAnswers;
  return {
    id: row.id, reference: referenceOf(row.id), language: row.language, createdAt: row.created_at, expiresAt: row.expires_at,
    guest: a.guest, permitKind: a.permitKind ?? null, arrivalDate: a.arrivalDate, plannedDeparture: a.plannedDeparture ?? null,
    proposed: draftToCheckIn(a),
  };
}
