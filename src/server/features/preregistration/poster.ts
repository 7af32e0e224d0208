import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

// The poster a lodging prints for its front desk or rooms: a big QR code to the guest's own
// pre-registration form, in Indonesian and English, with pdfkit's built-in fonts only.

const BLUE = '#1c5fb8';

export async function renderPosterPdf(lodgingName: string, url: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 720 });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Pra-registrasi tamu - ${lodgingName}`, Author: 'Sinergi' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;

  doc.rect(0, 0, doc.page.width, 14).fill(BLUE);
  doc.fillColor('#000').font('Helvetica-Bold').fontSize(26).text(lodgingName, 56, 60, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.fillColor(BLUE).font('Helvetica-Bold').fontSize(22).text('Pindai untuk pra-registrasi menginap', { width, align: 'center' });
  doc.fillColor('#333').font('Helvetica').fontSize(18).text('Scan to pre-register your stay', { width, align: 'center' });

  const size = 300;
  const qrTop = doc.y + 24;
  doc.image(qr, (doc.page.width - size) / 2, qrTop, { width: size, height: size });
  doc.y = qrTop + size + 20;

  doc.fillColor('#000').font('Helvetica').fontSize(10).text(url, 56, doc.y, { width, align: 'center' });
  doc.moveDown(1.5);
  const steps: [string, string][] = [
    ['Pindai kode QR dengan ponsel Anda dan isi data paspor Anda dalam bahasa Anda.', 'Scan the QR code with your phone and fill in your passport details in your language.'],
    ['Tunjukkan paspor Anda di resepsionis: petugas memeriksanya lalu melaporkan kedatangan Anda ke Imigrasi.', 'Show your passport at the front desk: the staff check it and report your arrival to Immigration.'],
    ['Data Anda tidak dikirim ke mana pun sebelum petugas mengonfirmasinya, dan dihapus setelah 7 hari bila tidak dikonfirmasi.', 'Nothing is reported before the staff confirm it; unconfirmed data is deleted after 7 days.'],
  ];
  steps.forEach(([id, en], i) => {
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#000').text(`${i + 1}. ${id}`, 56, doc.y, { width });
    doc.font('Helvetica-Oblique').fontSize(11).fillColor('#444').text(`    ${en}`, { width });
    doc.moveDown(0.6);
  });
  doc.font('Helvetica').fontSize(9).fillColor('#666')
    .text('Formulir dalam 7 bahasa / The form speaks 7 languages: Indonesia, English, Chinese, Russian, Korean, Japanese, Arabic',
      56, doc.page.height - 90, { width, align: 'center' });
  doc.text('Sinergi - pelaporan orang asing / foreign-guest reporting', { width, align: 'center' });
  doc.rect(0, doc.page.height - 14, doc.page.width, 14).fill(BLUE);
  doc.end();
  return done;
}
