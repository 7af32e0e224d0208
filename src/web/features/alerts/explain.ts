import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/time';
import type { Alert } from './api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The alert's reason in the reader's language, dates in its format (rule.overstay → alerts.why.overstay). */
export function explainAlert(t: TFunction, lang: string, alert: Pick<Alert, 'explanation'>): string {
  const params = Object.fromEntries(Object.entries(alert.explanation.params)
    .map(([k, v]) => [k, typeof v === 'string' && ISO_DATE.test(v) ? formatDate(v, lang) : v]));
  return t(`alerts.why.${alert.explanation.key.replace(/^rule\./, '')}`, { ...params, defaultValue: alert.explanation.key });
}

export const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'yellow' } as const;
export const STATUS_COLOR = { new: 'red', acknowledged: 'blue', assigned: 'grape', resolved: 'gray' } as const;
