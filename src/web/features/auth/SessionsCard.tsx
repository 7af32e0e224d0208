import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatDateTime } from '../../lib/time';
import { useZone } from './useMe';

export interface SessionItem { id: string; createdAt: string; lastSeenAt: string; ip: string | null; current: boolean }
export const SESSIONS_KEY = ['me', 'sessions'] as const;

/** The user's signed-in devices; any other one can be signed out (its live view closes at once). */
export function SessionsCard() {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const qc = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: () => api<{ items: SessionItem[] }>('/api/v1/me/sessions') });
  const revoke = useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/me/sessions/${id}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
  const when = (iso: string) => formatDateTime(iso, zone, i18n.language);

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={4}>{t('account.sessionsTitle')}</Title>
        <Text size="sm" c="dimmed">{t('account.sessionsIntro')}</Text>
        <Table.ScrollContainer minWidth={480}>
          <Table data-testid="sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account.sessionCreated')}</Table.Th>
                <Table.Th>{t('account.sessionLastSeen')}</Table.Th>
                <Table.Th>{t('account.sessionAddress')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(sessions.data?.items ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{when(s.createdAt)}</Table.Td>
                  <Table.Td>{when(s.lastSeenAt)}</Table.Td>
                  <Table.Td>{s.ip ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      {s.current ? (
                        <Badge variant="light">{t('account.sessionThis')}</Badge>
                      ) : (
                        <Button size="xs" variant="light" color="red" loading={revoke.isPending && revoke.variables === s.id}
                          onClick={() => revoke.mutate(s.id)} data-testid="session-revoke">
                          {t('account.sessionRevoke')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
