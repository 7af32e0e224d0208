import { useState } from 'react';
import { Alert, Center, Group, Pagination, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { ConflictDecision, IdentityConflict } from '../../api/types';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage } from '../../pages/StatusPage';
import { useZone } from '../auth/useMe';
import { useIdentityConflicts } from './api';
import { ConflictCard } from './ConflictCard';
import { ResolveModal } from './ResolveModal';

const PAGE_SIZE = 10;
type Status = 'open' | 'resolved';

/** Identity conflicts of the area, for officers who work screening; immigration decides them. */
export default function ConflictsPage() {
  usePageTitle('conflicts.title');
  const { t } = useTranslation();
  const zone = useZone();
  const [status, setStatus] = useState<Status>('open');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ conflict: IdentityConflict; decision: ConflictDecision } | null>(null);
  const list = useIdentityConflicts({ status, page, pageSize: PAGE_SIZE });
  if (list.error instanceof ApiError && list.error.status === 403) return <ForbiddenPage />;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / (list.data.pageSize || PAGE_SIZE))) : 1;

  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={2}>{t('conflicts.title')}</Title>
        <Text c="dimmed" size="sm">{t('conflicts.subtitle')}</Text>
      </div>
      <SegmentedControl
        value={status}
        onChange={(v) => { setStatus(v as Status); setPage(1); }}
        data={[{ value: 'open', label: t('conflicts.filterOpen') }, { value: 'resolved', label: t('conflicts.filterResolved') }]}
        w="fit-content"
        data-testid="conflict-status"
      />
      {list.isError && <Alert color="red">{(list.error as Error).message}</Alert>}
      {list.isPending && <Skeleton h={200} />}
      {list.data && list.data.items.length === 0 && (
        <Center py="xl" data-testid="conflicts-empty">
          <Stack align="center" gap={4}>
            <Text fw={600}>{status === 'open' ? t('conflicts.emptyOpen') : t('conflicts.emptyResolved')}</Text>
            <Text size="sm" c="dimmed" ta="center">{t('conflicts.emptyHint')}</Text>
          </Stack>
        </Center>
      )}
      {list.data?.items.map((c) => (
        <ConflictCard key={c.id} conflict={c} zone={zone} onDecide={(decision) => setDeciding({ conflict: c, decision })} />
      ))}
      {list.data && list.data.items.length > 0 && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">{t('common.totalRows', { count: list.data.total })}</Text>
          {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
        </Group>
      )}
      <ResolveModal target={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}
