import PDFDocument from 'pdfkit';
import { localDateTime, timeZoneOfRegion } from '../../../domain/regions';
import type { Actor } from '../../auth/actor';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { presentOperationDetail } from './presenters';
import type { OperationDetail } from './queries';

// Laporan operasi gabungan: plan, participants, results and findings with their case numbers.
// It prints what the presenter gives this caller, so the PDF never shows more than the JSON.

const WITHHELD = '(tidak ditampilkan)';
const CASE_STATUS: Record<string, string> = { open: 'dibuka', in_progress: 'dalam proses', action_taken: 'sudah ditindak', closed: 'ditutup' };

export async function renderOperationPdf(db: Kysely<Database>, actor: Actor, detail: OperationDetail): Promise<Buffer> {
  const view = presentOperationDetail(actor, detail);
  const region = await db.selectFrom('regions').select('name').where('code', '=', view.regionCode).executeTakeFirst();
  const zone = timeZoneOfRegion(view.regionCode);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Laporan Operasi Gabungan ${view.number}`, Author: 'Sinergi' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#000').text(text, 50, doc.y, { width: 495 }).moveDown(0.3);
  const line = (text: string) => doc.font('Helvetica').fontSize(10).fillColor('#000').text(text, 60, doc.y, { width: 485 }).moveDown(0.2);
  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).fillColor('#555').text(label, 50, y, { width: 150 });
    const bottom = doc.y;
    doc.font('Helvetica-Bold').fillColor('#000').text(value, 205, y, { width: 340 });
    doc.y = Math.max(bottom, doc.y);
    doc.moveDown(0.3);
  };

  doc.font('Helvetica-Bold').fontSize(15).text('LAPORAN OPERASI GABUNGAN', { align: 'center' });
  doc.font('Helvetica').fontSize(10).text('Tim Pengawasan Orang Asing (TIMPORA)', { align: 'center' }).moveDown(1);
  row('Nomor', view.number);
  row('Judul', view.title);
  row('Tanggal', view.plannedOn);
  row('Wilayah', `${region?.name ?? view.regionCode} (${view.regionCode})`);
  row('Status', view.status === 'done' ? 'Selesai' : 'Direncanakan');
  if (view.notes) row('Catatan', view.notes);

  heading('1. Rencana: sasaran');
  if (view.targets.length === 0) line('-');
  view.targets.forEach((t, i) => line(`${i + 1}. ${t.kind === 'lodging' ? 'Tempat penginapan/usaha' : 'Wilayah/lokasi kerja'}: ${t.name} (${t.villageName ?? t.villageCode})`));

  heading('2. Peserta');
  const byAgency = new Map<string, string[]>();
  for (const p of view.participants) byAgency.set(p.agencyName, [...(byAgency.get(p.agencyName) ?? []), ...(p.userName ? [p.userName] : [])]);
  [...byAgency].forEach(([agency, people], i) => line(`${i + 1}. ${agency}${people.length ? `: ${people.join(', ')}` : ''}`));

  heading('3. Hasil: orang asing yang diperiksa');
  if (view.checks.length === 0) line('Belum ada hasil yang dicatat.');
  view.checks.forEach((c, i) => line(`${i + 1}. ${c.name ?? WITHHELD}${c.nationality ? ` (${c.nationality})` : ''}; dokumen dilihat: ${c.documentsSeen ?? '-'}${c.note ? `; catatan: ${c.note}` : ''}`));

  heading('4. Temuan dan tindak lanjut');
  if (view.findings.length === 0) line('Tidak ada temuan.');
  view.findings.forEach((f, i) => line(`${i + 1}. ${f.description} [${f.villageCode}] — ${f.case ? `Kasus ${f.case.number} (${CASE_STATUS[f.case.status ?? ''] ?? f.case.status})` : 'belum menjadi kasus'}`));

  doc.moveDown(2).font('Helvetica').fontSize(8).fillColor('#444').text(
    `Dibuat oleh Sinergi untuk ${actor.displayName} pada ${localDateTime(new Date().toISOString(), zone)} ${zone}. Unduhan laporan ini tercatat di log audit.`,
    50, doc.y, { width: 495 },
  );
  doc.end();
  return done;
}
