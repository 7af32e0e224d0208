import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateField } from './DateField';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Stay } from '../../api/types';
import { isValidDate } from '../../../domain/dates';
import { formatDate } from '../../lib/time';
import { useCheckOut } from './api';
import { guestName } from './visibility';

export function CheckOutModal({ stay, today, onClose }: { stay: Stay | null; today: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const checkOut = useCheckOut();
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (stay) {
      setDate(today);
      setError(undefined);
      checkOut.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stay?.id]);

  const submit = () => {
    if (!stay) return;
    if (!date) return setError(t('validation.required'));
    if (!isValidDate(date)) return setError(t('validation.date'));
    if (stay.arrivalDate && date < stay.arrivalDate) return setError(t('validation.departureAfterArrival'));
    if (date > today) return setError(t('validation.departureFuture'));
    checkOut.mutate(
      { id: stay.id, departureDate: date },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('stays.checkedOut', { guest: guestName(stay) ?? stay.receiptNumber }) });
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError) {
            const f = err.fieldErrors.find((e) => e.field === 'departureDate');
            setError(f?.message);
          }
        },
      },
    );
  };

  const other = checkOut.error instanceof ApiError && !checkOut.error.fieldErrors.some((e) => e.field === 'departureDate') ? checkOut.error.message : null;
  return (
    <Modal opened={!!stay} onClose={onClose} title={t('stays.checkOutTitle')} centered>
      {stay && (
        <Stack>
          <Text>
            <Text span fw={600}>{guestName(stay) ?? stay.receiptNumber}</Text>{stay.arrivalDate && <> · {t('stays.arrived', { date: formatDate(stay.arrivalDate, i18n.language) })}</>}
          </Text>
          {other && <Alert color="red">{other}</Alert>}
          <DateField
            label={t('fields.departureDate')}
            required
            value={date}
            onValue={(v) => { setDate(v); setError(undefined); }}
            error={error}
            data-testid="checkout-date"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button onClick={submit} loading={checkOut.isPending} data-testid="checkout-confirm">{t('stays.checkOut')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
