import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCurrentUser, useZone } from '../auth/useMe';
import { useMySightings } from './api';
import { removeQueued, type QueuedSighting } from './queue';
import { SightingForm } from './SightingForm';
import { StatusBadge } from './StatusBadge';
import type { Sighting } from './types';
import { useSightingQueue } from './useSightingQueue';

const QUEUE_COLOR = { queued: 'yellow', sent: 'green', refused: 'red' } as const;

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  return online;
}

/**
 * "Laporan Deteksi Dini": the field officer's phone page. Works without signal: reports wait on
 * the phone and go once the signal returns; below, what became of each report.
 */
export default function FieldReportPage() {
  usePageTitle('sightings.title');
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const zone = useZone();
  const online = useOnline();
  const queue = useSightingQueue(me.id);
  const mine = useMySightings(me.id);
  const byId = new Map((mine.data?.items ?? []).map((s) => [s.id, s]));
  useEffect(() => { if (online) void mine.refetch(); }, [online, queue.filter((q) => q.state === 'sent').length]); // eslint-disable-line react-hooks/exhaustive-deps

  const queuedIds = new Set(queue.map((q) => q.sightingId));
  const older = (mine.data?.items ?? []).filter((s) => !queuedIds.has(s.id));

  return (
    <Stack maw={640} mx="auto" gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{t('sightings.title')}</Title>
        <Badge color={online ? 'green' : 'gray'} data-testid="sighting-online">{t(online ? 'sightings.online' : 'sightings.offline')}</Badge>
      </Group>
      <Text c="dimmed" size="sm">{t('sightings.intro')}</Text>
      <SightingForm me={me} />

      {queue.length > 0 && (
        <Paper withBorder p="md" radius="md" data-testid="sighting-queue">
          <Title order={4} mb="xs">{t('sightings.queue.title')}</Title>
          <Stack gap="sm">
            {queue.map((q) => <QueuedItem key={q.id} q={q} server={q.sightingId ? byId.get(q.sightingId) : undefined} />)}
          </Stack>
        </Paper>
      )}

      {older.length > 0 && (
        <Paper withBorder p="md" radius="md" data-testid="sighting-mine">
          <Title order={4} mb="xs">{t('sightings.mine.title')}</Title>
          <Stack gap="sm">
            {older.map((s) => (
              <Paper key={s.id} withBorder p="sm" radius="sm" data-testid="sighting-mine-item">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>{t(`sightings.category.${s.activity.category}`)} · {s.location.villageName ?? s.location.villageCode}</Text>
                  <StatusBadge status={s.status} />
                </Group>
                <Text size="xs" c="dimmed">{formatDateTime(s.observedAt, zone, i18n.language)}</Text>
                <Outcome s={s} />
              </Paper>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function Outcome({ s }: { s: Sighting }) {
  const { t } = useTranslation();
  if (s.status === 'new') return null;
  return (
    <Text size="sm" data-testid="sighting-outcome">
      {t(`sightings.outcome.${s.status}`)}{s.outcome.reason ? `: ${s.outcome.reason}` : ''}
    </Text>
  );
}

function QueuedItem({ q, server }: { q: QueuedSighting; server?: Sighting }) {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="sighting-queued" data-state={q.state}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{t(`sightings.category.${q.input.activity.category}`)}{q.input.subject.name ? ` · ${q.input.subject.name}` : ''}</Text>
        <Group gap={4}>
          <Badge color={QUEUE_COLOR[q.state]} data-testid="sighting-queued-state">{t(`sightings.queue.state.${q.state}`)}</Badge>
          {server && <StatusBadge status={server.status} />}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">{t('sightings.queue.made', { at: formatDateTime(q.createdAt, zone, i18n.language) })}</Text>
      {q.state === 'queued' && q.attempts > 0 && <Text size="xs" c="dimmed">{t('sightings.queue.retrying', { count: q.attempts })}</Text>}
      {q.photo && !q.photoSent && <Text size="xs" c="dimmed">{t('sightings.queue.photoWaiting')}</Text>}
      {server && <Outcome s={server} />}
      {q.state === 'refused' && q.error && (
        <Stack gap={2} data-testid="sighting-queued-reason">
          <Text size="sm" c="red">{q.error.message}</Text>
          {q.error.fieldErrors.map((e) => <Text key={e.field + e.message} size="xs" c="red">{e.field}: {e.message}</Text>)}
        </Stack>
      )}
      {q.state !== 'queued' && (
        <Button size="xs" variant="subtle" mt="xs" onClick={() => void removeQueued(q.id)} data-testid="sighting-queued-clear">{t('sightings.queue.clear')}</Button>
      )}
      {q.state === 'queued' && !navigator.onLine && <Alert color="gray" p={6} mt={6}>{t('sightings.queue.waiting')}</Alert>}
    </Paper>
  );
}
