import { Alert, Badge, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useZone } from '../auth/useMe';

// "Kunci API": a lodging's keys for its hotel software. A new key is shown once, with a copy
// button; the list shows names, prefixes and last use, never a key; a key can be revoked.

interface ApiKey { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }
const KEYS = ['api-keys'] as const;

export default function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  usePageTitle('apikeys.title');
  const zone = useZone();
  // on a phone each key is a card: five columns did not fit and the revoke button was cut off
  const phone = useMediaQuery('(max-width: 48em)');
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const keys = useQuery({ queryKey: KEYS, queryFn: () => api<{ items: ApiKey[] }>('/api/v1/api-keys') });
  const create = useMutation({
    mutationFn: (n: string) => api<ApiKey & { key: string }>('/api/v1/api-keys', { method: 'POST', body: { name: n } }),
    onSuccess: (k) => { setCreated({ name: k.name, key: k.key }); setName(''); },
    onSettled: () => qc.invalidateQueries({ queryKey: KEYS }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<ApiKey>(`/api/v1/api-keys/${id}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: KEYS }),
  });
  const when = (iso: string | null) => (iso ? formatDateTime(iso, zone, i18n.language) : '—');
  const items = keys.data?.items ?? [];
  const revokeControl = (k: ApiKey) => (k.revokedAt ? <Badge color="gray" variant="light">{t('apikeys.revoked')}</Badge> : (
    <Button size="xs" color="red" variant="light" loading={revoke.isPending && revoke.variables === k.id}
      onClick={() => { if (window.confirm(t('apikeys.revokeConfirm', { name: k.name }))) revoke.mutate(k.id); }} data-testid="apikey-revoke">
      {t('apikeys.revoke')}
    </Button>
  ));
  const submit = (e: FormEvent) => { e.preventDefault(); if (name.trim()) create.mutate(name.trim()); };
  const nameError = create.error instanceof ApiError ? create.error.fieldErrors?.find((f) => f.field === 'name')?.message ?? create.error.message : undefined;

  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('apikeys.title')}</Title>
      <Text c="dimmed">{t('apikeys.intro')}</Text>
      {created && (
        <Alert color="green" title={t('apikeys.createdTitle', { name: created.name })} data-testid="apikey-created" withCloseButton onClose={() => setCreated(null)}>
          <Stack gap="xs">
            <Text size="sm">{t('apikeys.shownOnce')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code data-testid="apikey-value" style={{ wordBreak: 'break-all', flex: 1, minWidth: 0 }}>{created.key}</Code>
              <CopyButton value={created.key}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy} data-testid="apikey-copy" style={{ flexShrink: 0 }}>{copied ? t('apikeys.copied') : t('apikeys.copy')}</Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm">{t('apikeys.howToUse')} <Code>Authorization: Bearer {created.key.slice(0, 12)}…</Code></Text>
          </Stack>
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit}>
          <Group align="flex-end">
            <TextInput label={t('apikeys.name')} description={t('apikeys.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)}
              maxLength={80} required style={{ flex: 1 }} error={nameError} data-testid="apikey-name" />
            <Button type="submit" loading={create.isPending} data-testid="apikey-create">{t('apikeys.create')}</Button>
          </Group>
        </form>
      </Paper>
      {phone ? (
        <Stack gap="xs" data-testid="apikeys">
          {items.map((k) => (
            <Paper key={k.id} withBorder radius="md" p="sm" data-testid="apikey-row">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{k.name}</Text>
                  <Code>{k.prefix}…</Code>
                  <Text size="xs" c="dimmed">{t('apikeys.createdOn', { when: when(k.createdAt) })}</Text>
                  <Text size="xs" c="dimmed">{t('apikeys.lastUsedOn', { when: when(k.lastUsedAt) })}</Text>
                </div>
                {revokeControl(k)}
              </Group>
            </Paper>
          ))}
          {items.length === 0 && keys.data && <Text c="dimmed" size="sm">{t('apikeys.none')}</Text>}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="apikeys">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apikeys.name')}</Table.Th>
                <Table.Th>{t('apikeys.prefix')}</Table.Th>
                <Table.Th>{t('apikeys.createdAt')}</Table.Th>
                <Table.Th>{t('apikeys.lastUsed')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((k) => (
                <Table.Tr key={k.id} data-testid="apikey-row">
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td><Code>{k.prefix}…</Code></Table.Td>
                  <Table.Td>{when(k.createdAt)}</Table.Td>
                  <Table.Td>{when(k.lastUsedAt)}</Table.Td>
                  <Table.Td><Group justify="flex-end">{revokeControl(k)}</Group></Table.Td>
                </Table.Tr>
              ))}
              {items.length === 0 && keys.data && (
                <Table.Tr><Table.Td colSpan={5}><Text c="dimmed" size="sm">{t('apikeys.none')}</Text></Table.Td></Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c="dimmed">{t('apikeys.docs')} <a href="/docs">/docs</a></Text>
    </Stack>
  );
}
