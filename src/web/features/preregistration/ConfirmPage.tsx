import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Loader, NativeSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { LANGUAGE_NAMES, isPreregLanguage } from '../../../domain/preregistration/languages';
import { ApiError } from '../../api/client';
import { useCountryFilter, useCountryOptions } from '../../api/reference';
import type { StayInput } from '../../api/types';
import { todayIn } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { IconAlert } from '../../shell/icons';
import { useZone } from '../auth/useMe';
import { type Errors, type FieldKey, type Values, emptyValues, findings, splitServerErrors, toInput, validate } from '../stays/checkInForm';
import { ReceiptPanel } from '../stays/ReceiptPanel';
import { DateField } from '../stays/DateField';
import { useConfirmDraft, useDiscardDraft, useDraft } from './api';

// The clerk holds the guest's passport: the guest's own answers are checked against it,
// corrected where needed, and confirmed as a check-in (receipt), or the draft is thrown away.

function valuesOf(input: StayInput, today: string): Values {
  const v = emptyValues(today);
  const g = input.guest;
  Object.assign(v, {
    'guest.surname': g.surname, 'guest.givenNames': g.givenNames, 'guest.sex': g.sex, 'guest.dateOfBirth': g.dateOfBirth,
    'guest.nationality': g.nationality, 'guest.document.number': g.document.number, 'guest.document.issuingState': g.document.issuingState,
    'guest.document.expiryDate': g.document.expiryDate, 'guest.permit.kind': g.permit.kind, 'guest.permit.number': g.permit.number ?? '',
    'guest.permit.validFrom': g.permit.validFrom, 'guest.permit.validUntil': g.permit.validUntil ?? '',
    arrivalDate: input.arrivalDate, plannedDeparture: input.plannedDeparture ?? '', room: input.room ?? '',
  } satisfies Partial<Values>);
  return v;
}

const testId = (key: FieldKey) => `confirm-${key.replace(/^guest\./, '').replaceAll('.', '-')}`;

export default function ConfirmPage() {
  usePageTitle('prereg.confirmTitle');
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const today = todayIn(useZone());
  const draft = useDraft(id);
  const confirm = useConfirmDraft();
  const discard = useDiscardDraft();
  const countryOptions = useCountryOptions();
  const countryFilter = useCountryFilter();
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [other, setOther] = useState<string[]>([]);
  const [sureDiscard, setSureDiscard] = useState(false);
  const [receipt, setReceipt] = useState<{ id: string; receiptNumber: string; guest: string } | null>(null);

  useEffect(() => { if (draft.data && !values) setValues(valuesOf(draft.data.proposed, today)); }, [draft.data, values, today]);

  if (receipt) return <ReceiptPanel stayId={receipt.id} receiptNumber={receipt.receiptNumber} guest={receipt.guest} onAnother={() => navigate('/preregistrations')} />;
  if (draft.isPending) return <Loader />;
  if (draft.isError) return <Alert color="red" data-testid="confirm-missing">{(draft.error as Error).message}</Alert>;
  if (!values) return <Loader />;

  const set = (key: FieldKey, value: string) => {
    setValues((v) => ({ ...v!, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const field = (key: FieldKey) => ({ error: errors[key], name: key, 'data-testid': testId(key) });
  const text = (key: FieldKey) => ({ ...field(key), value: values[key], onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(key, e.currentTarget.value) });
  const date = (key: FieldKey) => ({ ...field(key), value: values[key], onValue: (v: string) => set(key, v) }); // dd/mm/yyyy, as on the check-in form
  const country = (key: FieldKey, label: string) => (
    <Select label={label} required searchable data={countryOptions} filter={countryFilter} nothingFoundMessage={t('common.nothingFound')}
      {...field(key)} value={values[key] || null} onChange={(v) => set(key, v ?? '')} maxDropdownHeight={260} />
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(values, today, t);
    setErrors(found);
    setOther([]);
    if (Object.values(found).some(Boolean)) return;
    const { guest, arrivalDate, plannedDeparture, room } = toInput(values);
    confirm.mutate({ id: id!, input: { guest, arrivalDate, ...(plannedDeparture ? { plannedDeparture } : {}), ...(room ? { room } : {}) } }, {
      onSuccess: (res) => setReceipt({ ...res, guest: `${guest.surname}, ${guest.givenNames}`.replace(/, $/, '') }),
      onError: (err) => {
        if (!(err instanceof ApiError)) return;
        const split = splitServerErrors(err.fieldErrors);
        setErrors(split.errors);
        setOther(split.other.length || err.fieldErrors.length ? split.other : [err.message]);
      },
    });
  };

  const d = draft.data;
  const flagged = findings(values, today);
  return (
    <Stack maw={900} mx="auto" gap="md">
      <div>
        <Title order={2}>{t('prereg.confirmTitle')}</Title>
        <Text c="dimmed" size="sm">{t('prereg.confirmHelp')}</Text>
        <Group gap="xs" mt={6}>
          <Badge variant="light">{isPreregLanguage(d.language) ? LANGUAGE_NAMES[d.language] : d.language}</Badge>
          <Badge variant="outline" ff="monospace">{d.reference}</Badge>
          {!d.permitKind && <Badge color="yellow" variant="light">{t('prereg.permitNotGiven')}</Badge>}
        </Group>
      </div>
      <form onSubmit={onSubmit} noValidate data-testid="confirm-form">
        <Stack gap="md">
          {other.length > 0 && <Alert color="red" icon={<IconAlert size={18} />} data-testid="confirm-error">{other.map((m) => <Text key={m} size="sm">{m}</Text>)}</Alert>}
          {flagged.length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlert size={18} />} title={t('checkIn.findingsTitle')}>
              {flagged.map((f) => <Text key={f} size="sm">{t(`findingHints.${f}`)}</Text>)}
            </Alert>
          )}
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionGuest')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('fields.surname')} required {...text('guest.surname')} />
              <TextInput label={t('fields.givenNames')} {...text('guest.givenNames')} />
              <NativeSelect label={t('fields.sex')} required data={[{ value: 'M', label: t('sex.M') }, { value: 'F', label: t('sex.F') }, { value: 'X', label: t('sex.X') }]} {...text('guest.sex')} />
              <DateField label={t('fields.dateOfBirth')} required {...date('guest.dateOfBirth')} />
              {country('guest.nationality', t('fields.nationality'))}
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionPassport')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('fields.passportNumber')} required {...text('guest.document.number')} />
              {country('guest.document.issuingState', t('fields.issuingState'))}
              <DateField label={t('fields.passportExpiry')} required {...date('guest.document.expiryDate')} />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionPermit')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect label={t('fields.permitKind')} required data={PERMIT_KINDS.map((k) => ({ value: k, label: t(`permit.${k}`) }))} {...text('guest.permit.kind')} />
              <TextInput label={t('fields.permitNumber')} {...text('guest.permit.number')} />
              <DateField label={t('fields.permitValidFrom')} required {...date('guest.permit.validFrom')} />
              <DateField label={t('fields.permitValidUntil')} {...date('guest.permit.validUntil')} />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionStay')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <DateField label={t('fields.arrivalDate')} required {...date('arrivalDate')} />
              <TextInput label={t('fields.room')} maxLength={20} {...text('room')} />
              <DateField label={t('fields.plannedDeparture')} {...date('plannedDeparture')} />
            </SimpleGrid>
          </Paper>
          <Group justify="space-between">
            <Button variant="subtle" color="red" loading={discard.isPending} data-testid="confirm-discard"
              onClick={() => (sureDiscard ? discard.mutate(id!, { onSuccess: () => navigate('/preregistrations') }) : setSureDiscard(true))}>
              {sureDiscard ? t('prereg.discardSure') : t('prereg.discard')}
            </Button>
            <Button type="submit" size="md" loading={confirm.isPending} data-testid="confirm-submit">{t('prereg.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
