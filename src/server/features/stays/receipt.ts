import { createHmac } from 'node:crypto';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { ReceiptView } from './receipt-view';

// The Surat Tanda Terima Pelaporan Orang Asing as a PDF. It prints the receipt presenter's
// view (receipt-view.ts) and nothing else, so the PDF, the print view and /verify agree. Its QR
// code carries the verify URL with the signed token (receipt-token.ts).

/** The first receipts' QR format (SINERGI1|number|stay|signature), still accepted by the officers' verify endpoint. */
export function receiptSignature(key: Buffer, receiptNumber: string, stayId: string): string {
  return createHmac('sha256', key).update(`${receiptNumber}|${stayId}`).digest('base64url').slice(0, 22);
}

export function receiptQrPayload(key: Buffer, stay: { receipt_number: string; id: string }): string {
  return `SINERGI1|${stay.receipt_number}|${stay.id}|${receiptSignature(key, stay.receipt_number, stay.id)}`;
}

/** Withheld by the field matrix: the PDF says so rather than printing nothing. */
const WITHHELD = '(tidak ditampilkan / withheld)';
const STATUS: Record<ReceiptView['guests'][number]['status'], string> = {
  present: 'Menginap / Staying', checked_out: 'Sudah keluar / Checked out', cancelled: 'DIBATALKAN / CANCELLED',
};

export function guestLines(g: ReceiptView['guests'][number]): [string, string][] {
  const dates = g.arrivalDate === null ? WITHHELD
    : `${g.arrivalDate} – ${g.departureDate ?? g.plannedDeparture ?? '-'}${g.departureDate ? '' : ' (rencana / planned)'}`;
  return [
    ['Kewarganegaraan / Nationality', g.nationality ? `${g.nationality.nameId} / ${g.nationality.nameEn} (${g.nationality.code})` : WITHHELD],
    ['Paspor / Passport', g.document ? `${g.document.number} (${g.document.issuingState})` : WITHHELD],
    ['Tanggal / Dates', dates],
    ['Izin tinggal / Stay permit', g.permit ? `${g.permit.label.id}${g.permit.validUntil ? `, s.d. / until ${g.permit.validUntil}` : ''}` : WITHHELD],
    ['Status', STATUS[g.status]],
  ];
}

export async function renderReceiptPdf(view: ReceiptView): Promise<Buffer> {
  const qr = await QRCode.toBuffer(view.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 200 });
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Tanda Terima ${view.receiptNumber}`, Author: 'Sinergi' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(10).text('KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA', { align: 'center' });
  doc.text('DIREKTORAT JENDERAL IMIGRASI', { align: 'center' });
  doc.fontSize(12).text(view.office.toUpperCase(), { align: 'center' });
  doc.moveTo(50, doc.y + 4).lineTo(545, doc.y + 4).stroke().moveDown(1);
  doc.fontSize(14).text('SURAT TANDA TERIMA PELAPORAN ORANG ASING', { align: 'center' });
  doc.font('Helvetica-Oblique').fontSize(9).text('Receipt of a foreign-national stay report', { align: 'center' }).moveDown(1);

  const top = doc.y;
  doc.image(qr, 445, top, { width: 100 });
  const head: [string, string][] = [
    ['Nomor / Receipt no.', view.receiptNumber],
    ['Tempat penginapan / Lodging', view.lodging ? `${view.lodging.name}${view.lodging.address ? `, ${view.lodging.address}` : ''}` : WITHHELD],
    ['Dilaporkan / Reported', view.reportedAt],
    ['Jumlah tamu / Guests', String(view.guests.length)],
    ['Posisi log audit / Audit log position', view.auditPosition ?? '-'],
  ];
  doc.fontSize(10);
  for (const [label, value] of head) row(doc, label, value, 50, 380);
  doc.y = Math.max(doc.y, top + 110);

  for (const g of view.guests) {
    if (doc.y > 700) doc.addPage();
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).fillColor('#000')
      .text(`${g.line}. ${g.name ?? WITHHELD}`, 50, doc.y, { width: 495 });
    doc.font('Helvetica').fontSize(8).fillColor('#555').text(g.receiptNumber, { width: 495 });
    doc.fontSize(10);
    for (const [label, value] of guestLines(g)) row(doc, label, value, 65, 480);
  }
  doc.moveDown(1.5).font('Helvetica').fontSize(8).fillColor('#444').text(
    'Dokumen ini dibuat secara elektronik oleh Sinergi dan sah tanpa tanda tangan. Pindai kode QR atau buka alamat di bawah '
    + 'untuk memeriksa keasliannya. / Issued electronically; scan the QR code or open the address below to check that it is genuine.',
    50, doc.y, { width: 495 },
  );
  doc.moveDown(0.4).fillColor('#000').text(view.verifyUrl, { width: 495 });
  doc.end();
  return done;
}

/** A label and its value side by side; the next row starts below the taller of the two. */
function row(doc: PDFKit.PDFDocument, label: string, value: string, x: number, right: number) {
  const y = doc.y;
  doc.font('Helvetica').fillColor('#555').text(label, x, y, { width: 165 });
  const labelBottom = doc.y;
  doc.font('Helvetica-Bold').fillColor('#000').text(value, x + 170, y, { width: right - x - 170 + 50 });
  doc.y = Math.max(labelBottom, doc.y) + 2;
}
