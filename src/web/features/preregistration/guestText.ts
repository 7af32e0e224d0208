// The guest form's own catalogue: seven languages, apart from the clerk's id/en app strings.
// Problems use the domain's words (src/domain/preregistration/errors), the same the server sends.
import countries from 'i18n-iso-countries';
import { PREREG_LANGUAGES, type PreregLanguage, isPreregLanguage } from '../../../domain/preregistration/languages';
import ar from './locales/ar.json';
import en from './locales/en.json';
import id from './locales/id.json';
import ja from './locales/ja.json';
import ko from './locales/ko.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';

export type GuestKey = keyof typeof en;
const CATALOGUE: Record<PreregLanguage, Record<GuestKey, string>> = { id, en, zh, ru, ko, ja, ar };

export const guestText = (lang: PreregLanguage) => (key: GuestKey): string => CATALOGUE[lang][key] ?? CATALOGUE.en[key];

const STORAGE_KEY = 'sinergi.guestLang';

/** The guest's earlier choice on this phone, else the phone's language, else Indonesian. */
export function initialGuestLanguage(): PreregLanguage {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isPreregLanguage(stored)) return stored;
  } catch { /* storage unavailable */ }
  for (const l of typeof navigator !== 'undefined' ? navigator.languages ?? [] : []) {
    const base = l.toLowerCase().split('-')[0];
    if (isPreregLanguage(base)) return base;
  }
  return 'id';
}

export function rememberGuestLanguage(lang: PreregLanguage): void {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage unavailable */ }
}

export { PREREG_LANGUAGES };

/**
 * Countries for the guest's pickers, named in the guest's language by the browser itself
 * (Intl.DisplayNames), by ICAO code: Germany is "D", as in its passports' machine-readable zone.
 */
export function countryOptions(lang: PreregLanguage): { value: string; label: string }[] {
  let names: Intl.DisplayNames | null = null;
  try { names = new Intl.DisplayNames([lang], { type: 'region' }); } catch { /* old browser: codes only */ }
  const list = Object.entries(countries.getAlpha3Codes()).map(([alpha3, alpha2]) => ({
    value: alpha3 === 'DEU' ? 'D' : alpha3,
    label: `${names?.of(alpha2) ?? alpha3} (${alpha3 === 'DEU' ? 'D' : alpha3})`,
  }));
  return list.sort((a, b) => a.label.localeCompare(b.label, lang));
}
