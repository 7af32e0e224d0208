import { useMemo } from 'react';
import { Alert, Badge, Center, Grid, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useCountryNames } from '../../api/reference';
import type { PresentStats } from '../../api/types';
import { formatDateTime } from '../../lib/time';
import { ForbiddenPage } from '../../pages/StatusPage';
import { OpenAlertsCard } from '../alerts/OpenAlertsCard';
import { useCurrentUser, useZone } from '../auth/useMe';
import { useStays } from '../stays/api';
import { StayTable } from '../stays/StayTable';
import { EChart, type EChartsOption } from './EChart';
import { useLiveEvents } from './useLiveEvents';
import { usePageTitle } from '../../lib/usePageTitle';
import { ExportButton } from '../exports/ExportButton';
import { ReportKindBreakdown } from '../work-reports/ReportKindBreakdown';

function usePresentStats() {
  return useQuery({
    queryKey: ['stats', 'present'],
    queryFn: ({ signal }) => api<PresentStats>('/api/v1/stats/present', { signal }),
    refetchInterval: 60_000,
  });
}

function Empty({ text }: { text: string }) {
  return (
    <Center h={200}>
      <Text c="dimmed" size="sm">{text}</Text>
    </Center>
  );
}

export default function DashboardPage() {
  usePageTitle('dashboard.title');
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const zone = useZone();
  const country = useCountryNames();
  const stats = usePresentStats();
  const latest = useStays({ sort: '-createdAt', pageSize: 10, page: 1 });
  const live = useLiveEvents((type, event) => {
    notifications.show({
      color: type === 'stay.checked_in' ? 'blue' : 'gray',
      title: t(type === 'stay.checked_in' ? 'dashboard.newCheckIn' : 'dashboard.newCheckOut'),
      message: `${country(event.nationality)} · ${t(`permitShort.${event.permitKind}`, { defaultValue: event.permitKind })}`,
      autoClose: 4000,
    });
  });
  const lang = i18n.language;

  const nationalities = useMemo(
    () => Object.entries(stats.data?.byNationality ?? {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    [stats.data],
  );
  const permits = useMemo(
    () => Object.entries(stats.data?.byPermitKind ?? {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]),
    [stats.data],
  );

  const top = nationalities.slice(0, 15);
  const barOption: EChartsOption = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: top.map(([code]) => country(code)), axisLabel: { width: 130, overflow: 'truncate' } },
      series: [{ type: 'bar', name: t('dashboard.guests'), data: top.map(([, n]) => n), itemStyle: { color: '#1c4e80', borderRadius: [0, 4, 4, 0] }, barMaxWidth: 22, label: { show: true, position: 'right' } }],
      animationDuration: 300,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [top.map((e) => e.join(':')).join(','), lang, country],
  );

  if (stats.error instanceof ApiError && stats.error.status === 403) return <ForbiddenPage />;

  const total = stats.data?.presentCount ?? 0;
  const liveColor = live.state === 'open' ? 'green' : live.state === 'connecting' ? 'yellow' : 'red';

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <div>
          <Title order={2}>{t('dashboard.title')}</Title>
          <Text c="dimmed" size="sm">{me.area ? t('dashboard.area', { area: me.area.name, code: me.area.code, zone: zone.abbr }) : t('dashboard.noArea')}</Text>
        </div>
        <Group gap="sm">
        <ExportButton source="figures" label={t('exports.figures')} />
        <Tooltip label={live.last ? t('dashboard.lastEvent', { at: formatDateTime(live.last.toISOString(), zone, lang) }) : t('dashboard.noEventYet')}>
          <Badge color={liveColor} variant="dot" size="lg" data-testid="live-state" data-state={live.state}>
            {t(`dashboard.live.${live.state}`)}
          </Badge>
        </Tooltip>
        </Group>
      </Group>

      {stats.isError && <Alert color="red">{(stats.error as Error).message}</Alert>}

      <Grid gap={{ base: 'xs', sm: 'md' }}>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Paper h="100%" withBorder p={{ base: 'xs', sm: 'md' }} radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{t('dashboard.presentCount')}</Text>
          {stats.isPending ? <Skeleton h={48} mt={6} /> : (
            <Text fz={{ base: 30, sm: 48 }} fw={800} lh={1.1} className="stat-number" c="blue.8" data-testid="present-count">{total}</Text>
          )}
          <Text size="sm" c="dimmed" visibleFrom="sm">{t('dashboard.presentHint')}</Text>
        </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <Paper h="100%" withBorder p={{ base: 'xs', sm: 'md' }} radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{t('dashboard.nationalities')}</Text>
          {stats.isPending ? <Skeleton h={48} mt={6} /> : (
            <Text fz={{ base: 30, sm: 48 }} fw={800} lh={1.1} className="stat-number" data-testid="nationality-count">{nationalities.length}</Text>
          )}
          <Text size="sm" c="dimmed" visibleFrom="sm">{t('dashboard.nationalitiesHint')}</Text>
        </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <Paper h="100%" withBorder p={{ base: 'xs', sm: 'md' }} radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{t('dashboard.limitedStay')}</Text>
          {stats.isPending ? <Skeleton h={48} mt={6} /> : (
            <Text fz={{ base: 30, sm: 48 }} fw={800} lh={1.1} className="stat-number">{(stats.data?.byPermitKind.itas ?? 0) + (stats.data?.byPermitKind.itap ?? 0)}</Text>
          )}
          <Text size="sm" c="dimmed" visibleFrom="sm">{t('dashboard.limitedStayHint')}</Text>
        </Paper>
        </Grid.Col>
      </Grid>

      <ReportKindBreakdown stats={stats.data} pending={stats.isPending} />
      {me.abilities.viewAlerts && <OpenAlertsCard />}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">{t('dashboard.byNationality')}</Title>
          {stats.isPending ? <Skeleton h={300} /> : nationalities.length === 0 ? <Empty text={t('dashboard.emptyPresent')} /> : (
            <EChart option={barOption} height={Math.max(200, top.length * 30 + 40)} testId="chart-nationality" ariaLabel={t('dashboard.byNationality')} />
          )}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">{t('dashboard.byPermitKind')}</Title>
          {stats.isPending ? <Skeleton h={300} /> : permits.length === 0 ? <Empty text={t('dashboard.emptyPresent')} /> : (
            <Table verticalSpacing="sm" data-testid="table-permit-kind">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.permitKind')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.guests')}</Table.Th>
                  <Table.Th w="40%">{t('dashboard.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {permits.map(([kind, n]) => (
                  <Table.Tr key={kind}>
                    <Table.Td>{t(`permit.${kind}`, { defaultValue: kind })}</Table.Td>
                    <Table.Td ta="right" className="stat-number" fw={600}>{n}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Progress value={total ? (n / total) * 100 : 0} style={{ flex: 1 }} />
                        <Text size="xs" c="dimmed" w={36} ta="right">{total ? Math.round((n / total) * 100) : 0}%</Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">{t('dashboard.latest')}</Title>
        {latest.isError && <Alert color="red">{(latest.error as Error).message}</Alert>}
        {latest.isPending ? <Skeleton h={200} /> : latest.data && latest.data.items.length === 0 ? <Empty text={t('dashboard.emptyLatest')} /> : latest.data && (
          <StayTable items={latest.data.items} zone={zone} showLodging testId="latest-table" />
        )}
      </Paper>
    </Stack>
  );
}
