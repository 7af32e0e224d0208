import { Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { SEVERITY_COLOR } from './explain';

type Counts = Record<'high' | 'medium' | 'low', number>;

/** Open alerts of the area by severity, on the dashboard; a click opens the inbox. */
export function OpenAlertsCard() {
  const { t } = useTranslation();
  const counts = useQuery({
    queryKey: ['alerts', 'counts'],
    queryFn: ({ signal }) => api<Counts>('/api/v1/alerts/counts', { signal }),
    refetchInterval: 30_000,
  });
  const c = counts.data;
  return (
    <UnstyledButton component={Link} to="/alerts" data-testid="open-alerts">
      <Paper withBorder p={{ base: 'xs', sm: 'md' }} radius="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{t('alerts.openOnDashboard')}</Text>
          <Group gap="xs">
            {(['high', 'medium', 'low'] as const).map((s) => (
              <Badge key={s} color={SEVERITY_COLOR[s]} variant={s === 'high' ? 'filled' : 'light'} size="lg" data-testid={`open-alerts-${s}`}>
                {t(`alerts.severity.${s}`)}: {c ? c[s] : '…'}
              </Badge>
            ))}
          </Group>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
