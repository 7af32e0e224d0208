import { type TimeZoneName, utcOffsetHours } from '../../../domain/regions';
import { addDays } from '../../../domain/dates';

// The period of a periodic report: the month, quarter or year holding a date, as local calendar
// dates of the team's region, and the UTC instants that bound it (for timestamps stored in UTC).

export type PeriodKind = 'month' | 'quarter' | 'year';
export interface Period { kind: PeriodKind; from: string; to: string; fromUtc: string; untilUtc: string; label: string }

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const pad = (n: number) => String(n).padStart(2, '0');

export function periodOf(kind: PeriodKind, date: string, tz: TimeZoneName): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const firstMonth = kind === 'year' ? 1 : kind === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  const months = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  const from = `${year}-${pad(firstMonth)}-01`;
  const next = firstMonth + months > 12 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + months)}-01`;
  const to = addDays(next, -1);
  // local midnight is UTC midnight minus the zone's offset
  const utc = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - utcOffsetHours(tz) * 3_600_000).toISOString();
  const label = kind === 'year' ? `Tahun ${year}` : kind === 'quarter' ? `Triwulan ${(firstMonth + 2) / 3} Tahun ${year}` : `${MONTHS[month - 1]} ${year}`;
  return { kind, from, to, fromUtc: utc(from), untilUtc: utc(next), label };
}
