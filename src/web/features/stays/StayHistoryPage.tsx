import { Alert, Anchor, Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage, NotFoundPage } from '../../pages/StatusPage';
import { useZone } from '../auth/useMe';
import { useStay } from './api';
import { type StayHistory, type Values, useStayHistory } from './lifecycleApi';
import { BreakableNumber } from './ReceiptPanel';
import { StayStatus } from './stayCells';
import { guestName } from './visibility';

const DATE_KEYS = new Set(['dateOfBirth', 'documentExpiry', 'permitValidFrom', 'permitValidUntil', 'arrivalDate', 'plannedDeparture', 'departureDate']);
const KIND_COLOR: Record<StayHistory['changes'][number]['kind'], string> = {
  extend: 'blue', room: 'grape', correct: 'orange', cancel_report: 'red', cancel_checkout: 'teal',
};

/** A stay's history: each change with its reason, the earlier value struck through beside the new one. */
export function StayHistoryPage() {
  usePageTitle('lifecycle.historyTitle');
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const phone = useMediaQuery('(max-width: 36em)');
  const stay = useStay(id);
  const history = useStayHistory(id);
  const err = stay.error ?? history.error;
  if (err instanceof ApiError && err.status === 404) return <NotFoundPage />;
  if (err instanceof ApiError && err.status === 403) return <ForbiddenPage />;
  if (err) return <Alert color="red">{(err as Error).message}</Alert>;
  if (!stay.data || !history.data) return <Skeleton h={360} />;
  const s = stay.data;
  const h = history.data;
  const show = (key: string, v: string | null | undefined) => {
    if (v === null || v === undefined || v === '') return '—';
    if (DATE_KEYS.has(key)) return formatDate(v, i18n.language);
    if (key === 'sex') return t(`sex.${v}`);
    if (key === 'permitKind') return t(`permit.${v}`);
    if (key === 'status') return t(`lifecycle.status.${v}`);
    return v;
  };
  const label = (key: string) => t(`lifecycle.field.${key}`);
  const pairs = (before: Values, after: Values) => Object.keys({ ...before, ...after });

  return (
    <Stack maw={860} mx="auto" gap="md">
      <div>
        <Anchor component={Link} to="/stays" size="sm">← {t('nav.stays')}</Anchor>
        <Title order={2}>{t('lifecycle.historyTitle')}</Title>
        <Group gap="sm" wrap="wrap">
          <Text fw={600}>{guestName(s) ?? '—'}</Text>
          <Anchor component={Link} to={`/stays/${s.id}/receipt`} size="sm" ff="monospace"><BreakableNumber value={s.receiptNumber} /></Anchor>
          <StayStatus stay={s} />
        </Group>
        {s.cancelled && s.cancelReason && <Text size="sm" c="red.8">{t('lifecycle.cancelledBecause', { reason: s.cancelReason })}</Text>}
      </div>
      <Paper withBorder radius="md" p="md">
        <Text size="sm" c="dimmed">{t('lifecycle.reportedAt', { at: formatDateTime(h.reportedAt, zone, i18n.language) })}</Text>
        {h.changes.length === 0 && <Text mt="sm" data-testid="history-empty">{t('lifecycle.noChanges')}</Text>}
      </Paper>
      {[...h.changes].reverse().map((c) => (
        <Paper key={c.id} withBorder radius="md" p="md" data-testid="history-change">
          <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
            <Badge color={KIND_COLOR[c.kind]} variant="light">{t(`lifecycle.kind.${c.kind}`)}</Badge>
            <Text size="xs" c="dimmed">{formatDateTime(c.at, zone, i18n.language)}{c.by ? ` · ${c.by}` : ''}</Text>
          </Group>
          {c.reason && (
            <Text size="sm" mb="xs" data-testid="history-reason"><Text span fw={600}>{t('lifecycle.reason')}:</Text> {c.reason}</Text>
          )}
          {phone ? (
            <Stack gap={6}>
              {pairs(c.before, c.after).map((k) => (
                <div key={k} data-testid="history-field">
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label(k)}</Text>
                  <Text size="sm"><Text span td="line-through" c="dimmed" data-testid="history-before">{show(k, c.before[k])}</Text>{' → '}
                    <Text span fw={600} data-testid="history-after">{show(k, c.after[k])}</Text></Text>
                </div>
              ))}
            </Stack>
          ) : (
            <Table withRowBorders={false} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('lifecycle.colField')}</Table.Th><Table.Th>{t('lifecycle.colBefore')}</Table.Th><Table.Th>{t('lifecycle.colAfter')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pairs(c.before, c.after).map((k) => (
                  <Table.Tr key={k} data-testid="history-field">
                    <Table.Td><Text size="sm" c="dimmed">{label(k)}</Text></Table.Td>
                    <Table.Td><Text size="sm" td="line-through" c="dimmed" data-testid="history-before">{show(k, c.before[k])}</Text></Table.Td>
                    <Table.Td><Text size="sm" fw={600} data-testid="history-after">{show(k, c.after[k])}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
      {h.changes.length > 0 && (
        <Paper withBorder radius="md" p="md" data-testid="history-original">
          <Title order={5} mb="xs">{t('lifecycle.original')}</Title>
          <Stack gap={2}>
            {Object.entries(h.original).filter(([k]) => h.changes.some((c) => k in c.before)).map(([k, v]) => (
              <Text key={k} size="sm"><Text span c="dimmed">{label(k)}:</Text> {show(k, v)}</Text>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
