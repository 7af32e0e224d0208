import { provinceCode } from './codes';
import type { IanaZone, TimeZoneName } from './types';

// Indonesia has three zones, fixed by province (Keppres 41/1987, and the provinces split
// off since keep their parent's zone). Province codes as in idn-area-data 3.1.2:
// Papua is 91-96 today; 97 is reserved so a future split stays WIT.
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

/** Province codes outside WIB, for queries that need "today" per zone. */
export const PROVINCES_IN_ZONE = { WITA, WIT } as const;

export function timeZoneOfRegion(code: string): TimeZoneName {
  const province = provinceCode(code);
  if (WITA.has(province)) return 'WITA';
  if (WIT.has(province)) return 'WIT';
  return 'WIB';
}

const IANA: Record<TimeZoneName, IanaZone> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };
const OFFSET_HOURS: Record<TimeZoneName, number> = { WIB: 7, WITA: 8, WIT: 9 };

export function ianaZone(tz: TimeZoneName): IanaZone {
  return IANA[tz];
}

/** UTC offset in hours (no daylight saving in Indonesia). */
export function utcOffsetHours(tz: TimeZoneName): number {
  return OFFSET_HOURS[tz];
}

/** The calendar date ('YYYY-MM-DD') an instant falls on in the zone: "today" for a region. */
export function localDate(instant: Date, tz: TimeZoneName): string {
  return new Date(instant.getTime() + OFFSET_HOURS[tz] * 3_600_000).toISOString().slice(0, 10);
}

/** Local date and time of an instant in a zone, e.g. "2026-11-28 07:58 WITA". */
export function localDateTime(iso: string, tz: TimeZoneName): string {
  const shifted = new Date(Date.parse(iso) + OFFSET_HOURS[tz] * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} ${tz}`;
}
