import type { RegionLevel } from './types';

// Official codes (Kepmendagri): "73" province, "73.12" regency/city, "73.12.04" district,
// "73.12.04.1001" village. The dotted form is what idn-area-data and our tables use.
const CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function isValidRegionCode(code: string): boolean {
  return typeof code === 'string' && CODE_PATTERN.test(code);
}

function assertCode(code: string): void {
  if (!isValidRegionCode(code)) throw new RangeError(`invalid region code: ${JSON.stringify(code)}`);
}

/** 1 province, 2 regency/city, 3 district, 4 village. */
export function regionLevel(code: string): RegionLevel {
  assertCode(code);
  return code.split('.').length as RegionLevel;
}

/** The enclosing region's code, or null for a province. */
export function parentCode(code: string): string | null {
  assertCode(code);
  const cut = code.lastIndexOf('.');
  return cut < 0 ? null : code.slice(0, cut);
}

/** The codes from the province down to the region itself: "73.12.04" → ["73", "73.12", "73.12.04"]. */
export function ancestorCodes(code: string): string[] {
  assertCode(code);
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The province code ("73") of any region code. */
export function provinceCode(code: string): string {
  assertCode(code);
  return code.slice(0, 2);
}

/**
 * True when regionCode is areaCode itself or lies inside it. Compares whole segments so
 * "73.1" never matches "73.12" (and invalid codes never match anything).
 */
export function isWithinArea(areaCode: string, regionCode: string): boolean {
  if (!isValidRegionCode(areaCode) || !isValidRegionCode(regionCode)) return false;
  return regionCode === areaCode || regionCode.startsWith(`${areaCode}.`);
}
