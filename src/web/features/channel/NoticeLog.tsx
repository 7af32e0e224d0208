import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

interface LogRow { id: string; kind: string; recipient: { displayName: string; agencyName: string | null }; actorName: string | null; createdAt: string; readAt: string | null; email: { status: string; deliveredAt: string | null } | null }

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString('id-ID', { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' }) : '—');

/** For the chair and the secretary: which notice went to whom, and when it was read. */
export function NoticeLog({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const log = useQuery({ queryKey: ['channel', 'log', teamId], queryFn: ({ signal }) => api<{ items: LogRow[] }>(`/api/v1/teams/${encodeURIComponent(teamId)}/notification-log?pageSize=50`, { signal }) });
  if (!log.data) return null;
  if (log.data.items.length === 0) return <Text size="sm" c="dimmed">{t('channel.logEmpty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped fz="xs" data-testid="notice-log">
        <Table.Thead><Table.Tr><Table.Th>{t('channel.logTo')}</Table.Th><Table.Th>{t('channel.logKind')}</Table.Th><Table.Th>{t('channel.logSent')}</Table.Th><Table.Th>{t('channel.logEmail')}</Table.Th><Table.Th>{t('channel.logRead')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {log.data.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.recipient.displayName}<Text size="xs" c="dimmed">{r.recipient.agencyName}</Text></Table.Td>
              <Table.Td>{t(`channel.kind.${r.kind}`)}</Table.Td>
              <Table.Td>{fmt(r.createdAt)}</Table.Td>
              <Table.Td>{r.email ? t(`channel.mail.${r.email.status}`) : '—'}</Table.Td>
              <Table.Td>{r.readAt ? fmt(r.readAt) : t('channel.unreadYet')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
