import { type CheckInFinding, checkCheckIn } from '../../../domain/validation/checkIn';
import { normalizeDocumentNumber } from '../../../domain/identity/names';
import { FieldErrors } from '../../errors';
import type { MessageKey } from '../../i18n/messages';
import type { CheckInInput } from './schemas';

export type { CheckInFinding };

/**
 * The domain's check-in rules (src/domain/validation) as the server applies them: errors
 * of every guest of a group are thrown together as FieldErrors (400), findings are returned for the stay to carry.
 * `today` is the date in the lodging's own time zone.
 */
export function validateCheckIn(input: CheckInInput, today: string, isKnownCountry: (code: string) => boolean, nowTime?: string): CheckInFinding[][] {
  const guests = [input.guest, ...(input.members ?? [])];
  const fieldErrors = new FieldErrors();
  const seen = new Map<string, number>();
  const findings = guests.map((guest, i) => {
    // a member's problems are named members.<i>.<field>, the head's guest.<field>
    const rename = (field: string) => (i === 0 ? field : field.replace(/^guest\./, `members.${i - 1}.`));
    const checked = checkCheckIn({ ...input, guest }, today, isKnownCountry, nowTime);
    for (const e of checked.errors) {
      if (i === 0 || e.field.startsWith('guest.')) fieldErrors.add(rename(e.field), e.key satisfies MessageKey, e.params);
    }
    const passport = `${guest.document.issuingState}/${normalizeDocumentNumber(guest.document.number)}`;
    if (seen.has(passport)) fieldErrors.add(rename('guest.document.number'), 'field.duplicate_in_group', { line: seen.get(passport)! + 1 });
    else seen.set(passport, i);
    return checked.findings;
  });
  fieldErrors.throwIfAny();
  return findings;
}
