import type { Actor } from '../../auth/actor';
import { type Column, type ExportContext, csvText, headerOf, localTime, visibleColumns, xlsxBuffer } from '../exports/format';
import type { StayView } from './presenters';

// The stays list's columns (CSV, XLSX), used by GET /api/v1/stays/export and by the export jobs
// (features/exports). Which columns an actor gets is the field matrix's answer (visibleColumns),
// and the values are the presenter's, so an export never shows more than the screen.

export const STAY_COLUMNS: Column<StayView>[] = [
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
  { id: 'Dilaporkan ({zone})', en: 'Reported ({zone})', group: 'always', value: (s, ctx) => localTime(s.createdAt, s.regionCode, ctx) },
];

export const exportColumns = (actor: Actor) => visibleColumns(actor, STAY_COLUMNS);

const table = (actor: Actor, rows: StayView[], ctx: ExportContext) => {
  const columns = exportColumns(actor);
  return { headers: columns.map((c) => headerOf(c, ctx)), cells: rows.map((r) => columns.map((c) => c.value(r, ctx))) };
};

export function staysCsv(actor: Actor, rows: StayView[], ctx: ExportContext): string {
  const { headers, cells } = table(actor, rows, ctx);
  return csvText(headers, cells);
}

export async function staysXlsx(actor: Actor, rows: StayView[], ctx: ExportContext): Promise<Buffer> {
  const { headers, cells } = table(actor, rows, ctx);
  return xlsxBuffer(ctx.lang === 'id' ? 'Tamu WNA' : 'Foreign guests', headers, cells);
}
