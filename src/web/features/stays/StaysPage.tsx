import { useState } from 'react';
import { Alert, Button, Center, Group, Pagination, Paper, Select, Skeleton, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Stay } from '../../api/types';
import { todayIn } from '../../lib/time';
import { IconPlus } from '../../shell/icons';
import { useCurrentUser, useZone } from '../auth/useMe';
import { useStays } from './api';
import { CheckOutModal } from './CheckOutModal';
import { type Selection, StayTable } from './StayTable';
import type { StayAction } from './StayActions';
import { StayChangeModal } from './StayChangeModal';
import { BulkCheckOutModal } from './BulkCheckOutModal';
import { ReceiptsList } from './ReceiptsList';
import { ReminderBanner } from './ReminderBanner';
import type { ChangeKind } from './lifecycleApi';
import { usePageTitle } from '../../lib/usePageTitle';
import { ExportButton } from '../exports/ExportButton';

const PAGE_SIZE = 20;

function StayList({ present, toClose, onAction, onBulk }: {
  present: boolean | undefined; toClose?: boolean; onAction: (s: Stay, a: StayAction) => void; onBulk: (ids: string[], clear: () => void) => void;
}) {
  const { t } = useTranslation();
  const zone = useZone();
  const me = useCurrentUser();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState(present ? 'surname' : '-createdAt');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const stays = useStays({ present, toClose, page, pageSize: PAGE_SIZE, sort, q: debouncedQ || undefined });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selection: Selection = {
    selected,
    set: (ids, on) => setSelected((prev) => { const next = new Set(prev); for (const id of ids) if (on) next.add(id); else next.delete(id); return next; }),
  };
  const canSelect = present !== undefined || !!toClose;
  const sorts = ['-createdAt', 'createdAt', '-arrivalDate', 'arrivalDate', 'surname', '-surname'].map((v) => ({ value: v, label: t(`sort.${v}`) }));
  const pages = stays.data ? Math.max(1, Math.ceil(stays.data.total / (stays.data.pageSize || PAGE_SIZE))) : 1;

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t(me.fieldGroups && !me.fieldGroups.includes('document') ? 'stays.searchPlaceholderNames' : 'stays.searchPlaceholder')}
          value={q}
          onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }}
          style={{ flex: '1 1 220px' }}
        />
        <Select label={t('common.sort')} data={sorts} value={sort} onChange={(v) => { setSort(v ?? '-createdAt'); setPage(1); }} allowDeselect={false} w={220} data-testid={present ? 'present-sort' : 'recent-sort'} />
        <ExportButton source="stays" filter={{ present, toClose, sort, q: debouncedQ || undefined }} />
      </Group>
      {stays.isError && <Alert color="red">{(stays.error as Error).message}</Alert>}
      {stays.isPending && <Skeleton h={240} />}
      {stays.data && stays.data.items.length === 0 && (
        <Center py="xl">
          <Stack align="center" gap={4}>
            <Text fw={600}>{toClose ? t('lifecycle.emptyToClose') : present ? t('stays.emptyPresent') : t('stays.emptyRecent')}</Text>
            <Text size="sm" c="dimmed">{debouncedQ ? t('stays.emptySearch') : me.role === 'reporter' ? t('stays.emptyHint') : t('guestList.emptyHintArea')}</Text>
          </Stack>
        </Center>
      )}
      {stays.data && stays.data.items.length > 0 && (
        <>
          {selected.size > 0 && (
            <Group gap="sm" data-testid="bulk-bar">
              <Text size="sm" fw={600}>{t('lifecycle.selected', { count: selected.size })}</Text>
              <Button size="xs" onClick={() => onBulk([...selected], () => setSelected(new Set()))} data-testid="bulk-open">{t('lifecycle.bulkCheckOut')}</Button>
              <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>{t('lifecycle.clearSelection')}</Button>
            </Group>
          )}
          <StayTable items={stays.data.items} zone={zone} onAction={onAction} selection={canSelect ? selection : undefined} showStatus={!present}
            showLodging={me.role !== 'reporter'} testId={toClose ? 'to-close-table' : present ? 'present-table' : 'recent-table'} />
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">{t('common.totalRows', { count: stays.data.total })}</Text>
            {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
          </Group>
        </>
      )}
    </Stack>
  );
}

export function StaysPage() {
  usePageTitle('stays.title');
  const { t } = useTranslation();
  const zone = useZone();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const [tab, setTab] = useState<string | null>(params.get('tab') ?? 'present');
  const [checkingOut, setCheckingOut] = useState<Stay | null>(null);
  const [changing, setChanging] = useState<{ stay: Stay; kind: ChangeKind } | null>(null);
  const [bulk, setBulk] = useState<{ ids: string[]; clear: () => void } | null>(null);
  const onAction = (stay: Stay, action: StayAction) => (action === 'checkOut' ? setCheckingOut(stay) : setChanging({ stay, kind: action }));
  const onBulk = (ids: string[], clear: () => void) => setBulk({ ids, clear });
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>{t('stays.title')}</Title>
          <Text c="dimmed" size="sm">{me.role === 'reporter' ? t('stays.subtitle') : t('stays.subtitleArea', { area: me.area?.name ?? '' })}</Text>
        </div>
        {me.abilities.checkIn && <Button component={Link} to="/check-in" leftSection={<IconPlus size={18} />}>{t('nav.checkIn')}</Button>}
      </Group>
      {me.role === 'reporter' && <ReminderBanner onShow={() => setTab('toClose')} />}
      <Paper withBorder radius="md" p="md">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="present" data-testid="tab-present">{t('stays.tabPresent')}</Tabs.Tab>
            <Tabs.Tab value="toClose" data-testid="tab-to-close">{t('lifecycle.tabToClose')}</Tabs.Tab>
            <Tabs.Tab value="recent" data-testid="tab-recent">{t('stays.tabRecent')}</Tabs.Tab>
            <Tabs.Tab value="receipts" data-testid="tab-receipts">{t('lifecycle.tabReceipts')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="present"><StayList present onAction={onAction} onBulk={onBulk} /></Tabs.Panel>
          <Tabs.Panel value="toClose">
            <Text size="sm" c="dimmed" mb="sm">{t('lifecycle.toCloseHint')}</Text>
            <StayList present={undefined} toClose onAction={onAction} onBulk={onBulk} />
          </Tabs.Panel>
          <Tabs.Panel value="recent"><StayList present={undefined} onAction={onAction} onBulk={onBulk} /></Tabs.Panel>
          <Tabs.Panel value="receipts"><ReceiptsList /></Tabs.Panel>
        </Tabs>
      </Paper>
      <CheckOutModal stay={checkingOut} today={todayIn(zone)} onClose={() => setCheckingOut(null)} />
      <StayChangeModal stay={changing?.stay ?? null} kind={changing?.kind ?? null} onClose={() => setChanging(null)} />
      <BulkCheckOutModal ids={bulk?.ids ?? null} today={todayIn(zone)} onClose={() => setBulk(null)} onDone={() => bulk?.clear()} />
    </Stack>
  );
}
