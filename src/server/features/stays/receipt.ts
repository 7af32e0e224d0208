import { createHmac } from 'node:crypto';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { localDateTime } from '../../../domain/regions';
import { maskTail } from '../../../domain/access/field-matrix';
import { receiptAuditPosition } from '../../audit/position';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { presentStay } from './presenters';
import { regionTimeZone } from '../reference/queries';
import type { StayRecord } from './queries';

// The Surat Tanda Terima Pelaporan Orang Asing. Its QR carries the receipt number, the stay
// id and an HMAC over both, so an officer's scanner can tell a genuine receipt from a copy edit.

export function receiptSignature(key: Buffer, receiptNumber: string, stayId: string): string {
  return createHmac('sha256', key).update(`${receiptNumber}|${stayId}`).digest('base64url').slice(0, 22);
}

export function receiptQrPayload(key: Buffer, stay: { receipt_number: string; id: string }): string {
  return `SINERGI1|${stay.receipt_number}|${stay.id}|${receiptSignature(key, stay.receipt_number, stay.id)}`;
}

const PERMIT_LABEL: Record<string, string> = {
  visa_free_visit: 'Bebas Visa Kunjungan', visa_on_arrival: 'Visa on Arrival (VoA)', visit_visa: 'Izin Tinggal Kunjungan (ITK)',
  itas: 'Izin Tinggal Terbatas (ITAS)', itap: 'Izin Tinggal Tetap (ITAP)', diplomatic: 'Izin Tinggal Diplomatik', official: 'Izin Tinggal Dinas',
};

/** Withheld by the field matrix: the PDF says so rather than printing nothing. */
const WITHHELD = '(tidak ditampilkan / withheld)';
const shown = (value: string | null | undefined) => (value === null || value === undefined ? WITHHELD : value);

/**
 * The receipt prints what the presenter gives this actor (the field matrix decides), with the
 * passport number masked as on every receipt: the PDF can never show more than the JSON.
 */
export async function renderReceiptPdf(ctx: AppContext, actor: Actor, stay: StayRecord): Promise<Buffer> {
  const view = presentStay(actor, stay);
  const zone = await regionTimeZone(ctx.db, stay.region_code);
  const nationality = view.guest.nationality;
  const country = nationality ? await ctx.db.selectFrom('countries').select(['name_id', 'name_en']).where('code', '=', nationality).executeTakeFirst() : undefined;
  const qr = await QRCode.toBuffer(receiptQrPayload(ctx.receiptKey, stay), { errorCorrectionLevel: 'M', margin: 1, width: 160 });
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Tanda Terima ${stay.receipt_number}`, Author: 'Sinergi' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(15).font('Helvetica-Bold').text('SURAT TANDA TERIMA PELAPORAN ORANG ASING', { align: 'center' });
  doc.fontSize(9).font('Helvetica-Oblique').text('Receipt of a foreign-national stay report', { align: 'center' }).moveDown(1.5);
  doc.image(qr, 430, 110, { width: 110 });
  const rows: [string, string][] = [
    ['Nomor tanda terima / Receipt no.', stay.receipt_number],
    ['Tempat penginapan / Lodging', shown(view.lodging?.name)],
    ['Nama / Name', view.guest.surname === null ? WITHHELD : `${view.guest.surname}, ${view.guest.givenNames}`],
    ['Kewarganegaraan / Nationality', country ? `${country.name_id} / ${country.name_en} (${nationality})` : shown(nationality)],
    ['Paspor / Passport', view.guest.document.number === null ? WITHHELD : `${maskTail(view.guest.document.number)} (${view.guest.document.issuingState})`],
    ['Izin tinggal / Stay permit', view.permit.kind === null ? WITHHELD : `${PERMIT_LABEL[view.permit.kind] ?? view.permit.kind}${view.permit.number ? ` ${view.permit.number}` : ''}`],
    ['Tanggal kedatangan / Arrival', shown(view.arrivalDate)],
    ['Rencana keberangkatan / Planned departure', view.arrivalDate === null ? WITHHELD : view.plannedDeparture ?? '-'],
    ['Kamar / Room', view.arrivalDate === null ? WITHHELD : view.room ?? '-'],
    ['Dilaporkan / Reported', localDateTime(stay.created_at, zone)],
    ['Posisi log audit / Audit log position', (await receiptAuditPosition(ctx.db, stay.id)) ?? '-'],
  ];
  doc.fontSize(10);
  for (const [label, value] of rows) {
    // a long label or value wraps: the next row starts below the taller of the two
    const y = doc.y;
    doc.font('Helvetica').fillColor('#555').text(label, 50, y, { width: 170 });
    const labelBottom = doc.y;
    doc.font('Helvetica-Bold').fillColor('#000').text(value, 225, y, { width: 190 });
    doc.y = Math.max(labelBottom, doc.y);
    doc.moveDown(0.6);
  }
  doc.moveDown(2).font('Helvetica').fontSize(8).fillColor('#444').text(
    'Dokumen ini dibuat secara elektronik oleh Sinergi dan sah tanpa tanda tangan. Kode QR memuat tanda tangan digital '
    + 'yang dapat diperiksa petugas. / This document was issued electronically; the QR code carries a digital signature officers can check.',
    50, doc.y, { width: 495 },
  );
  doc.end();
  return done;
}
