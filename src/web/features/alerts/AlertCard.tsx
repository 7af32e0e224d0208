import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from '../../api/reference';
import { formatDateTime, type Zone } from '../../lib/time';
import type { Alert } from './api';
import { explainAlert, SEVERITY_COLOR, STATUS_COLOR } from './explain';

/** One alert in the inbox: severity, what and why, whom, and where it stands. */
export function AlertCard({ alert: a, zone, onOpen }: { alert: Alert; zone: Zone; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  const name = [a.person.surname, a.person.givenNames].filter(Boolean).join(', ') || t('alerts.personWithheld');
  return (
    <UnstyledButton onClick={onOpen} data-testid="alert" w="100%">
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Badge color={SEVERITY_COLOR[a.severity]} variant="filled">{t(`alerts.severity.${a.severity}`)}</Badge>
            <Text fw={600}>{t(`alerts.rules.${a.rule}`, { defaultValue: a.rule })}</Text>
          </Group>
          <Badge color={STATUS_COLOR[a.status]} variant="light">{t(`alerts.status.${a.status}`)}</Badge>
        </Group>
        <Stack gap={2} mt={6}>
          <Text size="sm">{name}{a.person.nationality ? ` · ${country(a.person.nationality)}` : ''}</Text>
          <Text size="sm" c="dimmed">{explainAlert(t, i18n.language, a)}</Text>
          <Text size="xs" c="dimmed">{formatDateTime(a.createdAt, zone, i18n.language)} · {a.regionCode}</Text>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}
