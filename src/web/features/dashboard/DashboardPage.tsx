import { useMemo } from 'react';
import { Alert, Badge, Center, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { addDays } from '../../../domain/dates';
import { localDate } from '../../../domain/regions/timezones';
import { ApiError } from '../../api/client';
import { useCountryNames } from '../../api/reference';
import { formatDate, formatDateTime } from '../../lib/time';
import { ForbiddenPage, NotFoundPage } from '../../pages/StatusPage';
import { AreaBreadcrumb, ChildrenTable, CountTable, DailyChart, FigureCards, PERIODS, PeriodPicker } from './AreaSections';
import { presentListLink, regionFilter, useAreaStats } from './api';
import { OpenAlertsCard } from '../alerts/OpenAlertsCard';
import { useCurrentUser, useZone } from '../auth/useMe';
import { useStays } from '../stays/api';
import { StayTable } from '../stays/StayTable';
import { useLiveEvents } from './useLiveEvents';
import { useStayNotices } from './stayNotices';
import { usePageTitle } from '../../lib/usePageTitle';
import { ExportButton } from '../exports/ExportButton';

const DEFAULT_DAYS = '90';

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
  const latest = useStays({ sort: '-createdAt', pageSize: 10, page: 1 });
  const notice = useStayNotices((n) => {
    if (n.kind === 'one') {
      notifications.show({
        color: n.type === 'stay.checked_in' ? 'blue' : 'gray',
        title: t(n.type === 'stay.checked_in' ? 'dashboard.newCheckIn' : 'dashboard.newCheckOut'),
        message: `${country(n.event.nationality)} · ${t(`permitShort.${n.event.permitKind}`, { defaultValue: n.event.permitKind })}`,
        autoClose: 4000,
      });
      return;
    }
    // one notice for the burst: shown if it is not on screen, renewed with the count so far if it is
    const burst = {
      id: 'dashboard-burst', color: 'blue', autoClose: 4000, title: t('dashboard.newReports', { count: n.checkIns + n.checkOuts }),
      message: t('dashboard.newReportsDetail', { checkIns: n.checkIns, checkOuts: n.checkOuts }),
    };
    notifications.show(burst);
    notifications.update(burst);
  });
  const live = useLiveEvents(notice);
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const region = params.get('region');
  const days = PERIODS.includes(params.get('days') as (typeof PERIODS)[number]) ? params.get('days')! : DEFAULT_DAYS;
  const today = localDate(new Date(), zone.abbr);
  // the default period (90 days) is the server's own; others end today in the area's zone
  const period = days === DEFAULT_DAYS ? null : { from: addDays(today, -(Number(days) - 1)), to: today };
  const area = useAreaStats(region, period);
  const go = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === null) next.delete(k); else next.set(k, v);
    setParams(next);
  };
  const a = area.data;
  const total = a?.present.total ?? 0;
  const code = a?.region.code ?? '';
  const rows = useMemo(() => (a ? {
    nationality: a.present.byNationality.map((r) => ({ key: r.key, label: country(r.key) || r.key, n: r.n, to: presentListLink({ status: 'present', nationality: r.key, ...regionFilter(code) }) })),
    permit: a.present.byPermitKind.map((r) => ({ key: r.key, label: t(`permit.${r.key}`, { defaultValue: r.key }), n: r.n, to: presentListLink({ status: 'present', permitKind: r.key, ...regionFilter(code) }) })),
    purpose: a.present.byPurpose.map((r) => ({ key: r.key, label: t(`workReports.kind.${r.key}`, { defaultValue: r.key }), n: r.n, to: presentListLink({ status: 'present', reportKind: r.key, ...regionFilter(code) }) })),
    lodging: a.present.byLodging.map((r) => ({ key: r.id, label: r.name, n: r.n, to: presentListLink({ status: 'present', lodging: r.id, ...regionFilter(code) }) })),
    source: [
      ...Object.entries(a.reports.byKind).map(([k, n]) => ({ key: `kind-${k}`, label: t(`workReports.kind.${k}`, { defaultValue: k }), n })),
      ...Object.entries(a.reports.byChannel).map(([k, n]) => ({ key: `channel-${k}`, label: t(`areaDashboard.channel.${k}`, { defaultValue: k }), n })),
    ],
  } : null), [a, country, t, code]);

  if (area.error instanceof ApiError && area.error.status === 403) return <ForbiddenPage />;
  if (area.error instanceof ApiError && area.error.status === 404) return <NotFoundPage />;

  const liveColor = live.state === 'open' ? 'green' : live.state === 'connecting' ? 'yellow' : 'red';

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <div>
          <Title order={2}>{t('dashboard.title')}</Title>
          {a ? <AreaBreadcrumb stats={a} onGo={(c) => go({ region: c })} /> : (
            <Text c="dimmed" size="sm">{me.area ? t('dashboard.area', { area: me.area.name, code: me.area.code, zone: zone.abbr }) : t('dashboard.noArea')}</Text>
          )}
          {a && <Text c="dimmed" size="xs">{t('areaDashboard.asOf', { date: formatDate(a.today, lang), zone: a.region.timeZone })}</Text>}
        </div>
        <Group gap="sm">
          <PeriodPicker value={days} onChange={(v) => go({ days: v === DEFAULT_DAYS ? null : v })} />
          <Tooltip label={live.last ? t('dashboard.lastEvent', { at: formatDateTime(live.last.toISOString(), zone, lang) }) : t('dashboard.noEventYet')}>
            <Badge color={liveColor} variant="dot" size="lg" data-testid="live-state" data-state={live.state}>
              {t(`dashboard.live.${live.state}`)}
            </Badge>
          </Tooltip>
          <ExportButton source="figures" label={t('exports.figures')} />
        </Group>
      </Group>

      {area.isError && <Alert color="red">{(area.error as Error).message}</Alert>}

      <FigureCards stats={a} pending={area.isPending} />
      {a ? <DailyChart stats={a} /> : <Skeleton h={300} radius="md" />}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CountTable title={t('dashboard.byNationality')} rows={rows?.nationality ?? []} total={total} testId="area-by-nationality" pending={area.isPending} />
        <CountTable title={t('dashboard.byPermitKind')} rows={rows?.permit ?? []} total={total} testId="area-by-permit" pending={area.isPending} />
        <CountTable title={t('areaDashboard.byPurpose')} rows={rows?.purpose ?? []} total={total} testId="area-by-purpose" pending={area.isPending} />
        <CountTable title={t('areaDashboard.byLodging')} rows={rows?.lodging ?? []} total={total} testId="area-by-lodging" pending={area.isPending} />
        <CountTable title={t('areaDashboard.bySource')} rows={rows?.source ?? []} total={a?.reports.total ?? 0} testId="area-by-source" pending={area.isPending} />
        {a && <ChildrenTable stats={a} onGo={(c) => go({ region: c })} />}
      </SimpleGrid>

      {me.abilities.viewAlerts && <OpenAlertsCard />}

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
