import { useState } from 'react';
import { Alert as Notice, Badge, Button, Card, Center, Group, Pagination, SegmentedControl, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { formatDate } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage } from '../../pages/StatusPage';
import { useCurrentUser } from '../auth/useMe';
import { useOperations } from './api';

const PAGE_SIZE = 20;

/** Joint operations of the officer's area: planned and done. */
export default function OperationsPage() {
  usePageTitle('operations.title');
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [status, setStatus] = useState<'all' | 'planned' | 'done'>('all');
  const [page, setPage] = useState(1);
  const list = useOperations({ status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE });
  if (list.error instanceof ApiError && list.error.status === 403) return <ForbiddenPage />;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>{t('operations.title')}</Title>
          <Text c="dimmed" size="sm">{t('operations.subtitle')}</Text>
        </div>
        {me.abilities.planOperations && <Button component={Link} to="/operations/new" data-testid="operation-new">{t('operations.plan')}</Button>}
      </Group>
      <SegmentedControl value={status} onChange={(v) => { setStatus(v as typeof status); setPage(1); }} w="fit-content"
        data={(['all', 'planned', 'done'] as const).map((s) => ({ value: s, label: t(`operations.filter.${s}`) }))} />
      {list.isError && <Notice color="red">{(list.error as Error).message}</Notice>}
      {list.isPending && <Skeleton h={200} />}
      {list.data && list.data.items.length === 0 && <Center py="xl"><Text c="dimmed">{t('operations.empty')}</Text></Center>}
      {list.data?.items.map((o) => (
        <UnstyledButton key={o.id} component={Link} to={`/operations/${o.id}`} data-testid="operation-row">
          <Card withBorder padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>{o.title}</Text>
              <Badge variant="light" color={o.status === 'done' ? 'gray' : 'blue'}>{t(`operations.status.${o.status}`)}</Badge>
            </Group>
            <Text size="xs" c="dimmed">{o.number} · {formatDate(o.plannedOn, i18n.language)} · {o.regionCode}</Text>
          </Card>
        </UnstyledButton>
      ))}
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
    </Stack>
  );
}
