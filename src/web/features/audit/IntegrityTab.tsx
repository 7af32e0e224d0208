import { Alert, Badge, Button, Group, Paper, ScrollArea, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useZone } from '../auth/useMe';
import { formatDateTime } from '../../lib/time';
import { useAuditStatus, useCheckpoints, useVerify } from './api';

/** Is the chain intact? The last verification, a button to run one, and the signed checkpoints. */
export function IntegrityTab() {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const status = useAuditStatus();
  const checkpoints = useCheckpoints();
  const verify = useVerify();
  const last = status.data?.lastVerification;
  const when = (iso: string) => formatDateTime(iso, zone, i18n.language);
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Title order={4}>{t('audit.verification')}</Title>
            {status.isPending ? <Skeleton h={20} w={240} /> : last ? (
              <Group gap="xs" mt={4} wrap="wrap" data-testid="audit-last-verification">
                <Badge color={last.ok ? 'green' : 'red'}>{last.ok ? t('audit.intact') : t('audit.broken')}</Badge>
                <Text size="sm">{t('audit.verifiedBy', { entries: last.entries, by: last.by, at: when(last.at) })}</Text>
              </Group>
            ) : <Text size="sm" c="dimmed">{t('audit.neverVerified')}</Text>}
            {last?.firstBroken && <Alert color="red" mt="xs">{t('audit.brokenAt', { seq: last.firstBroken.seq, reason: last.firstBroken.reason })}</Alert>}
            {status.data?.head && (
              <Text size="xs" c="dimmed" mt={4}>{t('audit.head', { seq: status.data.head.seq, hash: status.data.head.hash.slice(0, 16), pending: status.data.pending })}</Text>
            )}
          </div>
          <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">{t('audit.verifyNow')}</Button>
        </Group>
        {verify.error ? <Alert color="red" mt="sm">{(verify.error as Error).message}</Alert> : null}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={4}>{t('audit.checkpoints')}</Title>
        <Text size="xs" c="dimmed" mb="sm">{t('audit.checkpointsHint')}</Text>
        {checkpoints.isPending ? <Skeleton h={120} /> : (checkpoints.data?.items.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed">{t('audit.noCheckpoints')}</Text>
        ) : (
          <ScrollArea>
            <Table striped miw={560} fz="sm" data-testid="audit-checkpoints">
              <Table.Thead><Table.Tr><Table.Th>#</Table.Th><Table.Th>{t('audit.when')}</Table.Th><Table.Th>{t('audit.hash')}</Table.Th><Table.Th>{t('audit.keyId')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {checkpoints.data!.items.map((c) => (
                  <Table.Tr key={c.seq}>
                    <Table.Td>{c.seq}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(c.at)}</Table.Td>
                    <Table.Td><Text ff="monospace" size="xs">{c.hash.slice(0, 16)}…</Text></Table.Td>
                    <Table.Td><Text ff="monospace" size="xs">{c.keyId}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Paper>
    </Stack>
  );
}
