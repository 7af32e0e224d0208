import { useState } from 'react';
import { Alert as Notice, Center, Group, Pagination, SegmentedControl, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage } from '../../pages/StatusPage';
import { useZone } from '../auth/useMe';
import { type AlertListParams, type AlertSeverity, useAlerts } from './api';
import { AlertCard } from './AlertCard';
import { AlertDrawer } from './AlertDrawer';

const PAGE_SIZE = 20;
const RULES = ['overstay', 'permit_expiring', 'passport_expired', 'frequent_mover', 'visa_activity_mismatch', 'stay_not_closed',
  'identity_conflict', 'unregistered_presence', 'late_report', 'interpol_red_notice', 'dpo', 'cekal', 'local'];

/** The alert inbox of the officer's area: filter, open, work each alert to an outcome. */
export default function AlertsPage() {
  usePageTitle('alerts.title');
  const { t } = useTranslation();
  const zone = useZone();
  const [status, setStatus] = useState<NonNullable<AlertListParams['status']>>('open');
  const [severity, setSeverity] = useState<AlertSeverity | null>(null);
  const [rule, setRule] = useState<string | null>(null);
  const [sort, setSort] = useState<AlertListParams['sort']>('severity');
  const [page, setPage] = useState(1);
  const [params] = useSearchParams();
  // a notification's link (/alerts?open=<id>) opens that alert at once
  const [openId, setOpenId] = useState<string | null>(params.get('open'));
  const list = useAlerts({ status, severity: severity ?? undefined, rule: rule ?? undefined, sort, page, pageSize: PAGE_SIZE });
  if (list.error instanceof ApiError && list.error.status === 403) return <ForbiddenPage />;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const reset = () => setPage(1);

  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={2}>{t('alerts.title')}</Title>
        <Text c="dimmed" size="sm">{t('alerts.subtitle')}</Text>
      </div>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl value={status} onChange={(v) => { setStatus(v as typeof status); reset(); }} data-testid="alert-filter-status"
          data={(['open', 'new', 'assigned', 'resolved'] as const).map((s) => ({ value: s, label: t(`alerts.filter.${s}`) }))} />
        <Select placeholder={t('alerts.allSeverities')} clearable value={severity} onChange={(v) => { setSeverity(v as AlertSeverity | null); reset(); }} w={150}
          data={(['high', 'medium', 'low'] as const).map((s) => ({ value: s, label: t(`alerts.severity.${s}`) }))} aria-label={t('alerts.severityLabel')} />
        <Select placeholder={t('alerts.allRules')} clearable value={rule} onChange={(v) => { setRule(v); reset(); }} w={230}
          data={RULES.map((r) => ({ value: r, label: t(`alerts.rules.${r}`) }))} aria-label={t('alerts.ruleLabel')} />
        <Select value={sort} onChange={(v) => v && setSort(v as AlertListParams['sort'])} w={170} aria-label={t('alerts.sortLabel')}
          data={[{ value: 'severity', label: t('alerts.sortSeverity') }, { value: 'newest', label: t('alerts.sortNewest') }]} />
      </Group>
      {list.isError && <Notice color="red">{(list.error as Error).message}</Notice>}
      {list.isPending && <Skeleton h={200} />}
      {list.data && list.data.items.length === 0 && (
        <Center py="xl" data-testid="alerts-empty">
          <Stack align="center" gap={4}>
            <Text fw={600}>{t('alerts.empty')}</Text>
            <Text size="sm" c="dimmed" ta="center">{t('alerts.emptyHint')}</Text>
          </Stack>
        </Center>
      )}
      {list.data?.items.map((a) => <AlertCard key={a.id} alert={a} zone={zone} onOpen={() => setOpenId(a.id)} />)}
      {list.data && list.data.items.length > 0 && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">{t('common.totalRows', { count: list.data.total })}</Text>
          {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
        </Group>
      )}
      <AlertDrawer id={openId} zone={zone} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
