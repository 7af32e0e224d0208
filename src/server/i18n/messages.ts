// Server-side messages, Bahasa Indonesia first. Keys are stable; the web has its own catalogue.

export type Lang = 'id' | 'en';

const messages = {
  'problem.validation': { id: 'Data tidak valid', en: 'Invalid data' },
  'problem.unauthenticated': { id: 'Silakan masuk terlebih dahulu', en: 'Please sign in first' },
  'problem.forbidden': { id: 'Anda tidak berwenang melakukan ini', en: 'You are not allowed to do this' },
  'problem.not_found': { id: 'Data tidak ditemukan', en: 'Not found' },
  'problem.conflict': { id: 'Terjadi konflik dengan data yang ada', en: 'Conflicts with existing data' },
  'problem.payload_too_large': { id: 'Data yang dikirim terlalu besar', en: 'The request is too large' },
  'problem.rate_limited': { id: 'Terlalu banyak permintaan, coba lagi nanti', en: 'Too many requests, try again later' },
  'problem.unsupported_media_type': { id: 'Format data tidak didukung (gunakan JSON)', en: 'Unsupported content type (use JSON)' },
  'problem.uri_too_long': { id: 'Alamat (URL) terlalu panjang', en: 'The address (URL) is too long' },
  'problem.header_too_large': { id: 'Header permintaan terlalu besar', en: 'Request headers are too large' },
  'problem.timeout': { id: 'Permintaan terlalu lama tidak selesai', en: 'The request took too long to arrive' },
  'problem.internal': { id: 'Terjadi kesalahan pada server', en: 'Server error' },

  'field.required': { id: 'Wajib diisi', en: 'Required' },
  'field.too_long': { id: 'Terlalu panjang (maksimal {limit} karakter)', en: 'Too long (at most {limit} characters)' },
  'field.too_short': { id: 'Terlalu pendek (minimal {limit} karakter)', en: 'Too short (at least {limit} characters)' },
  'field.bad_format': { id: 'Format tidak valid', en: 'Invalid format' },
  'field.bad_date': { id: 'Tanggal tidak valid (format YYYY-MM-DD)', en: 'Invalid date (format YYYY-MM-DD)' },
  'field.bad_enum': { id: 'Pilihan tidak dikenal; yang boleh: {allowed}', en: 'Unknown choice; allowed: {allowed}' },
  'field.bad_type': { id: 'Jenis nilai salah (harus {type})', en: 'Wrong type (must be {type})' },
  'field.unknown_property': { id: 'Kolom tidak dikenal', en: 'Unknown field' },
  'field.out_of_range': { id: 'Nilai di luar batas', en: 'Value out of range' },
  'field.date_in_future': { id: 'Tanggal tidak boleh di masa depan', en: 'Date must not be in the future' },
  'field.date_too_old': { id: 'Tanggal terlalu lampau', en: 'Date is too far in the past' },
  'field.unknown_country': { id: 'Kode negara tidak dikenal (gunakan kode ICAO 3 huruf)', en: 'Unknown country code (use the ICAO 3-letter code)' },
  'field.duplicate_in_group': { id: 'Paspor ini sudah ada di baris {line} rombongan', en: 'This passport is already on line {line} of the group' },
  'field.user_not_in_agency': { id: 'Pengguna ini bukan anggota instansi tersebut', en: 'This user is not a member of that agency' },
  'field.https_required': { id: 'Alamat harus https:// (http hanya untuk localhost)', en: 'The address must be https:// (http only for localhost)' },
  'field.unknown_team': { id: 'Tim tidak dikenal', en: 'Unknown team' },
  'field.before_arrival': { id: 'Tidak boleh sebelum tanggal kedatangan', en: 'Must not be before the arrival date' },
  'field.before_valid_from': { id: 'Tidak boleh sebelum tanggal mulai berlaku', en: 'Must not be before the start of validity' },
  'field.permit_until_required': { id: 'Izin tinggal jenis ini wajib punya tanggal akhir berlaku', en: 'This permit kind needs an end date' },
  'field.arrival_far_future': { id: 'Tanggal kedatangan terlalu jauh di masa depan', en: 'Arrival date is too far in the future' },
  'field.bad_document_number': { id: 'Nomor paspor hanya huruf dan angka (maksimal 20)', en: 'Passport number: letters and digits only (at most 20)' },
  'field.unknown_region': { id: 'Kode wilayah tidak dikenal', en: 'Unknown region code' },
  'field.unknown_agency': { id: 'Instansi tidak dikenal', en: 'Unknown agency' },
  'field.unknown_reporter_org': { id: 'Pelapor tidak dikenal', en: 'Unknown reporting organisation' },
  'field.unknown_lodging': { id: 'Tempat penginapan tidak dikenal', en: 'Unknown lodging' },
  'field.username_taken': { id: 'Nama pengguna sudah dipakai', en: 'Username already taken' },
  'field.password_weak': { id: 'Kata sandi minimal 10 karakter', en: 'Password needs at least 10 characters' },
  'field.area_required': { id: 'Peran ini wajib punya wilayah kerja', en: 'This role needs a work area' },
  'field.agency_required': { id: 'Peran ini wajib punya instansi', en: 'This role needs an agency' },
  'field.reporter_org_required': { id: 'Akun pelapor wajib terhubung ke pelapor', en: 'A reporter account needs a reporting organisation' },
  'field.lodging_required': { id: 'Sebutkan tempat penginapan (lodgingId)', en: 'Name the lodging (lodgingId)' },
  'field.wrong_credentials': { id: 'Nama pengguna atau kata sandi salah', en: 'Wrong username or password' },
  'field.totp_required': { id: 'Masukkan kode autentikator (6 angka)', en: 'Enter the authenticator code (6 digits)' },
  'field.api_key_invalid': { id: 'Kunci API tidak dikenal atau sudah dicabut', en: 'Unknown or revoked API key' },
  'field.idempotency_in_progress': { id: 'Permintaan dengan kunci ini masih diproses; coba lagi sebentar lagi', en: 'A request with this key is still being processed; retry shortly' },
  'field.batch_items': { id: 'Kirim {limit} data atau kurang dalam items (dan tidak ada kolom lain)', en: 'Send between 1 and {limit} entries in items (and no other field)' },
  'field.idempotency_reused': { id: 'Kunci ini sudah dipakai untuk data lain', en: 'This key was already used with other data' },
  'field.export_too_large': { id: 'Terlalu banyak baris untuk satu ekspor (maksimal {limit}); persempit filter', en: 'Too many rows for one export (at most {limit}); narrow the filter' },
  'field.totp_wrong': { id: 'Kode autentikator salah', en: 'Wrong authenticator code' },
  'field.recovery_code_wrong': { id: 'Kode pemulihan salah atau sudah dipakai', en: 'Wrong or already used recovery code' },
  'field.current_password_wrong': { id: 'Kata sandi saat ini salah', en: 'Current password is wrong' },
  'field.password_is_username': { id: 'Kata sandi tidak boleh sama dengan nama pengguna', en: 'The password must not be the username' },
  'field.second_factor_proof': { id: 'Masukkan kode autentikator saat ini, atau kata sandi dan kode pemulihan', en: 'Enter the current authenticator code, or the password and a recovery code' },
  'field.bad_characters': { id: 'Berisi karakter tersembunyi atau karakter kontrol yang tidak diperbolehkan', en: 'Contains hidden or control characters that are not allowed' },
  'field.no_letters': { id: 'Harus berisi setidaknya satu huruf', en: 'Must contain at least one letter' },
  'field.birth_after_arrival': { id: 'Tanggal lahir tidak boleh setelah tanggal kedatangan', en: 'Date of birth must not be after the arrival date' },
  'field.date_too_far': { id: 'Tanggal terlalu jauh di masa depan', en: 'Date is too far in the future' },
  'field.nul_character': { id: 'Berisi karakter NUL yang tidak diperbolehkan', en: 'Contains a NUL character, which is not allowed' },
  'field.too_many_properties': { id: 'Terlalu banyak kolom atau elemen (maksimal {limit})', en: 'Too many fields or items (at most {limit})' },
  'field.too_deep': { id: 'Struktur data terlalu dalam (maksimal {limit} tingkat)', en: 'Data nested too deeply (at most {limit} levels)' },
  'field.nib_format': { id: 'NIB harus 13 angka', en: 'The NIB (business licence number) must be 13 digits' },
  'field.nik_format': { id: 'NIK harus 16 angka sesuai KTP (kode wilayah, tanggal lahir, nomor urut)', en: 'The NIK must be the 16 digits of the ID card (region code, birth date, serial)' },
  'field.gps_outside_indonesia': { id: 'Titik GPS berada di luar wilayah Indonesia', en: 'The GPS point lies outside Indonesia' },
  'field.gps_pair': { id: 'Isi lintang dan bujur bersama-sama', en: 'Give latitude and longitude together' },
  'field.not_village': { id: 'Pilih desa/kelurahan (kode 10 angka, mis. 73.12.04.1001)', en: 'Choose a village (10-digit code, e.g. 73.12.04.1001)' },
  'field.phone_format': { id: 'Nomor telepon tidak valid (mis. 0812 3456 7890 atau +62 ...)', en: 'Invalid phone number (e.g. 0812 3456 7890 or +62 ...)' },
  'field.email_format': { id: 'Alamat e-mail tidak valid', en: 'Invalid e-mail address' },
  'field.username_format': { id: 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung', en: 'Username of 3–40 characters: lower-case letters, digits, dot, underscore or hyphen' },
  'field.token_invalid': { id: 'Tautan tidak valid, sudah dipakai, atau kedaluwarsa', en: 'The link is invalid, already used or expired' },
  // other report kinds (work and residence reports)
  'field.unknown_village': { id: 'Kode desa/kelurahan tidak dikenal', en: 'Unknown village (desa/kelurahan) code' },
  'field.period_order': { id: 'Tidak boleh sebelum tanggal mulai', en: 'Must not be before the start date' },
  'field.start_far_future': { id: 'Tanggal mulai paling lambat besok; laporkan saat mulai bekerja/tinggal', en: 'The start may be at most tomorrow; report when the work or residence starts' },
  'detail.not_verified': { id: 'Pelapor belum diverifikasi oleh Kantor Imigrasi', en: 'The reporter is not yet verified by the immigration office' },
  'detail.alert_not_new': { id: 'Peringatan ini sudah ditanggapi', en: 'This alert has already been acknowledged' },
  'detail.alert_resolved': { id: 'Peringatan ini sudah diselesaikan; buka kembali dahulu', en: 'This alert is resolved; reopen it first' },
  'detail.alert_open': { id: 'Peringatan ini belum diselesaikan', en: 'This alert is not resolved' },
  'detail.conflict_resolved': { id: 'Konflik identitas ini sudah diputuskan', en: 'This identity conflict has already been decided' },
  'detail.already_checked_out': { id: 'Tamu ini sudah check-out', en: 'This guest has already checked out' },
  'detail.session_required': { id: 'Tindakan ini hanya lewat akun yang masuk (bukan kunci API)', en: 'This needs a signed-in account, not an API key' },
  'detail.idempotency_in_progress': { id: 'Permintaan dengan Idempotency-Key yang sama masih diproses', en: 'A request with the same Idempotency-Key is still being processed' },
  'detail.idempotency_mismatch': { id: 'Idempotency-Key sudah dipakai untuk permintaan lain', en: 'Idempotency-Key was already used for a different request' },
  'detail.passport_other_person': { id: 'Nomor paspor ini sudah terdaftar atas orang lain dengan data berbeda', en: 'This passport number is registered to a person with different details' },
  'detail.second_admin_required': { id: 'Akun ini harus disetujui oleh administrator lain, bukan pembuatnya', en: 'This account must be approved by another administrator, not the one who created it' },
  'detail.not_pending': { id: 'Akun ini tidak sedang menunggu persetujuan', en: 'This account is not awaiting approval' },
  'detail.email_not_verified': { id: 'Pendaftar belum memverifikasi alamat e-mailnya', en: 'The registrant has not yet verified the e-mail address' },
  'detail.registration_decided': { id: 'Pendaftaran ini sudah diputuskan', en: 'This registration has already been decided' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = messages[key][lang];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks 'en' only when the client prefers English over Indonesian. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'id';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}
