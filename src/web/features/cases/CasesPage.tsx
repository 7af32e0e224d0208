import { useState } from 'react';
import { Alert as Notice, Badge, Card, Center, Group, Pagination, SegmentedControl, Select, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage } from '../../pages/StatusPage';
import { useZone } from '../auth/useMe';
import { type CaseListParams, STATUS_COLOR, useCases } from './api';

const PAGE_SIZE = 20;

/** The cases the officer may see: filter by status and by who they are assigned to. */
export default function CasesPage() {
  usePageTitle('cases.title');
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const [status, setStatus] = useState<NonNullable<CaseListParams['status']> | 'all'>('active');
  const [mine, setMine] = useState<CaseListParams['mine'] | null>(null);
  const [page, setPage] = useState(1);
  const list = useCases({ status: status === 'all' ? undefined : status, mine: mine ?? undefined, page, pageSize: PAGE_SIZE });
  if (list.error instanceof ApiError && list.error.status === 403) return <ForbiddenPage />;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={2}>{t('cases.title')}</Title>
        <Text c="dimmed" size="sm">{t('cases.subtitle')}</Text>
      </div>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl value={status} onChange={(v) => { setStatus(v as typeof status); setPage(1); }} data-testid="case-filter-status" size="xs"
          data={(['active', 'open', 'in_progress', 'action_taken', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`cases.filter.${s}`) }))} />
        <Select placeholder={t('cases.mine.all')} clearable value={mine ?? null} onChange={(v) => { setMine(v as typeof mine); setPage(1); }} w={220}
          aria-label={t('cases.mine.label')} data-testid="case-filter-mine"
          data={[{ value: 'me', label: t('cases.mine.me') }, { value: 'agency', label: t('cases.mine.agency') }]} />
      </Group>
      {list.isError && <Notice color="red">{(list.error as Error).message}</Notice>}
      {list.isPending && <Skeleton h={200} />}
      {list.data && list.data.items.length === 0 && (
        <Center py="xl" data-testid="cases-empty"><Text c="dimmed">{t('cases.empty')}</Text></Center>
      )}
      {list.data?.items.map((c) => (
        <UnstyledButton key={c.id} component={Link} to={`/cases/${c.id}`} data-testid="case-row">
          <Card withBorder padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>{c.title}</Text>
              <Badge color={STATUS_COLOR[c.status]} variant="light">{t(`cases.status.${c.status}`)}</Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {c.number} · {t(`cases.source.${c.source.kind}`)} · {c.assignedAgency?.name ?? t('cases.unassigned')} · {formatDateTime(c.updatedAt, zone, i18n.language)}
            </Text>
          </Card>
        </UnstyledButton>
      ))}
      {list.data && list.data.items.length > 0 && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">{t('common.totalRows', { count: list.data.total })}</Text>
          {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
        </Group>
      )}
    </Stack>
  );
}
