import ExcelJS from 'exceljs';
import type { ReportFigures } from './report-figures';
import type { Section } from './report-rows';

// The periodic report as a workbook: a summary sheet (team, decree, period) and one sheet of
// figures per section, each row a label and its number, so the figures can be charted or summed.

export async function renderReportXlsx(f: ReportFigures, sections: Section[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Sinergi';
  const info = book.addWorksheet('Ringkasan');
  info.columns = [{ header: 'Keterangan', key: 'k', width: 34 }, { header: 'Isi', key: 'v', width: 60 }];
  info.getRow(1).font = { bold: true };
  for (const [k, v] of [
    ['Tim', f.team.name], ['Nomor SK', f.team.skNumber], ['Tanggal SK', f.team.skDate], ['Penerbit SK', f.team.skIssuer],
    ['Wilayah', `${f.team.regionName} (${f.team.regionCode})`], ['Tahun anggaran', String(f.team.budgetYear)],
    ['Periode', f.period.label], ['Dari', f.period.from], ['Sampai', f.period.to], ['Zona waktu', f.team.timeZone],
  ]) info.addRow({ k, v });
  for (const [i, s] of sections.entries()) {
    // sheet names: at most 31 characters, no []:*?/\
    const sheet = book.addWorksheet(`${i + 1}. ${s.title}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [{ header: s.title, key: 'label', width: 48 }, { header: 'Jumlah', key: 'value', width: 14 }];
    sheet.getRow(1).font = { bold: true };
    for (const [label, value] of s.rows) sheet.addRow({ label, value });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
