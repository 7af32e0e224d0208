// Calendar dates as 'YYYY-MM-DD' strings. A region's "today" is localDate() in domain/regions.
// Plain integer arithmetic, not Date: validation and the alert rules call these for every
// row of an import, and parsing and printing a Date cost about 5 µs each time.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

/** A real calendar date (rejects 2025-02-30). */
export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  return month >= 1 && month <= 12 && d >= 1 && d <= daysInMonth(y, month);
}

/**
 * The date `days` later (earlier when negative). Like Date, a day past the month's end rolls
 * over (2025-02-30 + 0 is 2025-03-02) and anything else unreadable throws a RangeError.
 */
export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date);
  const month = m ? Number(m[2]) : 0;
  const day = m ? Number(m[3]) : 0;
  if (!m || month < 1 || month > 12 || day < 1 || day > 31 || !Number.isFinite(days)) throw new RangeError(`Invalid date: ${date} + ${days}`);
  return fromDayNumber(dayNumber(Number(m[1]), month, day) + Math.trunc(days));
}

// Days since 1970-01-01 and back, for the proleptic Gregorian calendar (H. Hinnant's algorithms).
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range: year ${y}`);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
