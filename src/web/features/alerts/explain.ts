import type { TFunction } from 'i18next';
import type { MatchReason } from '../../../domain/matching/types';
import { displayLocale, formatDate } from '../../lib/time';
import type { Alert } from './api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The alert's reason in the reader's language (rule.overstay → alerts.why.overstay): dates and
 * numbers in its format, a permit by its name, a watchlist hit's evidence piece by piece (an
 * alert stored before the evidence was kept in pieces shows its English detail).
 */
export function explainAlert(t: TFunction, lang: string, alert: Pick<Alert, 'explanation'>): string {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(alert.explanation.params)) {
    params[k] = typeof v === 'string' && ISO_DATE.test(v) ? formatDate(v, lang) : v;
  }
  if (typeof params.score === 'number') params.score = new Intl.NumberFormat(displayLocale(lang), { maximumFractionDigits: 3 }).format(params.score);
  if (typeof params.permit === 'string') params.permit = t(`permitShort.${params.permit}`, { defaultValue: params.permit });
  if (Array.isArray(params.reasons)) params.detail = (params.reasons as MatchReason[]).map((r) => reasonText(t, lang, r)).join(', ');
  return t(`alerts.why.${alert.explanation.key.replace(/^rule\./, '')}`, { ...params, defaultValue: alert.explanation.key });
}

/** One piece of a watchlist hit's evidence, e.g. "nama depan SERGEY ≈ SERGEI (0,95, varian)". */
function reasonText(t: TFunction, lang: string, r: MatchReason): string {
  switch (r.kind) {
    case 'name': {
      const role = t(`alerts.evidence.role.${r.role}`);
      if (r.how === 'equal' && r.similarity >= 1) return t('alerts.evidence.nameEqual', { role, query: r.query, entry: r.entry });
      const similarity = new Intl.NumberFormat(displayLocale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r.similarity);
      // a plain spelling difference needs no word; the other ways say how the names were found alike
      const how = r.how === 'spelling' || r.how === 'equal' ? '' : `, ${t(`alerts.evidence.how.${r.how}`, { defaultValue: r.how })}`;
      return t('alerts.evidence.nameAlike', { role, query: r.query, entry: r.entry, similarity, how });
    }
    case 'name_not_reported':
    case 'name_not_listed':
      return t(`alerts.evidence.${r.kind}`, { role: t(`alerts.evidence.role.${r.role}`), token: r.token });
    case 'birth_date':
      return t(`alerts.evidence.birthDate.${r.result}`, { defaultValue: r.result });
    case 'nationality':
      return t(`alerts.evidence.nationality.${r.result}`);
    default:
      return t(`alerts.evidence.${r.kind}`);
  }
}

export const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'yellow' } as const;
export const STATUS_COLOR = { new: 'red', acknowledged: 'blue', assigned: 'grape', resolved: 'gray' } as const;
