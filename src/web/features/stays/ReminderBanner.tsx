import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert } from '../../shell/icons';
import { useReminders } from './lifecycleApi';

/** On the reporter's home screen: guests past their planned departure and not checked out, and the daily reminder. */
export function ReminderBanner({ onShow }: { onShow: () => void }) {
  const { t } = useTranslation();
  const reminders = useReminders();
  const n = reminders.data?.toClose ?? 0;
  if (n === 0) return null;
  return (
    <Alert color="orange" icon={<IconAlert size={18} />} title={t('lifecycle.toCloseTitle', { count: n })} data-testid="to-close-banner">
      {t('lifecycle.toCloseText')}{' '}
      <Button size="compact-sm" variant="white" color="orange" onClick={onShow} data-testid="to-close-show">{t('lifecycle.toCloseShow')}</Button>
    </Alert>
  );
}
