// ICAO 9303 check digits: weights 7, 3, 1 repeating; 0-9 at face value, A=10 .. Z=35, '<'=0.

/** The 37 characters of the MRZ alphabet, in the order the glyph model uses. */
export const MRZ_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<';

/** Value of one MRZ character for the check-digit sum (-1 when not an MRZ character). */
export function charValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (c === '<') return 0;
  return -1;
}

const WEIGHTS = [7, 3, 1];

/** The check digit (0-9) of a string of MRZ characters; -1 if it holds a non-MRZ character. */
export function checkDigit(value: string): number {
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const v = charValue(value[i]);
    if (v < 0) return -1;
    sum += v * WEIGHTS[i % 3];
  }
  return sum % 10;
}

/** The check digit as a character ('0'..'9'). */
export function checkDigitChar(value: string): string {
  const d = checkDigit(value);
  return d < 0 ? '?' : String(d);
}

/**
 * Whether `digit` is the right check digit for `value`. `allowFiller` lets '<' stand for an
 * empty optional field whose value is all fillers (ICAO allows '<' or '0' there).
 */
export function isCheckDigitValid(value: string, digit: string, allowFiller = false): boolean {
  if (allowFiller && digit === '<' && /^<*$/.test(value)) return true;
  if (!/^[0-9]$/.test(digit)) return false;
  return checkDigit(value) === Number(digit);
}
