import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Stay } from '../../api/types';
import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { type ChangeKind, useStayChange } from './lifecycleApi';
import { guestName } from './visibility';

// One modal for every change after a check-in: extension, room change, correction (with a
// reason, the original kept by the server), cancellation of the report or of its check-out.

type Form = Record<string, string>;

/** The correctable fields as the server names them, with the stay's current values. */
export function currentValues(s: Stay): Form {
  return {
    surname: s.guest.surname ?? '', givenNames: s.guest.givenNames ?? '', sex: s.guest.sex ?? '', dateOfBirth: s.guest.dateOfBirth ?? '',
    nationality: s.guest.nationality ?? '', documentNumber: s.guest.document.number ?? '', issuingState: s.guest.document.issuingState ?? '',
    documentExpiry: s.guest.document.expiryDate ?? '', permitKind: s.permit.kind ?? '', permitNumber: s.permit.number ?? '',
    permitValidFrom: s.permit.validFrom ?? '', permitValidUntil: s.permit.validUntil ?? '', arrivalDate: s.arrivalDate ?? '',
    plannedDeparture: s.plannedDeparture ?? '', room: s.room ?? '',
  };
}

const DATE_FIELDS = new Set(['dateOfBirth', 'documentExpiry', 'permitValidFrom', 'permitValidUntil', 'arrivalDate', 'plannedDeparture']);
const OPTIONAL = new Set(['givenNames', 'permitNumber', 'permitValidUntil', 'plannedDeparture']);
const CORRECTABLE = ['surname', 'givenNames', 'sex', 'dateOfBirth', 'nationality', 'documentNumber', 'issuingState', 'documentExpiry',
  'permitKind', 'permitNumber', 'permitValidFrom', 'permitValidUntil', 'arrivalDate', 'plannedDeparture'];
const FIELDS_OF: Record<ChangeKind, string[]> = {
  extension: ['plannedDeparture', 'permitValidUntil'], room: ['room'], correction: CORRECTABLE, cancellation: [], 'checkout-cancellation': [],
};
const REASON_REQUIRED = new Set<ChangeKind>(['correction', 'cancellation', 'checkout-cancellation']);

export function StayChangeModal({ stay, kind, onClose }: { stay: Stay | null; kind: ChangeKind | null; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useStayChange();
  const [form, setForm] = useState<Form>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (stay) { setForm(currentValues(stay)); setReason(''); setErrors({}); change.reset(); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stay?.id, kind]);

  if (!stay || !kind) return <Modal opened={false} onClose={onClose}>{null}</Modal>;
  const fields = FIELDS_OF[kind];
  const before = currentValues(stay);
  const label = (f: string) => t(`lifecycle.field.${f}`);

  const submit = () => {
    if (REASON_REQUIRED.has(kind) && reason.trim().length < 3) return setErrors({ reason: t('lifecycle.reasonRequired') });
    const changed: Record<string, string | null> = {};
    for (const f of fields) if ((form[f] ?? '') !== (before[f] ?? '')) changed[f] = form[f]!.trim() === '' && OPTIONAL.has(f) ? null : form[f]!.trim();
    if (fields.length && Object.keys(changed).length === 0) return setErrors({ form: t('lifecycle.nothingChanged') });
    const body: Record<string, unknown> = kind === 'correction' ? { reason: reason.trim(), fields: changed } : { ...changed };
    if (kind !== 'correction' && reason.trim()) body.reason = reason.trim();
    change.mutate({ id: stay.id, kind, body }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t(`lifecycle.done.${kind}`, { guest: guestName(stay) ?? stay.receiptNumber }) });
        onClose();
      },
      onError: (err) => {
        if (!(err instanceof ApiError)) return;
        const out: Record<string, string> = {};
        for (const e of err.fieldErrors) out[e.field.replace(/^fields\./, '')] = e.message;
        if (err.fieldErrors.length === 0) out.form = err.message;
        setErrors(out);
      },
    });
  };

  const input = (f: string) => {
    const common = { key: f, label: label(f), value: form[f] ?? '', error: errors[f], 'data-testid': `change-${f}` };
    if (f === 'sex') return <Select {...common} data={['M', 'F', 'X'].map((v) => ({ value: v, label: t(`sex.${v}`) }))} onChange={(v) => setForm({ ...form, sex: v ?? '' })} allowDeselect={false} />;
    if (f === 'permitKind') return <Select {...common} data={PERMIT_KINDS.map((v) => ({ value: v, label: t(`permit.${v}`) }))} onChange={(v) => setForm({ ...form, permitKind: v ?? '' })} allowDeselect={false} />;
    return (
      <TextInput {...common} type={DATE_FIELDS.has(f) ? 'date' : 'text'}
        description={before[f] !== (form[f] ?? '') ? t('lifecycle.was', { value: before[f] || '—' }) : undefined}
        onChange={(e) => { const v = e.currentTarget.value; setForm((prev) => ({ ...prev, [f]: v })); }} />
    );
  };

  return (
    <Modal opened onClose={onClose} title={t(`lifecycle.title.${kind}`)} centered size={kind === 'correction' ? 'lg' : 'md'} fullScreen={false}>
      <Stack>
        <Text fw={600}>{guestName(stay) ?? stay.receiptNumber}</Text>
        {kind === 'correction' && <Text size="sm" c="dimmed">{t('lifecycle.correctionHint')}</Text>}
        {kind === 'cancellation' && <Alert color="orange">{t('lifecycle.cancelHint')}</Alert>}
        {kind === 'checkout-cancellation' && <Alert color="blue">{t('lifecycle.reopenHint')}</Alert>}
        {errors.form && <Alert color="red" data-testid="change-error">{errors.form}</Alert>}
        {fields.length > 0 && <SimpleGrid cols={{ base: 1, xs: fields.length > 2 ? 2 : 1 }}>{fields.map(input)}</SimpleGrid>}
        <Textarea
          label={t(REASON_REQUIRED.has(kind) ? 'lifecycle.reason' : 'lifecycle.reasonOptional')} required={REASON_REQUIRED.has(kind)}
          value={reason} onChange={(e) => { setReason(e.currentTarget.value); setErrors({ ...errors, reason: '' }); }}
          error={errors.reason || undefined} autosize minRows={2} maxLength={500} data-testid="change-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={change.isPending} color={kind === 'cancellation' ? 'red' : undefined} data-testid="change-confirm">
            {t(`lifecycle.confirm.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
