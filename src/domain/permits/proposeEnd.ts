// The end date a form proposes for a stay permit, from its kind and its first day. A proposal
// only: the clerk copies the date on the stamp or sticker when it differs. Shared by the web
// form and the server (e.g. to fill a missing end date on an import).
import { addDays, isValidDate } from '../dates';
import type { PermitKind } from './kinds';

/**
 * Days a permit of this kind lasts, counting its first day. Visa-free visits and Visa on
 * Arrival give 30 days; a visit visa (C-index, ITK) 60 days. Other kinds end on the date
 * printed on the permit, which no rule can guess.
 */
export const PERMIT_DAYS: Partial<Record<PermitKind, number>> = {
  visa_free_visit: 30,
  visa_on_arrival: 30,
  visit_visa: 60,
};

/** The last day of the permit (YYYY-MM-DD), or null when the kind has no fixed length or the date is not valid. */
export function proposePermitEnd(kind: string, firstDay: string): string | null {
  const days = PERMIT_DAYS[kind as PermitKind];
  if (!days || !isValidDate(firstDay)) return null;
  // Day 1 is the day of entry: 30 days from 1 March end on 30 March.
  return addDays(firstDay, days - 1);
}
