import { type CheckInFinding, checkCheckIn } from '../../../domain/validation/checkIn';
import { FieldErrors } from '../../errors';
import type { MessageKey } from '../../i18n/messages';
import type { CheckInInput } from './schemas';

export type { CheckInFinding };

/**
 * The domain's check-in rules (src/domain/validation) as the server applies them: errors
 * are thrown together as FieldErrors (400), findings are returned for the stay to carry.
 * `today` is the date in the lodging's own time zone.
 */
export function validateCheckIn(input: CheckInInput, today: string, isKnownCountry: (code: string) => boolean): CheckInFinding[] {
  const { errors, findings } = checkCheckIn(input, today, isKnownCountry);
  const fieldErrors = new FieldErrors();
  for (const e of errors) fieldErrors.add(e.field, e.key satisfies MessageKey, e.params);
  fieldErrors.throwIfAny();
  return findings;
}
