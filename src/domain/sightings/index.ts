// Early-detection reports (laporan deteksi dini): what a village or RT/RW field officer saw.
// Shared by the server (validation, rules facts), the web (field form, triage) and the docs.

/** What the person was seen doing. `working` is what the visa-misuse rule looks at. */
export const ACTIVITY_CATEGORIES = ['working', 'trading', 'religious', 'studying', 'tourism', 'staying_unreported', 'other'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

/** Labels, Indonesian first. */
export const ACTIVITY_LABELS: Record<ActivityCategory, { id: string; en: string }> = {
  working: { id: 'Bekerja', en: 'Working' },
  trading: { id: 'Berdagang', en: 'Trading' },
  religious: { id: 'Kegiatan keagamaan', en: 'Religious activity' },
  studying: { id: 'Belajar / sekolah', en: 'Studying' },
  tourism: { id: 'Wisata', en: 'Tourism' },
  staying_unreported: { id: 'Tinggal tanpa laporan', en: 'Staying unreported' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** What became of a report: the officer who sent it sees this. */
export const SIGHTING_STATUSES = ['new', 'linked', 'case_opened', 'dismissed'] as const;
export type SightingStatus = (typeof SIGHTING_STATUSES)[number];

/** The rules' view of an activity: only work matters to visa misuse (trading is work too). */
export const ruleActivity = (category: string): 'work' | 'other' => (category === 'working' || category === 'trading' ? 'work' : 'other');

/** A report may describe what was seen up to this many days ago (a phone offline for weeks still counts). */
export const SIGHTING_MAX_AGE_DAYS = 30;
/** Clock skew allowed between phone and server before an observation counts as "in the future". */
export const SIGHTING_FUTURE_SKEW_MS = 10 * 60_000;

/** Photo limits: JPEG or PNG, at most 5 MB, checked by content (not by the name or the declared type). */
export const SIGHTING_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const SIGHTING_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

/** The image type by its first bytes, or null when it is neither JPEG nor PNG. */
export function sniffImage(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

/** RT and RW are small free numbers ("003"), not in any official code list. */
export const RT_RW_PATTERN = '^\\d{1,3}$';
