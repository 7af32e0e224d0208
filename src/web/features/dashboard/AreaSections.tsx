import { useMemo, type ReactNode } from 'react';
import { Anchor, Breadcrumbs, Center, Grid, Paper, SegmentedControl, Skeleton, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/time';
import { type AreaStats, presentListLink, regionFilter } from './api';
import { EChart, type EChartsOption } from './EChart';

// The area dashboard's parts. Every count links to the present list (/hadir) it counts.

export const PERIODS = ['30', '90', '180', '365'] as const;

export function AreaBreadcrumb({ stats, onGo }: { stats: AreaStats; onGo: (code: string) => void }) {
  return (
    <Breadcrumbs separator="›" data-testid="area-breadcrumb">
      {stats.ancestors.map((a) => (a.inArea
        ? <Anchor key={a.code} component="button" type="button" size="sm" onClick={() => onGo(a.code)}>{a.name}</Anchor>
        : <Text key={a.code} size="sm" c="dimmed">{a.name}</Text>))}
      <Text size="sm" fw={700} data-testid="area-current">{stats.region.name}</Text>
    </Breadcrumbs>
  );
}

export function PeriodPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl size="xs" value={value} onChange={onChange} data-testid="area-period"
      data={PERIODS.map((d) => ({ value: d, label: t('areaDashboard.days', { count: Number(d) }) }))} />
  );
}

function FigureCard({ label, hint, value, to, testId, color, pending }: {
  label: string; hint: string; value: number; to: string; testId: string; color?: string; pending: boolean;
}) {
  return (
    <Paper h="100%" withBorder p={{ base: 'xs', sm: 'md' }} radius="md" component={Link} to={to} data-testid={`${testId}-card`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      {pending ? <Skeleton h={40} mt={6} /> : (
        <Text fz={{ base: 28, sm: 40 }} fw={800} lh={1.1} className="stat-number" c={value > 0 ? color : undefined} data-testid={testId}>{value}</Text>
      )}
      <Text size="xs" c="dimmed" visibleFrom="sm">{hint}</Text>
    </Paper>
  );
}

export function FigureCards({ stats, pending }: { stats: AreaStats | undefined; pending: boolean }) {
  const { t } = useTranslation();
  const region = stats?.region.code ?? '';
  const cards = [
    { key: 'present', status: 'present', value: stats?.present.total ?? 0, testId: 'present-count', color: 'blue.8' },
    { key: 'overstaying', status: 'overstaying', value: stats?.present.overstaying ?? 0, testId: 'area-overstaying', color: 'red.7' },
    { key: 'expiring30', status: 'expiring30', value: stats?.present.expiring30 ?? 0, testId: 'area-expiring', color: 'orange.7' },
    { key: 'late', status: 'late', value: stats?.reports.late ?? 0, testId: 'area-late', color: 'yellow.8' },
  ];
  return (
    <Grid gap={{ base: 'xs', sm: 'md' }}>
      {cards.map((c) => (
        <Grid.Col key={c.key} span={{ base: 6, sm: 3 }}>
          <FigureCard label={t(`areaDashboard.card.${c.key}`)} hint={t(`areaDashboard.cardHint.${c.key}`)} value={c.value}
            to={presentListLink({ status: c.status, ...regionFilter(region) })} testId={c.testId} color={c.color} pending={pending} />
        </Grid.Col>
      ))}
    </Grid>
  );
}

export function DailyChart({ stats }: { stats: AreaStats }) {
  const { t, i18n } = useTranslation();
  const option: EChartsOption = useMemo(() => ({
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('areaDashboard.arrivals'), t('areaDashboard.departures')] },
    xAxis: { type: 'category', boundaryGap: false, data: stats.daily.map((d) => formatDate(d.date, i18n.language)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: t('areaDashboard.arrivals'), data: stats.daily.map((d) => d.arrivals), smooth: true, showSymbol: false, itemStyle: { color: '#1c4e80' } },
      { type: 'line', name: t('areaDashboard.departures'), data: stats.daily.map((d) => d.departures), smooth: true, showSymbol: false, itemStyle: { color: '#d9822b' } },
    ],
    animationDuration: 300,
  }), [stats.daily, t, i18n.language]);
  const arrivals = stats.daily.reduce((s, d) => s + d.arrivals, 0);
  const departures = stats.daily.reduce((s, d) => s + d.departures, 0);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>{t('areaDashboard.dailyTitle')}</Title>
      <Text size="xs" c="dimmed" mb="xs" data-testid="area-daily-summary" data-arrivals={arrivals} data-departures={departures}>
        {t('areaDashboard.dailySummary', { from: formatDate(stats.period.from, i18n.language), to: formatDate(stats.period.to, i18n.language), zone: stats.region.timeZone, arrivals, departures })}
      </Text>
      <EChart option={option} height={260} testId="chart-daily" ariaLabel={t('areaDashboard.dailyTitle')} />
    </Paper>
  );
}

export interface CountRow { key: string; label: ReactNode; n: number; to?: string }

export function CountTable({ title, rows, total, testId, pending }: { title: string; rows: CountRow[]; total: number; testId: string; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">{title}</Title>
      {pending ? <Skeleton h={160} /> : rows.length === 0 ? <Center h={80}><Text c="dimmed" size="sm">{t('areaDashboard.empty')}</Text></Center> : (
        <Table verticalSpacing={6} data-testid={testId}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key} data-key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right" className="stat-number" fw={600}>
                  {r.to ? <Anchor component={Link} to={r.to} fw={600}>{r.n}</Anchor> : r.n}
                </Table.Td>
                <Table.Td ta="right" w={56}><Text size="xs" c="dimmed">{total ? Math.round((r.n / total) * 100) : 0}%</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

export function ChildrenTable({ stats, onGo }: { stats: AreaStats; onGo: (code: string) => void }) {
  const { t } = useTranslation();
  if (stats.children.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">{t('areaDashboard.children')}</Title>
      <Table verticalSpacing={6} striped data-testid="area-children">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('areaDashboard.region')}</Table.Th>
            <Table.Th ta="right">{t('areaDashboard.card.present')}</Table.Th>
            <Table.Th ta="right">{t('areaDashboard.card.overstaying')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.children.map((c) => (
            <Table.Tr key={c.code} data-code={c.code}>
              <Table.Td>
                {c.level < 4
                  ? <UnstyledButton onClick={() => onGo(c.code)} c="blue.8" fz="sm" data-testid="area-child">{c.name}</UnstyledButton>
                  : <Text size="sm">{c.name}</Text>}
                <Text size="xs" c="dimmed">{c.code}</Text>
              </Table.Td>
              <Table.Td ta="right"><Anchor component={Link} to={presentListLink({ status: 'present', ...regionFilter(c.code) })}>{c.present}</Anchor></Table.Td>
              <Table.Td ta="right"><Anchor component={Link} c={c.overstaying > 0 ? 'red.7' : undefined} to={presentListLink({ status: 'overstaying', ...regionFilter(c.code) })}>{c.overstaying}</Anchor></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
