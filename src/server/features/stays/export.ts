import ExcelJS from 'exceljs';
import type { FieldGroup } from '../../../domain/access/field-matrix';
import { localDateTime, timeZoneOfRegion } from '../../../domain/regions';
import type { Actor } from '../../auth/actor';
import { sees } from '../../policies/fields';
import type { StayView } from './presenters';

// Exports of the stays list (CSV, XLSX). The columns come from the field matrix: a column of
// a group the actor does not see is not in the file at all (not even an empty header), and
// the values are the presenter's, so an export never shows more than the screen.

interface Column { id: string; en: string; group: FieldGroup | 'always'; value: (s: StayView) => string | null | undefined }

const COLUMNS: Column[] = [
  { id: 'Nomor tanda terima', en: 'Receipt number', group: 'always', value: (s) => s.receiptNumber },
  { id: 'Nama keluarga', en: 'Surname', group: 'identity', value: (s) => s.guest.surname },
  { id: 'Nama depan', en: 'Given names', group: 'identity', value: (s) => s.guest.givenNames },
  { id: 'Jenis kelamin', en: 'Sex', group: 'identity', value: (s) => s.guest.sex },
  { id: 'Kewarganegaraan', en: 'Nationality', group: 'identity', value: (s) => s.guest.nationality },
  { id: 'Tanggal lahir', en: 'Date of birth', group: 'document', value: (s) => s.guest.dateOfBirth },
  { id: 'Nomor paspor', en: 'Passport number', group: 'document', value: (s) => s.guest.document.number },
  { id: 'Negara penerbit', en: 'Issuing state', group: 'document', value: (s) => s.guest.document.issuingState },
  { id: 'Paspor berlaku s.d.', en: 'Passport expiry', group: 'document', value: (s) => s.guest.document.expiryDate },
  { id: 'Izin tinggal', en: 'Stay permit', group: 'permit', value: (s) => s.permit.kind },
  { id: 'Nomor izin', en: 'Permit number', group: 'permit', value: (s) => s.permit.number },
  { id: 'Izin berlaku s.d.', en: 'Permit valid until', group: 'permit', value: (s) => s.permit.validUntil },
  { id: 'Tempat penginapan', en: 'Lodging', group: 'whereabouts', value: (s) => s.lodging?.name },
  { id: 'Kode wilayah', en: 'Region code', group: 'always', value: (s) => s.regionCode },
  { id: 'Kamar', en: 'Room', group: 'whereabouts', value: (s) => s.room },
  { id: 'Tanggal datang', en: 'Arrival', group: 'whereabouts', value: (s) => s.arrivalDate },
  { id: 'Rencana berangkat', en: 'Planned departure', group: 'whereabouts', value: (s) => s.plannedDeparture },
  { id: 'Tanggal berangkat', en: 'Departure', group: 'whereabouts', value: (s) => s.departureDate },
  { id: 'Temuan', en: 'Findings', group: 'always', value: (s) => s.findings.join(' ') },
  { id: 'Jenis laporan', en: 'Report kind', group: 'always', value: (s) => s.reportKind },
  { id: 'Pemberi kerja', en: 'Employer', group: 'employment', value: (s) => s.employment?.employer.name },
  { id: 'Jabatan', en: 'Position', group: 'employment', value: (s) => s.employment?.position },
  { id: 'Lokasi kerja', en: 'Worksite', group: 'employment', value: (s) => s.employment && `${s.employment.worksite.address} (${s.employment.worksite.villageCode})` },
  { id: 'Izin kerja / RPTKA', en: 'Work permit / RPTKA', group: 'employment', value: (s) => s.employment?.workPermitRef },
  { id: 'Dilaporkan (waktu setempat)', en: 'Reported (local time)', group: 'always', value: (s) => localDateTime(s.createdAt, timeZoneOfRegion(s.regionCode)) },
];

export const exportColumns = (actor: Actor) => COLUMNS.filter((c) => c.group === 'always' || sees(actor, c.group));

/** One cell of CSV (RFC 4180); a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function staysCsv(actor: Actor, rows: StayView[], lang: 'id' | 'en'): string {
  const columns = exportColumns(actor);
  const lines = [columns.map((c) => csvCell(c[lang])).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`; // BOM: Excel opens UTF-8 names right
}

export async function staysXlsx(actor: Actor, rows: StayView[], lang: 'id' | 'en'): Promise<Buffer> {
  const columns = exportColumns(actor);
  const book = new ExcelJS.Workbook();
  book.creator = 'Sinergi';
  const sheet = book.addWorksheet(lang === 'id' ? 'Tamu WNA' : 'Foreign guests', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c[lang], key: c.en, width: Math.max(12, c[lang].length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.en, c.value(row) ?? ''])));
  return Buffer.from(await book.xlsx.writeBuffer());
}
