import { Alert, Badge, Center, ScrollArea, Skeleton, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useZone } from '../auth/useMe';
import { formatDateTime } from '../../lib/time';
import { usePendingAccounts } from './api';

/** Accounts that can see personal data, waiting for a second administrator. */
export function PendingAccountsTab() {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const pending = usePendingAccounts();
  if (pending.error) return <Alert color="red">{(pending.error as Error).message}</Alert>;
  if (pending.isPending) return <Skeleton h={120} />;
  const items = pending.data?.items ?? [];
  if (items.length === 0) return <Center py="xl"><Text c="dimmed">{t('audit.noPendingAccounts')}</Text></Center>;
  return (
    <ScrollArea>
      <Table striped miw={560} fz="sm" data-testid="audit-pending-accounts">
        <Table.Thead>
          <Table.Tr><Table.Th>{t('admin.username')}</Table.Th><Table.Th>{t('admin.role')}</Table.Th><Table.Th>{t('admin.areaCode')}</Table.Th><Table.Th>{t('audit.createdBy')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td><Text fw={600} size="sm">{u.displayName}</Text><Text size="xs" c="dimmed" ff="monospace">{u.username}</Text></Table.Td>
              <Table.Td><Badge variant="light">{t(`roles.${u.role}`, { defaultValue: u.role })}</Badge></Table.Td>
              <Table.Td><Text ff="monospace" size="sm">{u.areaCode ?? '—'}</Text></Table.Td>
              <Table.Td><Text size="sm">{u.createdByUsername ?? '—'}</Text><Text size="xs" c="dimmed">{formatDateTime(u.createdAt, zone, i18n.language)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
