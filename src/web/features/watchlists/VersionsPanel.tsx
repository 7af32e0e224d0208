import { Badge, Card, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/time';
import { useZone } from '../auth/useMe';
import { useVersions } from './api';

// The list's versions: each import, addition or removal, what it changed, who and why.

export function VersionsPanel({ listId }: { listId: string }) {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const phone = useMediaQuery('(max-width: 48em)');
  const versions = useVersions(listId);
  const items = versions.data?.items ?? [];
  const when = (iso: string) => formatDateTime(iso, zone, i18n.language);
  const counts = (v: (typeof items)[number]) => t('watchlists.versionCounts', { added: v.added, updated: v.updated, removed: v.removed });
  if (versions.isSuccess && items.length === 0) return <Text c="dimmed">{t('watchlists.noVersions')}</Text>;
  if (phone) {
    return (
      <Stack gap="sm" data-testid="versions">
        {items.map((v) => (
          <Card key={v.version} withBorder data-testid="version-row">
            <Text fw={600}>{t('watchlists.versionN', { version: v.version })} · {t(`watchlists.changes.${v.change}`)}</Text>
            <Text size="sm">{counts(v)}</Text>
            <Text size="xs" c="dimmed">{when(v.at)} · {v.changedBy ?? '—'}{v.sourceFile ? ` · ${v.sourceFile}` : ''}</Text>
            {v.note && <Text size="sm">{v.note}</Text>}
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped data-testid="versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('watchlists.version')}</Table.Th><Table.Th>{t('watchlists.change')}</Table.Th><Table.Th>{t('watchlists.at')}</Table.Th>
            <Table.Th>{t('watchlists.changedBy')}</Table.Th><Table.Th>{t('watchlists.counts')}</Table.Th><Table.Th>{t('watchlists.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.version} data-testid="version-row">
              <Table.Td>{v.version}</Table.Td>
              <Table.Td><Badge variant="light">{t(`watchlists.changes.${v.change}`)}</Badge></Table.Td>
              <Table.Td>{when(v.at)}</Table.Td>
              <Table.Td>{v.changedBy ?? '—'}</Table.Td>
              <Table.Td>{counts(v)}</Table.Td>
              <Table.Td>{v.note ?? v.sourceFile ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
