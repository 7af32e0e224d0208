import type { Counts, ReportFigures } from './report-figures';

// The report's figures as labelled rows, in Indonesian, section by section. The PDF, the XLSX
// and the test read the same rows, so what a file says is what the figures say.

export interface Section { id: string; title: string; rows: [label: string, value: number | string][]; chart?: [string, number][] }

const PERMIT: Record<string, string> = {
  visa_free_visit: 'Bebas Visa Kunjungan', visa_on_arrival: 'Visa on Arrival', visit_visa: 'ITK (izin tinggal kunjungan)',
  itas: 'ITAS (izin tinggal terbatas)', itap: 'ITAP (izin tinggal tetap)', diplomatic: 'Izin tinggal diplomatik', official: 'Izin tinggal dinas',
};
const REPORT_KIND: Record<string, string> = { lodging: 'Tamu penginapan', work: 'Tenaga kerja asing', residence: 'Tinggal di rumah warga' };
const SEVERITY: Record<string, string> = { high: 'Tinggi', medium: 'Sedang', low: 'Rendah' };
const OUTCOME: Record<string, string> = { confirmed: 'Terkonfirmasi', false_positive: 'Bukan sasaran (false positive)', no_action: 'Tanpa tindakan' };
const SIGHTING: Record<string, string> = { new: 'Baru', linked: 'Dikaitkan dengan orang', case_opened: 'Menjadi kasus', dismissed: 'Ditolak' };
const ACTION: Record<string, string> = {
  deportation: 'Deportasi', detention: 'Pendetensian', fine: 'Denda', entry_ban: 'Penangkalan', other: 'Tindakan administratif lain',
  administrative: 'Tindakan administratif', criminal_handover: 'Pro justitia (diserahkan)', no_action: 'Tanpa tindakan',
};
const NA = 'tidak tersedia';

const labelled = (counts: Counts, names: Record<string, string>) => Object.entries(counts).map(([k, n]) => [names[k] ? `${names[k]} (${k})` : k, n] as [string, number]);

export function reportSections(f: ReportFigures, countryNames: Record<string, string>): Section[] {
  const nat = (c: Counts) => Object.entries(c).map(([k, n]) => [countryNames[k] ? `${countryNames[k]} (${k})` : k, n] as [string, number]);
  const fo = f.foreigners;
  const m = f.meetings;
  return [
    {
      id: 'present', title: `Orang asing berada di wilayah per ${f.presentOn}`,
      rows: [['Jumlah orang asing berada', fo.present], ...labelled(fo.presentByReportKind, REPORT_KIND), ...labelled(fo.presentByPermitKind, PERMIT)],
      chart: nat(fo.presentByNationality).slice(0, 10),
    },
    { id: 'presentNationality', title: 'Orang asing berada menurut kewarganegaraan', rows: nat(fo.presentByNationality) },
    {
      id: 'reported', title: 'Laporan kedatangan orang asing dalam periode',
      rows: [['Jumlah laporan', fo.reported], ...labelled(fo.reportedByReportKind, REPORT_KIND), ...labelled(fo.reportedByPermitKind, PERMIT)],
      chart: labelled(fo.reportedByPermitKind, PERMIT),
    },
    { id: 'reportedNationality', title: 'Laporan kedatangan menurut kewarganegaraan', rows: nat(fo.reportedByNationality) },
    {
      id: 'sightings', title: 'Laporan deteksi dini (temuan lapangan)',
      rows: f.sightings.available ? [['Jumlah laporan deteksi dini', f.sightings.total], ...labelled(f.sightings.byStatus, SIGHTING)] : [['Laporan deteksi dini', NA]],
    },
    {
      id: 'cases', title: 'Kasus (temuan dan tindak lanjut)',
      rows: f.cases.available ? [['Kasus dibuka', f.cases.opened], ['Kasus ditutup', f.cases.closed], ...labelled(f.cases.closedByAction, ACTION)] : [['Kasus', NA]],
    },
    {
      id: 'operations', title: 'Operasi gabungan',
      rows: f.operations.available ? [['Operasi direncanakan', f.operations.planned], ['Operasi dilaksanakan', f.operations.held]] : [['Operasi gabungan', NA]],
    },
    {
      id: 'alerts', title: 'Peringatan dini (alert)',
      rows: [['Peringatan muncul', f.alerts.raised], ...labelled(f.alerts.raisedBySeverity, SEVERITY), ['Peringatan diselesaikan', f.alerts.resolved], ...labelled(f.alerts.resolvedByOutcome, OUTCOME)],
      chart: labelled(f.alerts.resolvedByOutcome, OUTCOME),
    },
    {
      id: 'meetings', title: 'Rapat dan tindak lanjut',
      rows: [
        ['Rapat dijadwalkan', m.scheduled], ['Rapat dilaksanakan', m.held], ['Kesepakatan', m.agreements], ['Tugas tindak lanjut', m.tasks],
        ['Tugas selesai', m.tasksDone], ['Tugas terlambat (belum selesai)', m.tasksOpenOverdue],
        ['Penyelesaian tindak lanjut', m.completionPercent === null ? '-' : `${m.completionPercent}%`],
      ],
      chart: [['Tugas selesai', m.tasksDone], ['Tugas belum selesai', m.tasks - m.tasksDone]],
    },
  ];
}
