import { useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert, Button, Group, NativeSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { useCountries, useCountryFilter, useCountryOptions } from '../../api/reference';
import type { Lodging } from '../../api/types';
import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { todayIn } from '../../lib/time';
import { IconAlert } from '../../shell/icons';
import { useCurrentUser, useZone } from '../auth/useMe';
import type { ReadingResult } from '../mrz/fromReading';
import { ScanPassportButton } from '../mrz/ScanPassportButton';
import { newIdempotencyKey, useCheckIn } from './api';
import { emptyValues, findings, PERMIT_KINDS_WITH_END, splitServerErrors, TEST_IDS, toInput, validate, type Errors, type FieldKey, type Values } from './checkInForm';
import { ReceiptPanel } from './ReceiptPanel';
import { usePageTitle } from '../../lib/usePageTitle';

/** Verified lodgings in the officer's area, to report a guest for (the server checks the choice too). */
function useAreaLodgings(enabled: boolean): { value: string; label: string }[] {
  const { data } = useQuery({
    queryKey: ['lodgings'],
    queryFn: ({ signal }) => api<{ items: Lodging[] }>('/api/v1/lodgings', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
  return useMemo(
    () => (data?.items ?? []).filter((l) => l.verified).map((l) => ({ value: l.id, label: `${l.name} (${l.villageName})` })),
    [data],
  );
}

export function CheckInPage() {
  usePageTitle('checkIn.title');
  const { t } = useTranslation();
  const zone = useZone();
  const me = useCurrentUser();
  const needsLodging = me.role !== 'reporter';
  const lodgings = useAreaLodgings(needsLodging);
  const today = todayIn(zone);
  const [values, setValues] = useState<Values>(() => emptyValues(today));
  const [errors, setErrors] = useState<Errors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [uncertain, setUncertain] = useState<Set<FieldKey>>(new Set());
  const [created, setCreated] = useState<{ id: string; receiptNumber: string; guest: string } | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const formRef = useRef<HTMLFormElement>(null);
  const checkIn = useCheckIn();
  const countries = useCountries();
  const countryOptions = useCountryOptions();
  const countryFilter = useCountryFilter();
  const known = useMemo(() => new Set(countryOptions.map((o) => o.value)), [countryOptions]);

  const set = (key: FieldKey, value: string) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      // Sensible defaults: the passport is usually issued by the nationality's state,
      // and a visit permit usually starts on the day of arrival.
      if (key === 'guest.nationality' && !v['guest.document.issuingState']) next['guest.document.issuingState'] = value;
      if (key === 'arrivalDate' && (!v['guest.permit.validFrom'] || v['guest.permit.validFrom'] === v.arrivalDate)) next['guest.permit.validFrom'] = value;
      return next;
    });
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
    if (uncertain.has(key)) setUncertain((u) => { const n = new Set(u); n.delete(key); return n; });
  };

  const focusFirstError = () => {
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      el?.focus();
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(values, today, t, { needsLodging });
    setErrors(found);
    setOtherErrors([]);
    if (Object.keys(found).length) {
      focusFirstError();
      return;
    }
    checkIn.mutate(
      { input: toInput(values), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (res) => {
          setCreated({ id: res.id, receiptNumber: res.receiptNumber, guest: `${values['guest.surname']}, ${values['guest.givenNames']}`.replace(/, $/, '') });
          idempotencyKey.current = newIdempotencyKey();
          window.scrollTo({ top: 0 });
        },
        onError: (err) => {
          if (!(err instanceof ApiError) || err.isNetwork) return; // same key: a retry replays safely
          idempotencyKey.current = newIdempotencyKey();
          const split = splitServerErrors(err.fieldErrors);
          setErrors(split.errors);
          setOtherErrors(split.other);
          focusFirstError();
        },
      },
    );
  };

  const onScan = (result: ReadingResult) => {
    // A second scan (a visa after the passport) keeps the flags of fields it did not touch.
    const flagged = new Set([...uncertain].filter((k) => !(k in result.values)));
    for (const k of result.uncertain) flagged.add(k);
    const next = { ...values, ...result.values };
    // Codes the country list does not know (misreads) stay out of the select, and are flagged.
    for (const key of ['guest.nationality', 'guest.document.issuingState'] as const) {
      if (next[key] && known.size && !known.has(next[key])) {
        next[key] = values[key];
        flagged.add(key);
      }
    }
    setValues(next);
    setErrors({});
    setUncertain(flagged);
  };

  const reset = () => {
    setValues(emptyValues(today));
    setErrors({});
    setOtherErrors([]);
    setUncertain(new Set());
    setCreated(null);
    checkIn.reset();
    window.scrollTo({ top: 0 });
  };

  if (created) return <ReceiptPanel stayId={created.id} receiptNumber={created.receiptNumber} guest={created.guest} onAnother={reset} />;

  const field = (key: FieldKey) => {
    const isUncertain = uncertain.has(key);
    return {
      error: errors[key],
      'data-testid': TEST_IDS[key],
      'data-uncertain': isUncertain ? 'true' : undefined,
      description: isUncertain ? <Text span size="xs" c="yellow.9" fw={600}>{t('mrz.checkAgain')}</Text> : undefined,
      name: key,
    };
  };
  const text = (key: FieldKey) => ({
    ...field(key),
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value),
  });

  const permitKinds = PERMIT_KINDS.map((k) => ({ value: k, label: t(`permit.${k}`) }));
  const serverError = checkIn.error instanceof ApiError ? checkIn.error : null;

  return (
    <Stack maw={900} mx="auto" gap="md">
      <div>
        <Title order={2}>{t('checkIn.title')}</Title>
        <Text c="dimmed" size="sm">{t('checkIn.subtitle')}</Text>
      </div>

      {me.reporterOrg && !me.reporterOrg.verified && (
        <Alert color="yellow" icon={<IconAlert size={18} />} data-testid="unverified">{t('checkIn.unverified')}</Alert>
      )}

      <ScanPassportButton today={today} onResult={onScan} />

      <form ref={formRef} onSubmit={onSubmit} noValidate data-testid="checkin-form">
        <Stack gap="md">
          {(otherErrors.length > 0 || (serverError && serverError.fieldErrors.length === 0)) && (
            <Alert color="red" icon={<IconAlert size={18} />} title={t('checkIn.failed')} data-testid="checkin-error">
              {serverError?.fieldErrors.length === 0 && <Text size="sm">{serverError.isNetwork ? t('errors.networkSubmit') : serverError.message}</Text>}
              {otherErrors.map((m) => <Text key={m} size="sm">{m}</Text>)}
            </Alert>
          )}
          {Object.values(errors).some(Boolean) && (
            <Alert color="red" variant="light" data-testid="checkin-invalid">{t('checkIn.fixErrors')}</Alert>
          )}
          {/* facts officers must know are reported, not refused: the clerk sees them before sending */}
          {(() => {
            const flagged = findings(values, today);
            return flagged.length > 0 && (
              <Alert color="yellow" variant="light" icon={<IconAlert size={18} />} title={t('checkIn.findingsTitle')} data-testid="checkin-findings">
                {flagged.map((f) => <Text key={f} size="sm" fw={600} data-testid={`checkin-finding-${f}`}>{t(`findingHints.${f}`)}</Text>)}
                <Text size="xs" c="dimmed" mt={4}>{t('checkIn.findingsHint')}</Text>
              </Alert>
            );
          })()}

          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionGuest')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('fields.surname')} required autoComplete="off" autoCapitalize="characters" {...text('guest.surname')} />
              <TextInput label={t('fields.givenNames')} autoComplete="off" autoCapitalize="characters" {...text('guest.givenNames')} />
              <NativeSelect
                label={t('fields.sex')}
                required
                data={[{ value: '', label: t('common.choose') }, { value: 'M', label: t('sex.M') }, { value: 'F', label: t('sex.F') }, { value: 'X', label: t('sex.X') }]}
                {...field('guest.sex')}
                value={values['guest.sex']}
                onChange={(e) => set('guest.sex', e.currentTarget.value)}
              />
              <TextInput type="date" label={t('fields.dateOfBirth')} required max={today} {...text('guest.dateOfBirth')} />
              <Select
                label={t('fields.nationality')}
                required
                searchable
                clearable
                data={countryOptions}
                filter={countryFilter}
                placeholder={countries.isPending ? t('common.loading') : t('fields.countryPlaceholder')}
                nothingFoundMessage={t('common.nothingFound')}
                {...field('guest.nationality')}
                value={values['guest.nationality'] || null}
                onChange={(v) => set('guest.nationality', v ?? '')}
                comboboxProps={{ withinPortal: true }}
                maxDropdownHeight={280}
              />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionPassport')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('fields.passportNumber')}
                required
                autoComplete="off"
                autoCapitalize="characters"
                {...text('guest.document.number')}
                onChange={(e) => set('guest.document.number', e.currentTarget.value.toUpperCase())}
              />
              <Select
                label={t('fields.issuingState')}
                required
                searchable
                clearable
                data={countryOptions}
                filter={countryFilter}
                placeholder={t('fields.countryPlaceholder')}
                nothingFoundMessage={t('common.nothingFound')}
                {...field('guest.document.issuingState')}
                value={values['guest.document.issuingState'] || null}
                onChange={(v) => set('guest.document.issuingState', v ?? '')}
                maxDropdownHeight={280}
              />
              <TextInput type="date" label={t('fields.passportExpiry')} required {...text('guest.document.expiryDate')} />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionPermit')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect
                label={t('fields.permitKind')}
                required
                data={permitKinds}
                {...field('guest.permit.kind')}
                value={values['guest.permit.kind']}
                onChange={(e) => set('guest.permit.kind', e.currentTarget.value)}
              />
              <TextInput label={t('fields.permitNumber')} autoComplete="off" {...text('guest.permit.number')} />
              <TextInput type="date" label={t('fields.permitValidFrom')} required {...text('guest.permit.validFrom')} />
              <TextInput type="date" label={t('fields.permitValidUntil')} required={PERMIT_KINDS_WITH_END.includes(values['guest.permit.kind'])} min={values['guest.permit.validFrom'] || undefined} {...text('guest.permit.validUntil')} />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionStay')}</Title>
            {needsLodging && (
              <Select
                label={t('fields.lodging')}
                required
                searchable
                data={lodgings}
                nothingFoundMessage={t('common.nothingFound')}
                {...field('lodgingId')}
                description={t('checkIn.lodgingHint')}
                value={values.lodgingId || null}
                onChange={(v) => set('lodgingId', v ?? '')}
                mb="md"
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput type="date" label={t('fields.arrivalDate')} required {...text('arrivalDate')} />
              <TextInput label={t('fields.room')} autoComplete="off" maxLength={20} {...text('room')} />
              <TextInput type="date" label={t('fields.plannedDeparture')} min={values.arrivalDate || undefined} {...text('plannedDeparture')} />
            </SimpleGrid>
          </Paper>

          <Group justify="flex-end">
            <Button type="submit" size="md" loading={checkIn.isPending} data-testid="checkin-submit" className="submit-button">
              {t('checkIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
