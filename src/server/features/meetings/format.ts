import type { TimeZoneName } from '../../../domain/regions';
import { utcOffsetHours } from '../../../domain/regions';

// Dates as an Indonesian document writes them: "Selasa, 4 Maret 2025 pukul 09.00 WITA".

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** "4 Maret 2025" from YYYY-MM-DD. */
export function tanggal(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** "Selasa, 4 Maret 2025 pukul 09.00 WITA" for a UTC instant shown in a zone. */
export function waktuSetempat(iso: string, tz: TimeZoneName): string {
  const local = new Date(Date.parse(iso) + utcOffsetHours(tz) * 3_600_000);
  const date = local.toISOString().slice(0, 10);
  return `${DAYS[local.getUTCDay()]}, ${tanggal(date)} pukul ${local.toISOString().slice(11, 16).replace(':', '.')} ${tz}`;
}
