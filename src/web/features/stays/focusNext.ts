// Where the clerk goes after a scan: the first field that is flagged (uncertain or wrong),
// else the first required one still empty, else the first wanted one (room) still empty. Pure.
import { proposePermitEnd } from '../../../domain/permits/proposeEnd';
import type { Values } from './checkInForm';

export interface FieldState { name: string; value: string; required: boolean; flagged: boolean; wanted?: boolean }

export function firstToFill(fields: FieldState[]): string | null {
  return fields.find((f) => f.flagged)?.name
    ?? fields.find((f) => f.required && !f.value.trim())?.name
    ?? fields.find((f) => f.wanted && !f.value.trim())?.name
    ?? null;
}

/** The permit end the form proposes for these values (from the permit's first day, else arrival). */
export function proposedEnd(v: Values): string | null {
  return proposePermitEnd(v['guest.permit.kind'], v['guest.permit.validFrom'] || v.arrivalDate);
}

/**
 * Values after a change, with the permit's end re-proposed when the kind or a date it follows
 * changed, unless the clerk typed an end of their own (one that is not the old proposal).
 */
export function withProposal(before: Values, after: Values): Values {
  const old = proposedEnd(before);
  const current = after['guest.permit.validUntil'];
  if (current && current !== old) return after;
  const next = proposedEnd(after);
  return next === current ? after : { ...after, 'guest.permit.validUntil': next ?? (current === old ? '' : current) };
}
