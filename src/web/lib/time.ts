// Times are stored in UTC and shown in the area's own zone (WIB / WITA / WIT). Zones and
// calendar dates come from src/domain; this module only formats them for the screen.
import { isValidDate } from '../../domain/dates';
import { ianaZone, localDate } from '../../domain/regions/timezones';
import type { TimeZoneName } from '../../domain/regions/types';

const NAMES: readonly TimeZoneName[] = ['WIB', 'WITA', 'WIT'];
/** IANA names the browser or an old record may use besides the three of src/domain/regions. */
const IANA_ALIASES: Record<string, TimeZoneName> = { 'Asia/Pontianak': 'WIB', 'Asia/Ujung_Pandang': 'WITA' };

export interface Zone { iana: string; abbr: TimeZoneName }

/** A zone from its abbreviation (WITA) or IANA name (Asia/Makassar); WIB when unknown. */
export function zoneOf(timeZone: string | null | undefined): Zone {
  const tz = (timeZone ?? '').trim();
  const byAbbr = NAMES.find((n) => n === tz.toUpperCase());
  if (byAbbr) return { iana: ianaZone(byAbbr), abbr: byAbbr };
  const byIana = NAMES.find((n) => ianaZone(n) === tz) ?? IANA_ALIASES[tz];
  if (byIana) return { iana: tz, abbr: byIana };
  return { iana: ianaZone('WIB'), abbr: 'WIB' };
}

/** The locale dates and numbers are written in for a UI language (20.000 and 27 Nov in Indonesian, 20,000 in English). */
export function displayLocale(lang: string): string {
  return lang.startsWith('en') ? 'en-GB' : 'id-ID';
}

/** A timestamp (ISO, UTC) in the zone, e.g. "27 Nov 2026 14.30 WITA". */
export function formatDateTime(iso: string | null | undefined, zone: Zone, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = new Intl.DateTimeFormat(displayLocale(lang), {
    timeZone: zone.iana, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(d);
  return `${s} ${zone.abbr}`;
}

/** A calendar date (YYYY-MM-DD), shown without shifting it through any zone. */
export function formatDate(date: string | null | undefined, lang: string): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(displayLocale(lang), { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** Today's calendar date (YYYY-MM-DD) in the zone. */
export function todayIn(zone: Zone, now: Date = new Date()): string {
  return localDate(now, zone.abbr);
}

/** @deprecated use isValidDate from src/domain/dates (kept for checkInForm.ts until it moves). */
export const isIsoDate = isValidDate;
