import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, Paper, Pagination, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { DateField } from '../stays/DateField';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isValidDate } from '../../../domain/dates';
import { ApiError } from '../../api/client';
import { useCountryNames } from '../../api/reference';
import type { Stay } from '../../api/types';
import { formatDate, todayIn } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCurrentUser, useZone } from '../auth/useMe';
import { useCheckOut } from '../stays/api';
import { StayStatus } from '../stays/stayCells';
import { guestName } from '../stays/visibility';
import { Withheld } from '../stays/Withheld';
import { useWorkers } from './api';
import { EmploymentDetails } from './EmploymentCard';

const PAGE_SIZE = 20;

/** Ends an employment: the worker's stay is checked out on the last day of work. */
function EndModal({ stay, today, onClose }: { stay: Stay | null; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const checkOut = useCheckOut();
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string>();
  const submit = () => {
    if (!stay) return;
    if (!isValidDate(date)) return setError(t('validation.date'));
    if (stay.arrivalDate && date < stay.arrivalDate) return setError(t('workReports.periodOrder'));
    if (date > today) return setError(t('validation.departureFuture'));
    checkOut.mutate({ id: stay.id, departureDate: date }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('workReports.ended', { worker: guestName(stay) ?? stay.receiptNumber }) });
        onClose();
      },
      onError: (err) => setError(err instanceof ApiError ? (err.fieldErrors[0]?.message ?? err.message) : String(err)),
    });
  };
  return (
    <Modal opened={!!stay} onClose={onClose} title={t('workReports.endTitle')} centered>
      {stay && (
        <Stack>
          <Text fw={600}>{guestName(stay) ?? stay.receiptNumber}</Text>
          <DateField label={t('workReports.endDate')} required value={date}
            onValue={(v) => { setDate(v); setError(undefined); }} error={error} data-testid="work-end-date" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button color="red" onClick={submit} loading={checkOut.isPending} data-testid="work-end-confirm">{t('workReports.end')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** The company's foreign workers (an officer: those in its area), with the end of employment. */
export default function WorkersPage() {
  usePageTitle('workReports.listTitle');
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const me = useCurrentUser();
  const country = useCountryNames();
  const [present, setPresent] = useState('true');
  const [page, setPage] = useState(1);
  const [ending, setEnding] = useState<Stay | null>(null);
  const workers = useWorkers({ present: present === 'all' ? undefined : present === 'true', page, pageSize: PAGE_SIZE });
  const lang = i18n.language;

  return (
    <Stack maw={900} mx="auto" gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('workReports.listTitle')}</Title>
          <Text c="dimmed" size="sm">{t('workReports.listSubtitle')}</Text>
        </div>
        {me.abilities.reportWorkers && <Button component={Link} to="/work-reports/new" data-testid="work-new">{t('workReports.new')}</Button>}
      </Group>
      <SegmentedControl value={present} onChange={(v) => { setPresent(v); setPage(1); }} data={[
        { value: 'true', label: t('workReports.employed') }, { value: 'false', label: t('workReports.endedFilter') }, { value: 'all', label: t('workReports.all') },
      ]} />
      {workers.isError && <Alert color="red">{(workers.error as Error).message}</Alert>}
      {workers.isPending ? <Skeleton h={200} /> : workers.data && workers.data.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">{t('workReports.empty')}</Text>
      ) : (
        <Stack gap="sm" data-testid="workers-list">
          {workers.data?.items.map((s) => (
            <Paper key={s.id} withBorder p="md" radius="md" data-testid="worker-row">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
                <div>
                  {guestName(s) === null ? <Withheld /> : <Text fw={700}>{guestName(s)}</Text>}
                  <Text size="sm" c="dimmed">
                    {s.guest.nationality ? country(s.guest.nationality) : ''}{s.permit.kind ? ` · ${t(`permitShort.${s.permit.kind}`)}` : ''}
                    {s.arrivalDate ? ` · ${t('workReports.since', { date: formatDate(s.arrivalDate, lang) })}` : ''}
                  </Text>
                </div>
                <Group gap="sm">
                  <StayStatus stay={s} />
                  {s.abilities.checkOut && s.present && (
                    <Button size="xs" variant="light" color="red" onClick={() => setEnding(s)} data-testid="work-end-open">{t('workReports.end')}</Button>
                  )}
                </Group>
              </Group>
              {s.employment && <EmploymentDetails employment={s.employment} />}
              <Anchor component={Link} to={`/stays/${s.id}/receipt`} size="xs" ff="monospace">{s.receiptNumber}</Anchor>
            </Paper>
          ))}
        </Stack>
      )}
      {workers.data && workers.data.total > PAGE_SIZE && (
        <Group justify="center"><Pagination total={Math.ceil(workers.data.total / PAGE_SIZE)} value={page} onChange={setPage} /></Group>
      )}
      <EndModal stay={ending} today={todayIn(zone)} onClose={() => setEnding(null)} />
    </Stack>
  );
}
