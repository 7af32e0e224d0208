// Languages of the guest's own pre-registration form (the clerk's screens stay id/en).

export const PREREG_LANGUAGES = ['id', 'en', 'zh', 'ru', 'ko', 'ja', 'ar'] as const;
export type PreregLanguage = (typeof PREREG_LANGUAGES)[number];

/** Each language named in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<PreregLanguage, string> = {
  id: 'Bahasa Indonesia', en: 'English', zh: '中文', ru: 'Русский', ko: '한국어', ja: '日本語', ar: 'العربية',
};

export const isPreregLanguage = (value: unknown): value is PreregLanguage =>
  typeof value === 'string' && (PREREG_LANGUAGES as readonly string[]).includes(value);

export const isRightToLeft = (lang: PreregLanguage): boolean => lang === 'ar';

/** The first of an Accept-Language list this form speaks ("ar-EG,en;q=0.8" → ar); Indonesian otherwise. */
export function preregLanguageOf(acceptLanguage: string | undefined): PreregLanguage {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const base = part.split(';')[0]!.trim().toLowerCase().split('-')[0];
    if (isPreregLanguage(base)) return base;
  }
  return 'id';
}
