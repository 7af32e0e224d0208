import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, zoneOf } from '../../lib/time';
import { IconAlert, IconPlus, IconPrinter } from '../../shell/icons';
import type { QueuedReport } from './queue';

/** Shown after a report made without signal: kept on the device, sent when the connection returns. */
export function QueuedNotice({ report, onAnother }: { report: QueuedReport; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const zone = zoneOf(report.zone);
  return (
    <Paper withBorder radius="md" p="xl" maw={640} mx="auto" data-testid="queued-notice">
      <Stack align="center" gap="sm">
        <ThemeIcon color="yellow" size={56} radius="xl"><IconAlert size={32} /></ThemeIcon>
        <Title order={3} ta="center">{t('clerkForm.queue.savedTitle')}</Title>
        <Text ta="center">{t('clerkForm.queue.savedBody')}</Text>
        <Text size="sm" c="dimmed" ta="center">{t('clerkForm.queue.made', { at: formatDateTime(report.createdAt, zone, i18n.language) })}</Text>
        <Text size="sm" fw={600} ta="center">{t('clerkForm.queue.deadline', { at: formatDateTime(report.deadline, zone, i18n.language) })}</Text>
        <Group justify="center" mt="md">
          <Button component={Link} to={`/check-in/queue/${report.id}`} variant="default" leftSection={<IconPrinter size={18} />} data-testid="queued-proof">{t('clerkForm.queue.proof')}</Button>
          <Button onClick={onAnother} leftSection={<IconPlus size={18} />} data-testid="report-another">{t('receipt.another')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
