// The demo's organisations: the Timpora of Kabupaten Soppeng as named in the news article
// (Rapat Timpora Kabupaten Soppeng 2025, held at Hotel Maryam), the lodgings and a sponsor
// company that report to it, and a small Makassar counterpart used to prove area isolation.
// SK numbers, addresses and companies are synthetic.

export const SOPPENG = '73.12';
export const MAKASSAR = '73.71';

export interface AgencySpec { key: string; kind: string; name: string; regionCode: string }
export interface TeamSpec {
  key: string; name: string; level: 'province' | 'regency' | 'district'; regionCode: string; office: string;
  skNumber: string; skDate: string; skIssuer: string; budgetYear: number; members: string[];
  /** member users (username → position) */
  users: Record<string, 'pengarah' | 'ketua' | 'sekretaris' | 'anggota'>;
}
export interface ReporterOrgSpec {
  key: string; kind: 'lodging' | 'company'; lodgingType: string | null; name: string; address: string;
  villageCode: string; phone: string; rooms: string[]; weight: number;
  /** where it is, for the map: plausible synthetic points inside its regency */
  lat: number; lng: number;
}

export const AGENCIES: readonly AgencySpec[] = [
  // The office seat is in Kota Parepare; its work area includes Soppeng.
  { key: 'kanim_parepare', kind: 'imigrasi', name: 'Kantor Imigrasi Kelas II TPI Parepare', regionCode: '73.72' },
  { key: 'kesbangpol', kind: 'kesbangpol', name: 'Badan Kesatuan Bangsa dan Politik Kabupaten Soppeng', regionCode: SOPPENG },
  { key: 'kodim', kind: 'kodim', name: 'Kodim 1423/Soppeng', regionCode: SOPPENG },
  { key: 'polres', kind: 'polres', name: 'Polres Soppeng', regionCode: SOPPENG },
  { key: 'kejari', kind: 'kejaksaan', name: 'Kejaksaan Negeri Soppeng', regionCode: SOPPENG },
  { key: 'bin', kind: 'bin', name: 'Badan Intelijen Negara Daerah Sulawesi Selatan (Binda Sulsel)', regionCode: '73' },
  { key: 'disnaker', kind: 'disnaker', name: 'Dinas Tenaga Kerja Kabupaten Soppeng', regionCode: SOPPENG },
  { key: 'disdik', kind: 'disdik', name: 'Dinas Pendidikan Kabupaten Soppeng', regionCode: SOPPENG },
  { key: 'dukcapil', kind: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Soppeng', regionCode: SOPPENG },
  { key: 'kemenag', kind: 'kemenag', name: 'Kantor Kementerian Agama Kabupaten Soppeng', regionCode: SOPPENG },
  { key: 'kel_lalabata_rilau', kind: 'pemerintah_desa', name: 'Pemerintah Kelurahan Lalabata Rilau', regionCode: '73.12.04.1001' },
  { key: 'kanim_makassar', kind: 'imigrasi', name: 'Kantor Imigrasi Kelas I TPI Makassar', regionCode: MAKASSAR },
  { key: 'polrestabes_makassar', kind: 'polres', name: 'Polrestabes Makassar', regionCode: MAKASSAR },
];

export const TEAMS: readonly TeamSpec[] = [
  {
    key: 'timpora_soppeng', name: 'Timpora Kabupaten Soppeng', level: 'regency', regionCode: SOPPENG, office: 'kanim_parepare',
    skNumber: 'W.23.IMI.IMI.3-GR.01.01-0117', skDate: '2025-02-10',
    skIssuer: 'Kepala Kantor Imigrasi Kelas II TPI Parepare', budgetYear: 2025,
    members: ['kanim_parepare', 'kesbangpol', 'kodim', 'polres', 'kejari', 'bin', 'disnaker', 'disdik', 'dukcapil', 'kemenag', 'kel_lalabata_rilau'],
    users: {
      'imigrasi.parepare': 'ketua', 'kesbangpol.soppeng': 'sekretaris', 'polres.soppeng': 'anggota', 'disnaker.soppeng': 'anggota',
      'bin.sulsel': 'anggota', 'desa.lalabata': 'anggota',
    },
  },
  {
    key: 'timpora_makassar', name: 'Timpora Kota Makassar', level: 'regency', regionCode: MAKASSAR, office: 'kanim_makassar',
    skNumber: 'W.23.IMI.IMI.1-GR.01.01-0042', skDate: '2025-01-20',
    skIssuer: 'Kepala Kantor Imigrasi Kelas I TPI Makassar', budgetYear: 2025,
    members: ['kanim_makassar', 'polrestabes_makassar'],
    users: { 'polres.makassar': 'anggota' },
  },
];

const hotelRooms = (floors: number, perFloor: number) =>
  Array.from({ length: floors * perFloor }, (_, i) => `${Math.floor(i / perFloor) + 1}${String((i % perFloor) + 1).padStart(2, '0')}`);
const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

// weight: share of the regency's demo stays reported by the org.
export const REPORTER_ORGS: readonly ReporterOrgSpec[] = [
  {
    key: 'hotel_maryam', kind: 'lodging', lodgingType: 'hotel', name: 'Hotel Maryam', address: 'Lalabata Rilau, Watansoppeng',
    villageCode: '73.12.04.1001', phone: '+62 484 000101', rooms: hotelRooms(3, 12), weight: 40, lat: -4.3497, lng: 119.8874,
  },
  {
    key: 'villa_lejja', kind: 'lodging', lodgingType: 'villa', name: 'Villa Lejja Indah', address: 'Kawasan Air Panas Lejja, Bulue',
    villageCode: '73.12.05.2006', phone: '+62 484 000102', rooms: numbered('Villa ', 6), weight: 16, lat: -4.1746, lng: 119.9676,
  },
  {
    key: 'homestay_cabenge', kind: 'lodging', lodgingType: 'homestay', name: 'Homestay Cabenge', address: 'Cabenge, Lilirilau',
    villageCode: '73.12.03.1002', phone: '+62 484 000103', rooms: numbered('Kamar ', 4), weight: 10, lat: -4.2846, lng: 119.7939,
  },
  {
    key: 'wisma_takalala', kind: 'lodging', lodgingType: 'guest_house', name: 'Wisma Takalala', address: 'Labessi, Marioriwawo',
    villageCode: '73.12.01.1001', phone: '+62 484 000104', rooms: numbered('Kamar ', 8), weight: 10, lat: -4.4187, lng: 119.8127,
  },
  {
    key: 'penginapan_donri', kind: 'lodging', lodgingType: 'guest_house', name: 'Penginapan Donri Donri', address: 'Donri Donri',
    villageCode: '73.12.06.2002', phone: '+62 484 000105', rooms: numbered('Kamar ', 6), weight: 6, lat: -4.2563, lng: 119.9158,
  },
  {
    key: 'kos_botto', kind: 'lodging', lodgingType: 'kos', name: 'Kos Botto Indah', address: 'Botto, Lalabata',
    villageCode: '73.12.04.1003', phone: '+62 484 000106', rooms: numbered('Kamar ', 10), weight: 6, lat: -4.3561, lng: 119.8912,
  },
  {
    // A sponsor company reports its foreign workers' residence (mess) like a lodging does.
    key: 'pt_sutera', kind: 'company', lodgingType: null, name: 'PT Sutera Soppeng Lestari', address: 'Ujung, Lilirilau',
    villageCode: '73.12.03.1001', phone: '+62 484 000107', rooms: numbered('Mess ', 12), weight: 12, lat: -4.3301, lng: 119.8702,
  },
  {
    key: 'hotel_makassar', kind: 'lodging', lodgingType: 'hotel', name: 'Hotel Losari Permai', address: 'Losari, Ujung Pandang, Makassar',
    villageCode: '73.71.04.1008', phone: '+62 411 000201', rooms: hotelRooms(6, 20), weight: 100, lat: -5.1437, lng: 119.4079,
  },
];

export type DemoRole = 'admin' | 'immigration_officer' | 'timpora_member' | 'field_officer' | 'reporter' | 'auditor';

export interface DemoAccount {
  username: string;
  role: DemoRole;
  displayName: string;
  /** What the account is for in the demo (English; the README shows it). */
  description: string;
  agency: string | null;
  areaCode: string | null;
  reporterOrg: string | null;
}

export const DEMO_PASSWORD = 'sinergi-demo';

const reporter = (username: string, org: string, name: string): DemoAccount => ({
  username, role: 'reporter', displayName: `Petugas Pelaporan ${name}`, agency: null, areaCode: null, reporterOrg: org,
  description: `Reporter for ${name}: checks guests in and out, sees only its own reports`,
});

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'admin', displayName: 'Administrator Sinergi', agency: null, areaCode: null, reporterOrg: null,
    description: 'Administrator: agencies, users, teams and settings; no personal data' },
  { username: 'imigrasi.parepare', role: 'immigration_officer', displayName: 'Petugas Inteldakim Kanim Parepare', agency: 'kanim_parepare',
    areaCode: SOPPENG, reporterOrg: null,
    description: 'Immigration officer of Kantor Imigrasi Parepare; area Kabupaten Soppeng (the office covers more; the demo is Soppeng-focused)' },
  { username: 'polres.soppeng', role: 'timpora_member', displayName: 'Satintelkam Polres Soppeng', agency: 'polres', areaCode: SOPPENG,
    reporterOrg: null, description: 'Timpora member (regency police), area Kabupaten Soppeng' },
  { username: 'disnaker.soppeng', role: 'timpora_member', displayName: 'Pengawas Disnaker Soppeng', agency: 'disnaker', areaCode: SOPPENG,
    reporterOrg: null, description: 'Timpora member (manpower office: foreign workers), area Kabupaten Soppeng' },
  { username: 'kesbangpol.soppeng', role: 'timpora_member', displayName: 'Staf Badan Kesbangpol Soppeng', agency: 'kesbangpol', areaCode: SOPPENG,
    reporterOrg: null, description: 'Timpora member (Kesbangpol), area Kabupaten Soppeng' },
  { username: 'bin.sulsel', role: 'timpora_member', displayName: 'Analis Binda Sulawesi Selatan', agency: 'bin', areaCode: null,
    reporterOrg: null, description: 'Timpora member (intelligence) with no area of its own: sees Soppeng only through its Timpora Soppeng membership' },
  { username: 'desa.lalabata', role: 'field_officer', displayName: 'Petugas Kelurahan Lalabata Rilau', agency: 'kel_lalabata_rilau',
    areaCode: '73.12.04', reporterOrg: null, description: 'Field officer (early detection) of Kecamatan Lalabata: reports sightings' },
  { username: 'auditor', role: 'auditor', displayName: 'Auditor Pengawasan', agency: null, areaCode: null, reporterOrg: null,
    description: 'Auditor: audit trail and aggregate figures, no personal data' },
  reporter('hotel.maryam', 'hotel_maryam', 'Hotel Maryam'),
  reporter('villa.lejja', 'villa_lejja', 'Villa Lejja Indah'),
  reporter('homestay.cabenge', 'homestay_cabenge', 'Homestay Cabenge'),
  reporter('wisma.takalala', 'wisma_takalala', 'Wisma Takalala'),
  reporter('penginapan.donri', 'penginapan_donri', 'Penginapan Donri Donri'),
  reporter('kos.botto', 'kos_botto', 'Kos Botto Indah'),
  { ...reporter('pt.sutera', 'pt_sutera', 'PT Sutera Soppeng Lestari'),
    description: 'Sponsor company: reports its foreign workers (ITAS) at the company mess' },
  { ...reporter('hotel.makassar', 'hotel_makassar', 'Hotel Losari Permai'),
    description: 'Reporter for a Makassar hotel (outside Soppeng): proves area isolation' },
  { username: 'polres.makassar', role: 'timpora_member', displayName: 'Satintelkam Polrestabes Makassar', agency: 'polrestabes_makassar',
    areaCode: MAKASSAR, reporterOrg: null, description: 'Timpora member in Kota Makassar: must not see Soppeng data' },
];
