// Times are stored in UTC and shown in the area's own zone (WIB / WITA / WIT).

const ABBR_TO_IANA: Record<string, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };
const IANA_TO_ABBR: Record<string, string> = {
  'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA', 'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export interface Zone { iana: string; abbr: string }

export function zoneOf(timeZone: string | null | undefined): Zone {
  const tz = (timeZone ?? '').trim();
  if (ABBR_TO_IANA[tz.toUpperCase()]) return { iana: ABBR_TO_IANA[tz.toUpperCase()], abbr: tz.toUpperCase() };
  if (IANA_TO_ABBR[tz]) return { iana: tz, abbr: IANA_TO_ABBR[tz] };
  return { iana: 'Asia/Jakarta', abbr: 'WIB' };
}

function locale(lang: string): string {
  return lang.startsWith('en') ? 'en-GB' : 'id-ID';
}

/** A timestamp (ISO, UTC) in the zone, e.g. "27 Nov 2026 14.30 WITA". */
export function formatDateTime(iso: string | null | undefined, zone: Zone, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = new Intl.DateTimeFormat(locale(lang), {
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
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** Today's calendar date (YYYY-MM-DD) in the zone. */
export function todayIn(zone: Zone, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone.iana, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
