import type { FieldGroup } from '../../../domain/access/field-matrix';
import type { Stay } from '../../api/types';

// The server sends a field the caller's agency may not see as null (field matrix). A null
// optional field (room, permit number) is only "withheld" when its whole group is: each
// group has one field that is never empty when sent, and that one tells.

/** The field groups of a stay the server withheld from the caller. */
export function withheldGroups(s: Stay): ReadonlySet<FieldGroup> {
  const out = new Set<FieldGroup>();
  if (s.guest.surname === null) out.add('identity');
  if (s.guest.document.type === null) out.add('document');
  if (s.permit.kind === null) out.add('permit');
  if (s.lodging === null) out.add('whereabouts');
  return out;
}

/** Surname and given names as one line, or null when the identity group is withheld. */
export function guestName(s: Stay): string | null {
  if (s.guest.surname === null) return null;
  return [s.guest.surname, s.guest.givenNames].filter(Boolean).join(', ');
}
