// The fields a guest file can be mapped to, and the header names (Indonesian and English)
// that suggest each one. Pure: the server suggests mappings with it, the web labels with it.

export const IMPORT_FIELDS = [
  'surname', 'givenNames', 'sex', 'dateOfBirth', 'nationality',
  'documentNumber', 'issuingState', 'documentExpiry',
  'permitKind', 'permitNumber', 'permitValidFrom', 'permitValidUntil',
  'arrivalDate', 'plannedDeparture', 'departureDate', 'room',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A file cannot be imported without a column for each of these. */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  'surname', 'sex', 'dateOfBirth', 'nationality', 'documentNumber', 'documentExpiry', 'permitKind', 'arrivalDate',
];

/** field → column index (0-based) in the file. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Where each import field lands in the check-in body (error field paths are the API's). */
export const API_PATH: Record<ImportField, string> = {
  surname: 'guest.surname', givenNames: 'guest.givenNames', sex: 'guest.sex', dateOfBirth: 'guest.dateOfBirth',
  nationality: 'guest.nationality', documentNumber: 'guest.document.number', issuingState: 'guest.document.issuingState',
  documentExpiry: 'guest.document.expiryDate', permitKind: 'guest.permit.kind', permitNumber: 'guest.permit.number',
  permitValidFrom: 'guest.permit.validFrom', permitValidUntil: 'guest.permit.validUntil', arrivalDate: 'arrivalDate',
  plannedDeparture: 'plannedDeparture', departureDate: 'departureDate', room: 'room',
};

const ALIASES: Record<ImportField, string[]> = {
  surname: ['nama belakang', 'nama keluarga', 'surname', 'last name', 'family name', 'lastname'],
  givenNames: ['nama depan', 'nama kecil', 'given names', 'given name', 'first name', 'firstname', 'forename', 'nama'],
  sex: ['jenis kelamin', 'kelamin', 'jk', 'l/p', 'sex', 'gender'],
  dateOfBirth: ['tanggal lahir', 'tgl lahir', 'tgl. lahir', 'date of birth', 'birth date', 'birthdate', 'dob'],
  nationality: ['kewarganegaraan', 'kebangsaan', 'warga negara', 'negara asal', 'nationality', 'citizenship', 'country'],
  documentNumber: ['no paspor', 'no. paspor', 'nomor paspor', 'paspor', 'passport no', 'passport no.', 'passport number', 'passport', 'document number'],
  issuingState: ['negara penerbit', 'negara penerbit paspor', 'issuing state', 'issuing country', 'issued by'],
  documentExpiry: ['masa berlaku paspor', 'paspor berlaku sampai', 'tanggal habis paspor', 'tgl habis paspor', 'passport expiry', 'passport expiry date', 'expiry date', 'date of expiry', 'passport valid until'],
  permitKind: ['jenis izin tinggal', 'izin tinggal', 'jenis visa', 'visa', 'permit', 'permit kind', 'permit type', 'visa type', 'stay permit'],
  permitNumber: ['nomor izin tinggal', 'no izin tinggal', 'no. izin tinggal', 'nomor visa', 'no visa', 'permit number', 'permit no', 'visa number', 'visa no'],
  permitValidFrom: ['izin berlaku dari', 'izin tinggal berlaku dari', 'visa berlaku dari', 'permit valid from', 'visa valid from', 'permit from'],
  permitValidUntil: ['izin berlaku sampai', 'izin tinggal berlaku sampai', 'visa berlaku sampai', 'permit valid until', 'visa valid until', 'permit until', 'visa expiry', 'permit expiry'],
  arrivalDate: ['tanggal kedatangan', 'tgl kedatangan', 'tanggal datang', 'tgl datang', 'tanggal masuk', 'tgl masuk', 'tanggal check in', 'check in', 'checkin', 'check-in', 'arrival', 'arrival date', 'date of arrival'],
  plannedDeparture: ['rencana keluar', 'rencana kepulangan', 'rencana check out', 'planned departure', 'expected departure', 'planned check out'],
  departureDate: ['tanggal keluar', 'tgl keluar', 'tanggal kepulangan', 'tanggal check out', 'check out', 'checkout', 'check-out', 'departure', 'departure date', 'date of departure'],
  room: ['kamar', 'no kamar', 'no. kamar', 'nomor kamar', 'room', 'room no', 'room no.', 'room number'],
};

/** Lower case, letters and digits only: "No. Paspor" and "no paspor" meet. */
export const headerKey = (header: string): string => header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

const BY_KEY = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const alias of ALIASES[field]) BY_KEY.set(headerKey(alias), field);
for (const field of IMPORT_FIELDS) BY_KEY.set(headerKey(field), field); // the field's own name works too

/**
 * A mapping for a file's headers: the lodging's remembered one first (by header name), then
 * the common names. Each field gets at most one column, each column at most one field.
 */
export function suggestMapping(headers: string[], remembered: Partial<Record<ImportField, string>> = {}): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const keys = headers.map(headerKey);
  for (const field of IMPORT_FIELDS) {
    const header = remembered[field];
    if (header === undefined) continue;
    const i = keys.indexOf(headerKey(header));
    if (i >= 0 && !used.has(i)) { mapping[field] = i; used.add(i); }
  }
  keys.forEach((key, i) => {
    const field = BY_KEY.get(key);
    if (field && mapping[field] === undefined && !used.has(i)) { mapping[field] = i; used.add(i); }
  });
  return mapping;
}

/** The mapping by header name, to remember for the lodging's next file. */
export function mappingByHeader(mapping: ColumnMapping, headers: string[]): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  for (const [field, i] of Object.entries(mapping) as [ImportField, number][]) if (headers[i] !== undefined) out[field] = headers[i]!;
  return out;
}
