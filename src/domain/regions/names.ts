// idn-area-data writes province and regency names in upper case ("KABUPATEN SOPPENG");
// screens and receipts want "Kabupaten Soppeng". Districts and villages are already mixed case.
const ACRONYMS = new Set(['DKI']);
const LOWER_WORDS = new Set(['DAN']);

function capitalise(word: string): string {
  // Hyphenated and apostrophe parts each get a capital ("Una-Una"), as in official spelling.
  return word.toLowerCase().replace(/(^|[-'(])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function titleCaseRegionName(upper: string): string {
  return upper
    .trim()
    .split(/\s+/)
    .map((word, i) => {
      if (ACRONYMS.has(word)) return word;
      if (i > 0 && LOWER_WORDS.has(word)) return word.toLowerCase();
      return capitalise(word);
    })
    .join(' ');
}

/**
 * Tidies a district or village name: idn-area-data spells the apostrophe in a few names as
 * a double quote (Soka"an), and writes a handful all in lower case (lamuk).
 */
export function cleanRegionName(name: string): string {
  const tidy = name.replace(/"/g, "'").replace(/\s+/g, ' ').trim();
  return /\p{Lu}/u.test(tidy) ? tidy : tidy.split(' ').map(capitalise).join(' ');
}
