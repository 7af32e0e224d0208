import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { zoneOf, formatDateTime } from '../../lib/time';
import { guestLabel } from '../stays/checkInForm';
import { removeReport, type QueuedReport } from './queue';

const COLOR = { queued: 'yellow', sent: 'green', refused: 'red' } as const;

/** The reports made on this device and their state: queued, sent (receipt number), refused (why). */
export function QueuePanel({ reports, onFix }: { reports: QueuedReport[]; onFix: (r: QueuedReport) => void }) {
  const { t, i18n } = useTranslation();
  if (!reports.length) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="queue-panel">
      <Title order={4} mb="xs">{t('clerkForm.queue.title')}</Title>
      <Stack gap="sm">
        {reports.map((r) => {
          const zone = zoneOf(r.zone);
          const late = r.state !== 'sent' && Date.now() > Date.parse(r.deadline);
          return (
            <Paper key={r.id} withBorder p="sm" radius="sm" data-testid="queued-report" data-state={r.state}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{guestLabel(r.input)}</Text>
                <Badge color={COLOR[r.state]} data-testid="queued-state">{t(`clerkForm.queue.state.${r.state}`)}</Badge>
              </Group>
              <Text size="xs" c="dimmed">{t('clerkForm.queue.made', { at: formatDateTime(r.createdAt, zone, i18n.language) })}</Text>
              {r.state !== 'sent' && (
                <Text size="sm" c={late ? 'red' : undefined} fw={late ? 700 : undefined} data-testid="queued-deadline">
                  {t(late ? 'clerkForm.queue.deadlinePassed' : 'clerkForm.queue.deadline', { at: formatDateTime(r.deadline, zone, i18n.language) })}
                </Text>
              )}
              {r.state === 'queued' && r.attempts > 0 && <Text size="xs" c="dimmed">{t('clerkForm.queue.retrying', { count: r.attempts })}</Text>}
              {r.state === 'sent' && r.receiptNumber && (
                <Text size="sm">{t('clerkForm.queue.receipt')} <Anchor component={Link} to={`/stays/${r.stayId}/receipt`} fw={700} data-testid="queued-receipt">{r.receiptNumber}</Anchor></Text>
              )}
              {r.state === 'refused' && r.error && (
                <Stack gap={2} data-testid="queued-reason">
                  <Text size="sm" c="red">{r.error.message}</Text>
                  {r.error.fieldErrors.map((e) => <Text key={e.field + e.message} size="xs" c="red">{e.field}: {e.message}</Text>)}
                </Stack>
              )}
              <Group gap="xs" mt="xs">
                {r.state === 'refused' && <Button size="xs" onClick={() => onFix(r)} data-testid="queued-fix">{t('clerkForm.queue.fix')}</Button>}
                <Button size="xs" variant="default" component={Link} to={`/check-in/queue/${r.id}`} data-testid="queued-proof">{t('clerkForm.queue.proof')}</Button>
                {r.state === 'sent' && <Button size="xs" variant="subtle" onClick={() => void removeReport(r.id)} data-testid="queued-clear">{t('clerkForm.queue.clear')}</Button>}
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Paper>
  );
}
