// Names as typed by reporters differ in spaces, case and Unicode forms (full-width letters
// from Chinese and Japanese keyboards, combining accents). We keep the display form the
// reporter typed, tidied, and match on a key derived from it.

/** Display form: NFKC, trimmed, inner whitespace collapsed to one space; case kept. */
export function normalizeName(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Matching key: the display form upper-cased (locale-independent). */
export function nameKey(s: string): string {
  return normalizeName(s).toUpperCase();
}

const PLAIN_DOCUMENT_NUMBER = /^[A-Z0-9]*$/;
/** Passport numbers are compared upper-case, without spaces or dashes ("ab 123-456" → "AB123456"). */
export function normalizeDocumentNumber(s: string): string {
  // most numbers arrive as they are kept (read off an MRZ): a check-in asks several times per guest
  if (PLAIN_DOCUMENT_NUMBER.test(s)) return s;
  return s.normalize('NFKC').toUpperCase().replace(/[\s\-\u2010-\u2015]/gu, '');
}
