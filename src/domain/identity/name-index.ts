// Keys for finding a person by name, shared by search, probable links and the bench generator.
// Built on the screening normaliser: any script to upper-case ASCII tokens, diacritics and
// transliteration folded, titles dropped.
//
// - The name key is the sorted tokens: "Müller, Hans Peter" and "Peter Hans MULLER" share
//   "HANS MULLER PETER". With the same birth date and nationality it proposes a probable link
//   (e.g. a renewed passport).
// - Search tokens are each token plus a "#"-prefixed double-metaphone code, so a query word
//   matches a token by prefix (MUL finds MULLER) or by sound (MILLER finds MULLER's #MLR).
import { metaphone } from '../matching/phonetic';
import { normaliseName } from '../matching/normalise';

export interface PersonName { surname: string; given_names: string }

/** Phonetic search tokens start with this character, which no name token contains. */
export const PHONETIC_PREFIX = '#';

function nameTokens(name: PersonName): string[] {
  return normaliseName({ surname: name.surname, given: name.given_names }).map((t) => t.text).filter((t) => t.length > 0);
}

/** Order-independent key of a full name: its normalised tokens, sorted, one space apart. */
export function personNameKey(name: PersonName): string {
  return nameTokens(name).sort().join(' ');
}

function phonetic(token: string): string | null {
  if (token.length < 3) return null;
  const [primary] = metaphone(token);
  return primary ? PHONETIC_PREFIX + primary : null;
}

/** The distinct tokens a person is found by: each name token and its sound code. */
export function personSearchTokens(name: PersonName): string[] {
  const out = new Set<string>();
  for (const token of nameTokens(name)) {
    out.add(token);
    const code = phonetic(token);
    if (code) out.add(code);
  }
  return [...out];
}

/**
 * One query word as the search sees it: a token prefix (or, for a short word, the whole token)
 * and, for words of 4+ letters, its sound code.
 */
export interface QueryWord { prefix: string; exact: boolean; phonetic: string | null }

/**
 * Query words shorter than this match a whole token only: "Ma" is the surname Ma, not the
 * tenth of everyone whose name starts with MA (Maria, Mark, Mahmoud...).
 */
export const PREFIX_QUERY_MIN = 3;

/**
 * Query words shorter than this are prefixes only: a typed "Hon" means Hong or Honda, and the
 * sound code of three letters (#HN) would add every Han, Hahn and Hein of the country.
 */
export const PHONETIC_QUERY_MIN = 4;

/** The words of a free-text name query, normalised like the names they search (any order). */
export function nameQueryWords(q: string): QueryWord[] {
  const words = normaliseName(q).map((t) => t.text).filter((t) => t.length > 0);
  return [...new Set(words)].map((prefix) => ({
    prefix, exact: prefix.length < PREFIX_QUERY_MIN, phonetic: prefix.length >= PHONETIC_QUERY_MIN ? phonetic(prefix) : null,
  }));
}
