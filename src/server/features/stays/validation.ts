import { addDays, isValidDate } from '../../../domain/dates';
import { PERMIT_KINDS_WITH_END, type PermitKind } from '../../../domain/permits/kinds';
import { normalizeDocumentNumber } from '../../../domain/identity/names';
import { FieldErrors } from '../../errors';
import type { CheckInInput } from './schemas';

const DOCUMENT_NUMBER = /^[A-Z0-9]{1,20}$/;

/**
 * Checks what a schema cannot: real dates, their order, known countries. `today` is the
 * date in the lodging's own time zone. Collects every problem so a form shows them at once.
 */
export function validateCheckIn(input: CheckInInput, today: string, isKnownCountry: (code: string) => boolean): void {
  const errors = new FieldErrors();
  const g = input.guest;
  const dates: [string, string | undefined][] = [
    ['guest.dateOfBirth', g.dateOfBirth], ['guest.document.expiryDate', g.document.expiryDate],
    ['guest.permit.validFrom', g.permit.validFrom], ['guest.permit.validUntil', g.permit.validUntil],
    ['arrivalDate', input.arrivalDate], ['plannedDeparture', input.plannedDeparture],
  ];
  for (const [field, value] of dates) if (value !== undefined && !isValidDate(value)) errors.add(field, 'field.bad_date');

  if (!g.surname.trim()) errors.add('guest.surname', 'field.required');
  if (!errors.has('guest.dateOfBirth')) {
    if (g.dateOfBirth > today) errors.add('guest.dateOfBirth', 'field.date_in_future');
    else if (g.dateOfBirth < '1900-01-01') errors.add('guest.dateOfBirth', 'field.date_too_old');
  }
  if (!isKnownCountry(g.nationality)) errors.add('guest.nationality', 'field.unknown_country');
  if (!isKnownCountry(g.document.issuingState)) errors.add('guest.document.issuingState', 'field.unknown_country');
  if (!DOCUMENT_NUMBER.test(normalizeDocumentNumber(g.document.number))) errors.add('guest.document.number', 'field.bad_document_number');

  if (!errors.has('arrivalDate')) {
    if (input.arrivalDate > addDays(today, 1)) errors.add('arrivalDate', 'field.arrival_far_future');
    if (!errors.has('guest.document.expiryDate') && g.document.expiryDate < input.arrivalDate) {
      errors.add('guest.document.expiryDate', 'field.expiry_before_arrival');
    }
    if (input.plannedDeparture && !errors.has('plannedDeparture') && input.plannedDeparture < input.arrivalDate) {
      errors.add('plannedDeparture', 'field.before_arrival');
    }
  }
  if (g.permit.validUntil && !errors.has('guest.permit.validUntil') && !errors.has('guest.permit.validFrom') && g.permit.validUntil < g.permit.validFrom) {
    errors.add('guest.permit.validUntil', 'field.before_valid_from');
  }
  if (!g.permit.validUntil && PERMIT_KINDS_WITH_END.includes(g.permit.kind as PermitKind)) {
    errors.add('guest.permit.validUntil', 'field.permit_until_required');
  }
  errors.throwIfAny();
}
