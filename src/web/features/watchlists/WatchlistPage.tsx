import { Alert, Anchor, Badge, Button, Card, Group, Modal, Pagination, SegmentedControl, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useZone } from '../auth/useMe';
import { type Entry, fieldMessage, useEntries, useRemoveEntry, useWatchlist } from './api';
import { EntryForm } from './EntryForm';
import { ImportPanel } from './ImportPanel';
import { VersionsPanel } from './VersionsPanel';

// One watchlist: its entries (search, paging; cards on a phone), adding by hand, removal with a
// reason, file import with progress and the per-line report, and the version history.

export default function WatchlistPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle('watchlists.title');
  const list = useWatchlist(id);
  const [chosen, setTab] = useState<string | null>(null);
  const l = list.data;
  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  if (!l) return null;
  // an administrator keeps lists without reading entries: its first tab is the import
  const tab = chosen ?? (l.abilities.viewEntries ? 'entries' : l.abilities.manage ? 'import' : 'versions');
  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/daftar-pantauan" size="sm">← {t('watchlists.title')}</Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} data-testid="watchlist-title">{l.name}</Title>
          <Text c="dimmed" size="sm">
            {t(`watchlists.kinds.${l.kind}`)} · {l.source} · {l.regionCode ?? t('watchlists.national')} · {t('watchlists.versionN', { version: l.version })}
            {' · '}{t('watchlists.threshold')}: {l.threshold ?? t('watchlists.defaultThreshold')}
          </Text>
        </div>
        <Badge size="lg" variant="light" data-testid="watchlist-count">{t('watchlists.entryCount', { count: l.entryCount })}</Badge>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {l.abilities.viewEntries && <Tabs.Tab value="entries" data-testid="tab-entries">{t('watchlists.entries')}</Tabs.Tab>}
          {l.abilities.manage && <Tabs.Tab value="import" data-testid="tab-import">{t('watchlists.import')}</Tabs.Tab>}
          <Tabs.Tab value="versions" data-testid="tab-versions">{t('watchlists.versions')}</Tabs.Tab>
        </Tabs.List>
        {l.abilities.viewEntries && <Tabs.Panel value="entries" pt="md"><EntriesPanel listId={l.id} canAdd={l.abilities.addEntry} /></Tabs.Panel>}
        {l.abilities.manage && <Tabs.Panel value="import" pt="md"><ImportPanel listId={l.id} /></Tabs.Panel>}
        <Tabs.Panel value="versions" pt="md"><VersionsPanel listId={l.id} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function EntriesPanel({ listId, canAdd }: { listId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [show, setShow] = useState('present');
  const [page, setPage] = useState(1);
  const entries = useEntries(listId, debounced, show === 'removed', page, true);
  const [adding, addModal] = useDisclosure(false);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const items = entries.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((entries.data?.total ?? 0) / 20));

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Group wrap="wrap">
          <TextInput placeholder={t('watchlists.search')} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} maxLength={100} data-testid="entry-search" w={260} />
          <SegmentedControl value={show} onChange={(v) => { setShow(v); setPage(1); }}
            data={[{ value: 'present', label: t('watchlists.present') }, { value: 'removed', label: t('watchlists.removedTab') }]} />
        </Group>
        {canAdd && <Button onClick={addModal.open} data-testid="entry-add-open">{t('watchlists.addEntry')}</Button>}
      </Group>
      {entries.isSuccess && items.length === 0 && <Text c="dimmed" data-testid="entries-empty">{debounced ? t('watchlists.noMatch') : t('watchlists.noEntries')}</Text>}
      {phone ? (
        <Stack gap="sm" data-testid="entries">
          {items.map((e) => (
            <Card key={e.id} withBorder data-testid="entry-row">
              <EntryCells e={e} />
              {e.abilities.remove && <Button mt="xs" size="xs" color="red" variant="light" onClick={() => setRemoving(e)} data-testid="entry-remove">{t('watchlists.remove')}</Button>}
            </Card>
          ))}
        </Stack>
      ) : items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('watchlists.names')}</Table.Th><Table.Th>{t('watchlists.birthDates')}</Table.Th><Table.Th>{t('watchlists.nationalities')}</Table.Th>
                <Table.Th>{t('watchlists.documents')}</Table.Th><Table.Th>{t('watchlists.reason')}</Table.Th><Table.Th>{t('watchlists.entryVersion')}</Table.Th><Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id} data-testid="entry-row">
                  <Table.Td>
                    <Text fw={600} size="sm">{e.names[0]}</Text>
                    {e.names.length > 1 && <Text size="xs" c="dimmed">{e.names.slice(1).join(' · ')}</Text>}
                    <Text size="xs" c="dimmed">{e.manual ? t('watchlists.manual') : e.externalId}</Text>
                  </Table.Td>
                  <Table.Td>{e.birthDates.join(', ') || '—'}</Table.Td>
                  <Table.Td>{e.nationalities.join(', ') || '—'}</Table.Td>
                  <Table.Td>{e.documentNumbers.join(', ') || '—'}</Table.Td>
                  <Table.Td><Text size="sm">{e.removedReason ?? e.reason ?? '—'}</Text>{e.validUntil && <Text size="xs" c="dimmed">{t('watchlists.validUntilShort', { date: e.validUntil })}</Text>}</Table.Td>
                  <Table.Td>{e.version}</Table.Td>
                  <Table.Td>{e.abilities.remove && <Button size="xs" color="red" variant="light" onClick={() => setRemoving(e)} data-testid="entry-remove">{t('watchlists.remove')}</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
      <Modal opened={adding} onClose={addModal.close} title={t('watchlists.addEntry')} size="lg">
        <EntryForm listId={listId} onDone={addModal.close} />
      </Modal>
      <RemoveModal entry={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

function EntryCells({ e }: { e: Entry }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={600}>{e.names[0]}</Text>
      {e.names.length > 1 && <Text size="xs" c="dimmed">{e.names.slice(1).join(' · ')}</Text>}
      <Text size="sm">{t('watchlists.birthDates')}: {e.birthDates.join(', ') || '—'} · {t('watchlists.nationalities')}: {e.nationalities.join(', ') || '—'}</Text>
      {e.documentNumbers.length > 0 && <Text size="sm">{t('watchlists.documents')}: {e.documentNumbers.join(', ')}</Text>}
      {(e.removedReason ?? e.reason) && <Text size="sm" c="dimmed">{e.removedReason ?? e.reason}</Text>}
    </Stack>
  );
}

function RemoveModal({ entry, onClose }: { entry: Entry | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const remove = useRemoveEntry();
  const [reason, setReason] = useState('');
  const close = () => { setReason(''); remove.reset(); onClose(); };
  return (
    <Modal opened={entry !== null} onClose={close} title={t('watchlists.removeTitle')}>
      {entry && (
        <Stack>
          <Text>{t('watchlists.removeConfirm', { name: entry.names[0] })}</Text>
          <Text size="xs" c="dimmed">{t('watchlists.lastChange', { at: formatDateTime(entry.updatedAt, zone, i18n.language), by: entry.changedBy ?? '—' })}</Text>
          <Textarea label={t('watchlists.removeReason')} description={t('watchlists.removeReasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
            required minLength={5} maxLength={500} autosize minRows={2} error={fieldMessage(remove.error, 'reason') ?? (remove.error && !fieldMessage(remove.error, 'reason') ? remove.error.message : undefined)}
            data-testid="entry-remove-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('watchlists.cancel')}</Button>
            <Button color="red" loading={remove.isPending} disabled={reason.trim().length < 5}
              onClick={() => remove.mutate({ id: entry.id, reason: reason.trim() }, { onSuccess: close })} data-testid="entry-remove-confirm">
              {t('watchlists.remove')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
