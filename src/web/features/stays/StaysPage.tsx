import { useState } from 'react';
import { Alert, Button, Center, Group, Pagination, Paper, Select, Skeleton, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Stay } from '../../api/types';
import { todayIn } from '../../lib/time';
import { IconPlus } from '../../shell/icons';
import { useCurrentUser, useZone } from '../auth/useMe';
import { useStays } from './api';
import { CheckOutModal } from './CheckOutModal';
import { StayTable } from './StayTable';
import { usePageTitle } from '../../lib/usePageTitle';
import { ExportButton } from './ExportButton';

const PAGE_SIZE = 20;

function StayList({ present, onCheckOut }: { present: boolean | undefined; onCheckOut: (s: Stay) => void }) {
  const { t } = useTranslation();
  const zone = useZone();
  const me = useCurrentUser();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState(present ? 'surname' : '-createdAt');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const stays = useStays({ present, page, pageSize: PAGE_SIZE, sort, q: debouncedQ || undefined });
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
        <ExportButton present={present} sort={sort} q={debouncedQ || undefined} />
      </Group>
      {stays.isError && <Alert color="red">{(stays.error as Error).message}</Alert>}
      {stays.isPending && <Skeleton h={240} />}
      {stays.data && stays.data.items.length === 0 && (
        <Center py="xl">
          <Stack align="center" gap={4}>
            <Text fw={600}>{present ? t('stays.emptyPresent') : t('stays.emptyRecent')}</Text>
            <Text size="sm" c="dimmed">{debouncedQ ? t('stays.emptySearch') : me.role === 'reporter' ? t('stays.emptyHint') : t('guestList.emptyHintArea')}</Text>
          </Stack>
        </Center>
      )}
      {stays.data && stays.data.items.length > 0 && (
        <>
          <StayTable items={stays.data.items} zone={zone} onCheckOut={onCheckOut} showStatus={!present} showLodging={me.role !== 'reporter'} testId={present ? 'present-table' : 'recent-table'} />
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
  const [checkingOut, setCheckingOut] = useState<Stay | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>{t('stays.title')}</Title>
          <Text c="dimmed" size="sm">{me.role === 'reporter' ? t('stays.subtitle') : t('stays.subtitleArea', { area: me.area?.name ?? '' })}</Text>
        </div>
        {me.abilities.checkIn && <Button component={Link} to="/check-in" leftSection={<IconPlus size={18} />}>{t('nav.checkIn')}</Button>}
      </Group>
      <Paper withBorder radius="md" p="md">
        <Tabs defaultValue="present" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="present" data-testid="tab-present">{t('stays.tabPresent')}</Tabs.Tab>
            <Tabs.Tab value="recent" data-testid="tab-recent">{t('stays.tabRecent')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="present"><StayList present onCheckOut={setCheckingOut} /></Tabs.Panel>
          <Tabs.Panel value="recent"><StayList present={undefined} onCheckOut={setCheckingOut} /></Tabs.Panel>
        </Tabs>
      </Paper>
      <CheckOutModal stay={checkingOut} today={todayIn(zone)} onClose={() => setCheckingOut(null)} />
    </Stack>
  );
}
