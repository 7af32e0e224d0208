import { useState } from 'react';
import { Alert, Badge, Button, Center, Group, Pagination, Paper, ScrollArea, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useZone } from '../auth/useMe';
import { formatDateTime } from '../../lib/time';
import { type EntryFilter, PAGE_SIZE, useAuditEntries } from './api';

const EMPTY: EntryFilter = { actor: '', resourceId: '', action: '', from: '', to: '', q: '' };

/** Short, id-only summary of an entry's detail: the auditor sees ids, never names. */
function summary(detail: Record<string, unknown>): string {
  const { purpose: _purpose, query: _query, returned, ...rest } = detail;
  const parts = Object.entries(rest).filter(([, v]) => v !== null && typeof v !== 'object').map(([k, v]) => `${k}=${String(v)}`);
  if (Array.isArray(returned)) parts.push(`returned=${returned.length}`);
  return parts.join(' · ');
}

/** The trail: who, whom, what, when, why; newest first, paged. */
export function TrailTab() {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const [draft, setDraft] = useState<EntryFilter>(EMPTY);
  const [filter, setFilter] = useState<EntryFilter>(EMPTY);
  const [page, setPage] = useState(1);
  const entries = useAuditEntries(filter, page);
  const phone = useMediaQuery('(max-width: 48em)');
  const field = (key: keyof EntryFilter, label: string, type = 'text') => (
    <TextInput
      size="xs" label={label} type={type} value={draft[key]} w={type === 'date' ? 140 : 170}
      onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })} data-testid={`audit-filter-${key}`}
    />
  );
  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft, actor: draft.actor.trim(), resourceId: draft.resourceId.trim(), action: draft.action.trim(), q: draft.q.trim() });
    setPage(1);
  };
  const items = entries.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((entries.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Stack gap="sm">
      <form onSubmit={apply}>
        <Group gap="xs" align="flex-end" wrap="wrap">
          {field('actor', t('audit.who'))}
          {field('resourceId', t('audit.whom'))}
          {field('action', t('audit.what'))}
          {field('from', t('audit.from'), 'date')}
          {field('to', t('audit.to'), 'date')}
          {field('q', t('audit.why'))}
          <Button size="xs" type="submit" data-testid="audit-filter-apply">{t('common.search')}</Button>
          <Button size="xs" variant="default" onClick={() => { setDraft(EMPTY); setFilter(EMPTY); setPage(1); }}>{t('audit.clear')}</Button>
        </Group>
      </form>
      {entries.error ? <Alert color="red">{(entries.error as Error).message}</Alert> : null}
      {entries.isPending ? <Skeleton h={240} /> : items.length === 0 ? (
        <Center py="xl"><Text c="dimmed">{t('audit.noEntries')}</Text></Center>
      ) : phone ? (
        // a phone gets one card per entry: who did what to whom stays readable without scrolling sideways
        <Stack gap="xs" data-testid="audit-entries">
          {items.map((e) => (
            <Paper key={e.seq} withBorder radius="md" p="sm">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Badge variant="light" size="sm">{e.action}</Badge>
                <Text size="xs" c="dimmed">#{e.seq}</Text>
              </Group>
              <Text size="sm" mt={4}>{e.actor ?? t('audit.system')} · {formatDateTime(e.at, zone, i18n.language)}</Text>
              <Text ff="monospace" size="xs" style={{ wordBreak: 'break-all' }}>{e.resourceType}{e.resourceId ? ` ${e.resourceId}` : ''}</Text>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>{summary(e.detail)}</Text>
              {e.purpose && <Text size="xs" mt={2}>{t('audit.why')}: {e.purpose}</Text>}
            </Paper>
          ))}
        </Stack>
      ) : (
        <ScrollArea>
          <Table striped highlightOnHover miw={760} fz="sm" data-testid="audit-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th><Table.Th>{t('audit.when')}</Table.Th><Table.Th>{t('audit.who')}</Table.Th>
                <Table.Th>{t('audit.what')}</Table.Th><Table.Th>{t('audit.whom')}</Table.Th><Table.Th>{t('audit.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td><Text ff="monospace" size="xs">{e.seq}</Text></Table.Td>
                  <Table.Td><Text size="xs" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, zone, i18n.language)}</Text></Table.Td>
                  <Table.Td>{e.actor ?? <Text span c="dimmed">{t('audit.system')}</Text>}</Table.Td>
                  <Table.Td><Badge variant="light" size="sm">{e.action}</Badge></Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="xs">{e.resourceType}{e.resourceId ? ` ${e.resourceId}` : ''}</Text>
                    <Text size="xs" c="dimmed">{summary(e.detail)}</Text>
                  </Table.Td>
                  <Table.Td>{e.purpose ?? <Text span c="dimmed">—</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <Group justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed">{t('common.totalRows', { count: entries.data?.total ?? 0 })}</Text>
        {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
      </Group>
    </Stack>
  );
}
