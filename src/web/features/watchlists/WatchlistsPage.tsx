import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCurrentUser, useZone } from '../auth/useMe';
import { fieldMessage, type Watchlist, useCreateList, useWatchlists } from './api';

// "Daftar pantauan": the lists (kind, source, entries, version, threshold); immigration officers
// and administrators create lists here. Cards on a phone, a table elsewhere.

export default function WatchlistsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle('watchlists.title');
  const zone = useZone();
  const me = useCurrentUser();
  const phone = useMediaQuery('(max-width: 48em)');
  const lists = useWatchlists();
  const [opened, { open, close }] = useDisclosure(false);
  const items = lists.data?.items ?? [];
  const when = (iso: string | null) => (iso ? formatDateTime(iso, zone, i18n.language) : '—');
  const canCreate = Boolean(me.abilities?.editWatchlists);

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('watchlists.title')}</Title>
        {canCreate && <Button onClick={open} data-testid="watchlist-create-open">{t('watchlists.create')}</Button>}
      </Group>
      <Text c="dimmed">{t('watchlists.intro')}</Text>
      {lists.isError && <Alert color="red">{t('errors.generic')}</Alert>}
      {lists.isSuccess && items.length === 0 && <Text c="dimmed" data-testid="watchlists-empty">{t('watchlists.none')}</Text>}
      {phone ? (
        <Stack gap="sm" data-testid="watchlists">
          {items.map((l) => (
            <Card key={l.id} withBorder component={Link} to={`/daftar-pantauan/${l.id}`} data-testid="watchlist-card">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{l.name}</Text>
                <Badge variant="light">{t(`watchlists.kinds.${l.kind}`)}</Badge>
              </Group>
              <Text size="sm" c="dimmed">{l.source}</Text>
              <Text size="sm">{t('watchlists.entryCount', { count: l.entryCount })} · {t('watchlists.versionN', { version: l.version })}</Text>
            </Card>
          ))}
        </Stack>
      ) : items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="watchlists">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('watchlists.name')}</Table.Th><Table.Th>{t('watchlists.kind')}</Table.Th><Table.Th>{t('watchlists.source')}</Table.Th>
                <Table.Th>{t('watchlists.area')}</Table.Th><Table.Th ta="right">{t('watchlists.entries')}</Table.Th>
                <Table.Th ta="right">{t('watchlists.version')}</Table.Th><Table.Th ta="right">{t('watchlists.threshold')}</Table.Th><Table.Th>{t('watchlists.changedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td><Link to={`/daftar-pantauan/${l.id}`}>{l.name}</Link></Table.Td>
                  <Table.Td><Badge variant="light">{t(`watchlists.kinds.${l.kind}`)}</Badge></Table.Td>
                  <Table.Td>{l.source}</Table.Td>
                  <Table.Td>{l.regionCode ?? t('watchlists.national')}</Table.Td>
                  <Table.Td ta="right">{l.entryCount}</Table.Td>
                  <Table.Td ta="right">{l.version}</Table.Td>
                  <Table.Td ta="right">{l.threshold ?? t('watchlists.defaultThreshold')}</Table.Td>
                  <Table.Td>{when(l.changedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={opened} onClose={close} title={t('watchlists.create')}>
        <CreateListForm kinds={lists.data?.kinds ?? []} onDone={close} />
      </Modal>
    </Stack>
  );
}

function CreateListForm({ kinds, onDone }: { kinds: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateList();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('local');
  const [source, setSource] = useState('');
  const [threshold, setThreshold] = useState<number | string>('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), kind: kind ?? 'local', source: source.trim(), threshold: typeof threshold === 'number' ? threshold : null }, {
      onSuccess: (l: Watchlist) => { onDone(); navigate(`/daftar-pantauan/${l.id}`); },
    });
  };
  const other = create.error && !['name', 'kind', 'source', 'threshold'].some((f) => fieldMessage(create.error, f)) ? create.error.message : null;
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('watchlists.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required minLength={2} maxLength={100}
          error={fieldMessage(create.error, 'name')} data-testid="watchlist-name" />
        <Select label={t('watchlists.kind')} data={kinds.map((k) => ({ value: k, label: t(`watchlists.kinds.${k}`) }))} value={kind} onChange={setKind}
          allowDeselect={false} error={fieldMessage(create.error, 'kind')} data-testid="watchlist-kind" />
        <TextInput label={t('watchlists.source')} description={t('watchlists.sourceHint')} value={source} onChange={(e) => setSource(e.currentTarget.value)}
          required minLength={2} maxLength={200} error={fieldMessage(create.error, 'source')} data-testid="watchlist-source" />
        <NumberInput label={t('watchlists.threshold')} description={t('watchlists.thresholdHint')} value={threshold} onChange={setThreshold}
          min={0.5} max={1} step={0.01} decimalScale={2} error={fieldMessage(create.error, 'threshold')} data-testid="watchlist-threshold" />
        {other && <Alert color="red">{other}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('watchlists.cancel')}</Button>
          <Button type="submit" loading={create.isPending} data-testid="watchlist-create">{t('watchlists.createSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
