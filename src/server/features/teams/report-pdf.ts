import PDFDocument from 'pdfkit';
import { tanggal } from '../meetings/format';
import type { ReportFigures } from './report-figures';
import type { Section } from './report-rows';

// The periodic Timpora report as PDF (Indonesian): heading with the team and its decree, then
// each section's figures as a table, with a horizontal bar chart drawn in vector where the
// section has one. Figures only: no person appears.

const LEFT = 50;
const WIDTH = 495;
const BAR_COLOURS = ['#1f6feb', '#2da44e', '#bf8700', '#cf222e', '#8250df', '#0a7f87'];

export function renderReportPdf(f: ReportFigures, sections: Section[], generatedAt: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Laporan Periodik ${f.team.name} ${f.period.label}`, Author: 'Sinergi' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(14).text('LAPORAN PERIODIK TIM PENGAWASAN ORANG ASING', { align: 'center' });
  doc.fontSize(12).text(f.team.name.toUpperCase(), { align: 'center' });
  doc.font('Helvetica').fontSize(9)
    .text(`Surat Keputusan Nomor ${f.team.skNumber} tanggal ${tanggal(f.team.skDate)} oleh ${f.team.skIssuer}`, { align: 'center' })
    .text(`Wilayah ${f.team.regionName} (${f.team.regionCode}) · Tahun anggaran ${f.team.budgetYear}`, { align: 'center' });
  doc.font('Helvetica-Bold').fontSize(11).moveDown(0.5)
    .text(`Periode: ${f.period.label} (${tanggal(f.period.from)} s.d. ${tanggal(f.period.to)})`, { align: 'center' });
  doc.moveTo(LEFT, doc.y + 6).lineTo(LEFT + WIDTH, doc.y + 6).strokeColor('#000').stroke().moveDown(1);

  for (const s of sections) {
    const needed = 40 + s.rows.length * 14 + (s.chart?.length ? s.chart.length * 16 + 20 : 0);
    if (doc.y + Math.min(needed, 300) > 780) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#000').text(s.title, LEFT, doc.y).moveDown(0.3);
    for (const [label, value] of s.rows) {
      if (doc.y > 780) doc.addPage();
      const y = doc.y;
      doc.font('Helvetica').fontSize(9).fillColor('#000').text(label, LEFT + 6, y, { width: 380 });
      const bottom = doc.y;
      doc.font('Helvetica-Bold').text(String(value), LEFT + 390, y, { width: 100, align: 'right' });
      doc.y = Math.max(bottom, doc.y);
      doc.moveTo(LEFT, doc.y + 1).lineTo(LEFT + WIDTH, doc.y + 1).strokeColor('#ddd').stroke();
      doc.y += 3;
    }
    if (!s.rows.length) doc.font('Helvetica-Oblique').fontSize(9).text('Tidak ada data.', LEFT + 6, doc.y);
    if (s.chart?.some(([, n]) => n > 0)) barChart(doc, s.chart);
    doc.moveDown(0.8);
  }
  doc.moveDown(1).font('Helvetica').fontSize(8).fillColor('#444').text(
    `Dibuat oleh Sinergi pada ${generatedAt}. Angka agregat dari data pelaporan, peringatan, deteksi dini, kasus, operasi dan rapat tim di wilayah tim.`,
    LEFT, doc.y, { width: WIDTH },
  );
  doc.end();
  return done;
}

/** Horizontal bars, one per item, scaled to the largest; drawn with pdfkit's vector primitives. */
function barChart(doc: PDFKit.PDFDocument, items: [string, number][]) {
  const max = Math.max(...items.map(([, n]) => n), 1);
  const labelW = 170;
  const barW = WIDTH - labelW - 50;
  doc.moveDown(0.5);
  if (doc.y + items.length * 16 > 790) doc.addPage();
  const top = doc.y;
  items.forEach(([label, n], i) => {
    const y = top + i * 16;
    doc.font('Helvetica').fontSize(7).fillColor('#333').text(label, LEFT, y + 2, { width: labelW - 6, height: 10, ellipsis: true, lineBreak: false });
    const w = Math.max(1, (n / max) * barW);
    doc.rect(LEFT + labelW, y + 1, w, 11).fillColor(BAR_COLOURS[i % BAR_COLOURS.length]!).fill();
    doc.fillColor('#000').fontSize(7).text(String(n), LEFT + labelW + w + 4, y + 2, { lineBreak: false });
  });
  doc.y = top + items.length * 16 + 4;
  doc.x = LEFT;
}
