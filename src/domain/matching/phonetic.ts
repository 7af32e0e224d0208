// Phonetic keys for name tokens (upper-case ASCII, A-Z only):
// - double metaphone (the `double-metaphone` package): primary and alternate codes;
// - a Slavic transliteration key that folds the English, German, French and Polish ways of
//   writing Cyrillic onto one consonant skeleton (Tsvetkov / Zwetkow / Tsvetkoff -> SVTKV);
// - a consonant skeleton for names that came from an abjad (Arabic, Hebrew), which writes
//   few vowels: "mhmd" (from محمد) and MOHAMMED share MHMD.
import { doubleMetaphone } from 'double-metaphone';

/** Double metaphone codes; the second equals the first when there is no alternate. */
export function metaphone(token: string): [string, string] {
  return doubleMetaphone(token);
}

// Longest first: every affricate, sibilant and guttural spelling of Cyrillic ч ш щ ж ц з с х
// collapses to S; w/ff to V; x to KS; vowels and the semi-vowels j/y drop out.
const SLAVIC_RULES: [RegExp, string][] = [
  [/SCHTSCH|SHTCH|CHTCH|SHCH|SZCZ|STSCH/g, 'S'],
  [/DSCH|DZH|TSCH|TCH|DZ|CZ|CH|KH|SCH|SH|SZ|ZH|TZ|TS/g, 'S'],
  [/PH/g, 'F'],
  [/X/g, 'KS'],
  [/[CZH]/g, 'S'],
  [/[WF]/g, 'V'],
  [/Q/g, 'K'],
  [/[AEIOUYJ]/g, ''],
];

/** Slavic transliteration key: Tsvetkov, Zwetkow, Tsvetkoff and Cvetkov give SVTKV. */
export function slavicKey(token: string): string {
  let s = token;
  for (const [re, to] of SLAVIC_RULES) s = s.replace(re, to);
  return collapseDoubles(s);
}

/** Consonant skeleton: vowels and w/y dropped, doubles collapsed, a final H dropped. */
export function skeleton(token: string): string {
  let s = collapseDoubles(token.replace(/[AEIOUWY]/g, ''));
  if (s.length > 2 && s.endsWith('H')) s = s.slice(0, -1);
  return s;
}

function collapseDoubles(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) out += s[i];
  return out;
}
