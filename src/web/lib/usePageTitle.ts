import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** "Dasbor pengawasan · Sinergi": each screen names itself for tabs, history and screen readers. */
export function usePageTitle(key: string): void {
  const { t } = useTranslation();
  useDocumentTitle(`${t(key)} · ${t('app.name')}`);
}
