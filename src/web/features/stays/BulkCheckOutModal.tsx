import { useEffect, useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { DateField } from './DateField';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { isValidDate } from '../../../domain/dates';
import { type BulkCheckOutResult, useBulkCheckOut } from './lifecycleApi';

/** Checks the selected guests out on one date; lists any the server could not check out, with why. */
export function BulkCheckOutModal({ ids, today, onClose, onDone }: { ids: string[] | null; today: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const bulk = useBulkCheckOut();
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string>();
  const [failed, setFailed] = useState<BulkCheckOutResult['results']>([]);
  useEffect(() => { if (ids) { setDate(today); setError(undefined); setFailed([]); bulk.reset(); } }, [ids, today]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = () => {
    if (!ids) return;
    if (!isValidDate(date)) return setError(t('validation.date'));
    if (date > today) return setError(t('validation.departureFuture'));
    bulk.mutate({ stayIds: ids, departureDate: date }, {
      onSuccess: (res) => {
        notifications.show({ color: 'green', message: t('lifecycle.bulkDone', { count: res.checkedOut }) });
        const bad = res.results.filter((r) => !r.ok);
        onDone();
        if (bad.length) setFailed(bad);
        else onClose();
      },
      onError: (err) => setError(err instanceof ApiError ? (err.fieldErrors[0]?.message ?? err.message) : String(err)),
    });
  };

  return (
    <Modal opened={!!ids} onClose={onClose} title={t('lifecycle.bulkTitle', { count: ids?.length ?? 0 })} centered>
      <Stack>
        {failed.length > 0 ? (
          <Alert color="orange" data-testid="bulk-failed">
            <Text size="sm" mb={4}>{t('lifecycle.bulkSome', { count: failed.length })}</Text>
            <List size="sm">{failed.map((f) => <List.Item key={f.id}>{f.message}</List.Item>)}</List>
          </Alert>
        ) : (
          <DateField label={t('fields.departureDate')} required value={date} error={error}
            onValue={(v) => { setDate(v); setError(undefined); }} data-testid="bulk-date" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{failed.length ? t('lifecycle.close') : t('common.cancel')}</Button>
          {failed.length === 0 && <Button onClick={submit} loading={bulk.isPending} data-testid="bulk-confirm">{t('stays.checkOut')}</Button>}
        </Group>
      </Stack>
    </Modal>
  );
}
