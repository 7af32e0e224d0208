import { useState } from 'react';
import { Alert, Badge, Button, Card, Container, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { usePageTitle } from '../../lib/usePageTitle';
import type { PublicStats } from './api';

const DEFAULT_REGION = '73.12';

/** Public reporting without sign-in: foreigners present now per district; no names, small counts as "<5". */
export default function PublicStatsPage() {
  usePageTitle('exports.publicTitle');
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? DEFAULT_REGION;
  const [input, setInput] = useState(region);
  const stats = useQuery({
    queryKey: ['public-stats', region],
    queryFn: ({ signal }) => api<PublicStats>(`/api/v1/public/stats?region=${encodeURIComponent(region)}`, { signal }),
    retry: false,
  });
  const off = stats.error instanceof ApiError && stats.error.status === 404;
  const cell = (n: number | '<5') => (n === '<5' ? t('exports.suppressed') : n.toLocaleString('id-ID'));

  return (
    <Container size="md" py="lg">
      <Stack>
        <div>
          <Title order={2}>{t('exports.publicTitle')}</Title>
          <Text c="dimmed" size="sm">{t('exports.publicIntro')}</Text>
        </div>
        <form onSubmit={(e) => { e.preventDefault(); setParams({ region: input.trim() }); }}>
          <Group align="flex-end">
            <TextInput label={t('exports.publicRegion')} description={t('exports.publicRegionHint')} value={input} onChange={(e) => setInput(e.currentTarget.value)} data-testid="public-region" />
            <Button type="submit">{t('exports.publicShow')}</Button>
          </Group>
        </form>
        {stats.isPending && <Skeleton h={200} />}
        {off && <Alert color="gray" data-testid="public-off">{t('exports.publicUnavailable')}</Alert>}
        {stats.isError && !off && <Alert color="red">{(stats.error as Error).message}</Alert>}
        {stats.data && (
          <Stack gap="sm" data-testid="public-stats">
            <Group justify="space-between">
              <Title order={3}>{stats.data.region.name} ({stats.data.region.code})</Title>
              <Badge variant="light">{t('exports.publicAsOf', { at: stats.data.asOf })}</Badge>
            </Group>
            <Text size="sm">
              {stats.data.total.exact ? t('exports.publicTotal', { n: stats.data.total.present }) : t('exports.publicTotalAtLeast', { n: stats.data.total.present })}
            </Text>
            {stats.data.districts.length === 0 && <Text c="dimmed">{t('exports.publicEmpty')}</Text>}
            {phone ? (
              <SimpleGrid cols={1} spacing="xs">
                {stats.data.districts.map((d) => (
                  <Card key={d.code} withBorder padding="sm">
                    <Group justify="space-between"><Text fw={500}>{d.name}</Text><Text>{cell(d.present)}</Text></Group>
                    <Text size="xs" c="dimmed">{d.code}</Text>
                  </Card>
                ))}
              </SimpleGrid>
            ) : (
              <Paper withBorder>
                <Table striped>
                  <Table.Thead><Table.Tr><Table.Th>{t('exports.publicDistrict')}</Table.Th><Table.Th>{t('exports.publicCode')}</Table.Th><Table.Th ta="right">{t('exports.publicPresent')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {stats.data.districts.map((d) => (
                      <Table.Tr key={d.code}><Table.Td>{d.name}</Table.Td><Table.Td>{d.code}</Table.Td><Table.Td ta="right">{cell(d.present)}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
            <Text size="xs" c="dimmed">{t('exports.publicNote', { n: stats.data.suppressBelow - 1 })}</Text>
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
