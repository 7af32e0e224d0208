// Issuing-state and nationality codes: every ISO 3166 alpha-3 code plus the ICAO 9303 extras.
import countries from 'i18n-iso-countries';

/** ICAO codes that are not ISO 3166 alpha-3 (Doc 9303 part 3). 'D' is Germany, padded to 'D<<'. */
export const ICAO_EXTRA_CODES: readonly string[] = [
  'D', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'UNA', 'UNK', 'XXA', 'XXB', 'XXC', 'XXX', 'UTO',
  'EUE', 'XOM', 'XPO', 'XCC', 'XES', 'XMP', 'RKS',
];

export const ISO_ALPHA3: readonly string[] = Object.keys(countries.getAlpha3Codes()).sort();

export const ALL_CODES: readonly string[] = [...ISO_ALPHA3, ...ICAO_EXTRA_CODES];
