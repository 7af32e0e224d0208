// Country codes an MRZ may carry (issuing state, nationality): the `mrz` package's ISO 3166
// alpha-3 list plus the ICAO Doc 9303 extras. Used as a prior by the decoder: a code that
// is not on the list is never accepted without a look (e.g. KZR read for KIR).
import { states } from 'mrz';

const ICAO_EXTRAS = [
  'D', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'UNA', 'UNK', 'RKS', 'EUE', 'XBA', 'XIM', 'XCC', 'XCE',
  'XCO', 'XEC', 'XES', 'XDC', 'XOM', 'XPO', 'XMP', 'XXA', 'XXB', 'XXC', 'XXX', 'UTO', 'XKK', 'XKX',
];

/** Known codes as printed in the MRZ (padded to 3 with '<'). */
export const KNOWN_CODES: ReadonlySet<string> = new Set(
  [...Object.keys(states as Record<string, string>), ...ICAO_EXTRAS].map((c) => c.padEnd(3, '<')),
);

export function isKnownCode(printed: string): boolean {
  return KNOWN_CODES.has(printed);
}
