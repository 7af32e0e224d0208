// Dates as the clerk reads and types them: dd/mm/yyyy, stored as YYYY-MM-DD. Pure.
import { isValidDate } from '../../../domain/dates';

/** "1988-03-14" → "14/03/1988"; anything else unchanged (a half-typed date stays as typed). */
export function toDmy(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/**
 * What the clerk typed, as a date when it is one: "14/03/1988", "14-3-1988", "14.03.1988",
 * "14031988" (a phone's number pad has no slash) and "1988-03-14" all give "1988-03-14".
 * Anything else comes back as typed, so the form can say it is not a date yet.
 */
export function fromTyped(text: string): string {
  const s = text.trim();
  if (isValidDate(s)) return s;
  let m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(s);
  if (!m) m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) {
    const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    if (isValidDate(iso)) return iso;
  }
  return text;
}
