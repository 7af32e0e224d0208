// Rules for text a person types into a report: names and short free text. Pure, shared by
// the web form, the API and imports. Each rule returns a message key, or undefined when fine.

export type TextProblem = 'field.required' | 'field.bad_characters' | 'field.no_letters';

// C0/C1 controls (NUL included) break storage (PostgreSQL refuses NUL) and logs. Tabs and
// line breaks are whitespace a paste may bring; names collapse them to one space.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/u;
// Invisible or direction-changing characters make two names look alike, or a name read
// backwards on screen (RTL override). Passport names never need them. ZWJ/ZWNJ are
// refused too: reports use the Latin transliteration printed in the passport.
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]/u;
const LETTER = /\p{L}/u;

/** True when the text holds a NUL character (refused anywhere in a request). */
export function hasNul(s: string): boolean {
  return s.includes('\u0000');
}

/** Control, invisible or bidi-control characters: never part of a name or a room number. */
export function hasBadCharacters(s: string): boolean {
  return CONTROL.test(s) || INVISIBLE.test(s);
}

/** Whitespace and invisible characters removed: what a reader actually sees. */
export function visibleText(s: string): string {
  return s.replace(new RegExp(INVISIBLE.source, 'gu'), '').replace(/\s+/gu, '');
}

/**
 * A person's name: something visible, only printable characters, at least one letter
 * ("!!!" or "123" is not a name). `required: false` lets an empty value through
 * (one-name passports have no given names).
 */
export function checkName(value: string, { required = true } = {}): TextProblem | undefined {
  if (!visibleText(value)) {
    if (required) return 'field.required';
    return hasBadCharacters(value) ? 'field.bad_characters' : undefined; // blank is fine, hidden characters are not
  }
  if (hasBadCharacters(value)) return 'field.bad_characters';
  if (!LETTER.test(value)) return 'field.no_letters';
  return undefined;
}

/** Short free text (room, permit number): printable characters only; empty is fine. */
export function checkFreeText(value: string): TextProblem | undefined {
  return hasBadCharacters(value) ? 'field.bad_characters' : undefined;
}
