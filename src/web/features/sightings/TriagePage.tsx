import { useState } from 'react';
import { Alert, Drawer, Group, Pagination, Paper, Select, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_CATEGORIES, SIGHTING_STATUSES } from '../../../domain/sightings';
import { formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useZone } from '../auth/useMe';
import { useTriageList } from './api';
import { StatusBadge } from './StatusBadge';
import { TriagePanel } from './TriagePanel';

/** The team's triage list of sightings in its area, newest first. */
export default function TriagePage() {
  usePageTitle('sightings.triage.title');
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const [status, setStatus] = useState<string | null>('new');
  const [category, setCategory] = useState<string | null>(null);
  const [village, setVillage] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const villageFilter = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(village.trim()) ? village.trim() : undefined;
  const list = useTriageList({ status: status ?? undefined, category: category ?? undefined, village: villageFilter, page });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / 20));

  return (
    <Stack gap="md">
      <Title order={2}>{t('sightings.triage.title')}</Title>
      <Group gap="sm" wrap="wrap">
        <Select label={t('sightings.triage.status')} clearable data={SIGHTING_STATUSES.map((s) => ({ value: s, label: t(`sightings.status.${s}`) }))}
          value={status} onChange={(v) => { setStatus(v); setPage(1); }} w={180} data-testid="sighting-filter-status" />
        <Select label={t('sightings.form.category')} clearable data={ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: t(`sightings.category.${c}`) }))}
          value={category} onChange={(v) => { setCategory(v); setPage(1); }} w={200} data-testid="sighting-filter-category" />
        <TextInput label={t('sightings.triage.region')} placeholder="73.12.04" value={village} onChange={(e) => { setVillage(e.currentTarget.value); setPage(1); }} w={160} data-testid="sighting-filter-village" />
      </Group>
      {list.isError && <Alert color="red">{(list.error as Error).message}</Alert>}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('sightings.triage.empty')}</Text>}
      <Stack gap="xs" data-testid="sighting-triage-list">
        {(list.data?.items ?? []).map((s) => (
          <UnstyledButton key={s.id} onClick={() => setOpen(s.id)} data-testid="sighting-row" data-id={s.id}>
            <Paper withBorder p="sm" radius="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{t(`sightings.category.${s.activity.category}`)} · {s.location.villageName ?? s.location.villageCode}</Text>
                <StatusBadge status={s.status} />
              </Group>
              <Text size="xs" c="dimmed">{formatDateTime(s.observedAt, zone, i18n.language)} · {s.reporter.name ?? ''}</Text>
              {(s.subject.name || s.activity.note) && <Text size="sm" lineClamp={2}>{[s.subject.name, s.activity.note].filter(Boolean).join(' — ')}</Text>}
            </Paper>
          </UnstyledButton>
        ))}
      </Stack>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" size="md" title={t('sightings.detail.title')}>
        {open && <TriagePanel id={open} onDone={() => undefined} />}
      </Drawer>
    </Stack>
  );
}
