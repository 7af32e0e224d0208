import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PresentRow } from './api';

/** The row's flags as badges: overstay, permit ending soon, passport expired. */
export function Flags({ flags }: { flags: PresentRow['flags'] }) {
  const { t } = useTranslation();
  if (!flags.overstay && !flags.permitExpiring && !flags.passportExpired) return null;
  return (
    <Group gap={4} wrap="wrap">
      {flags.overstay && <Badge color="red" variant="filled" size="sm" data-testid="flag-overstay">{t('present.flagOverstay')}</Badge>}
      {flags.permitExpiring && <Badge color="orange" variant="light" size="sm" data-testid="flag-expiring">{t('present.flagExpiring')}</Badge>}
      {flags.passportExpired && <Badge color="grape" variant="light" size="sm" data-testid="flag-passport">{t('present.flagPassport')}</Badge>}
    </Group>
  );
}
