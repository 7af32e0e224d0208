import type { ChangeEvent } from 'react';
import { NativeSelect, Paper, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { useCountries, useCountryFilter, useCountryOptions } from '../../api/reference';
import { type Errors, type FieldKey, PERMIT_KINDS_WITH_END, type Values } from '../stays/checkInForm';
import { DateField } from '../stays/DateField';

/** Test ids of the foreigner's fields on the report forms (the check-in form has its own). */
const IDS: Partial<Record<FieldKey, string>> = {
  'guest.surname': 'report-surname', 'guest.givenNames': 'report-given-names', 'guest.sex': 'report-sex',
  'guest.dateOfBirth': 'report-date-of-birth', 'guest.nationality': 'report-nationality',
  'guest.document.number': 'report-passport-number', 'guest.document.issuingState': 'report-issuing-state',
  'guest.document.expiryDate': 'report-passport-expiry', 'guest.permit.kind': 'report-permit-kind',
  'guest.permit.number': 'report-permit-number', 'guest.permit.validFrom': 'report-permit-valid-from',
  'guest.permit.validUntil': 'report-permit-valid-until', arrivalDate: 'report-period-from', plannedDeparture: 'report-period-until',
};

interface Props {
  values: Values; errors: Errors; uncertain: ReadonlySet<FieldKey>;
  set: (key: FieldKey, value: string) => void;
}

/** The foreigner as in a check-in: identity, passport and stay permit (ITAS/ITAP for workers). */
export function ForeignerFields({ values, errors, uncertain, set }: Props) {
  const { t } = useTranslation();
  const countries = useCountries();
  const countryOptions = useCountryOptions();
  const countryFilter = useCountryFilter();
  const field = (key: FieldKey) => ({
    error: errors[key],
    'data-testid': IDS[key],
    'data-uncertain': uncertain.has(key) ? 'true' : undefined,
    description: uncertain.has(key) ? <Text span size="xs" c="yellow.9" fw={600}>{t('mrz.checkAgain')}</Text> : undefined,
    name: key,
  });
  const text = (key: FieldKey) => ({ ...field(key), value: values[key], onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value) });
  // dd/mm/yyyy as on the check-in form, whatever the browser's language
  const date = (key: FieldKey) => ({ ...field(key), value: values[key], onValue: (v: string) => set(key, v) });
  const country = (key: 'guest.nationality' | 'guest.document.issuingState', label: string) => (
    <Select
      label={label} required searchable clearable data={countryOptions} filter={countryFilter}
      placeholder={countries.isPending ? t('common.loading') : t('fields.countryPlaceholder')} nothingFoundMessage={t('common.nothingFound')}
      {...field(key)} value={values[key] || null} onChange={(v) => set(key, v ?? '')} maxDropdownHeight={280}
    />
  );

  return (
    <>
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">{t('workReports.sectionPerson')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('fields.surname')} required autoComplete="off" autoCapitalize="characters" {...text('guest.surname')} />
          <TextInput label={t('fields.givenNames')} autoComplete="off" autoCapitalize="characters" {...text('guest.givenNames')} />
          <NativeSelect
            label={t('fields.sex')} required
            data={[{ value: '', label: t('common.choose') }, { value: 'M', label: t('sex.M') }, { value: 'F', label: t('sex.F') }, { value: 'X', label: t('sex.X') }]}
            {...field('guest.sex')} value={values['guest.sex']} onChange={(e) => set('guest.sex', e.currentTarget.value)}
          />
          <DateField label={t('fields.dateOfBirth')} required {...date('guest.dateOfBirth')} />
          {country('guest.nationality', t('fields.nationality'))}
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">{t('checkIn.sectionPassport')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('fields.passportNumber')} required autoComplete="off" autoCapitalize="characters" {...text('guest.document.number')}
            onChange={(e) => set('guest.document.number', e.currentTarget.value.toUpperCase())}
          />
          {country('guest.document.issuingState', t('fields.issuingState'))}
          <DateField label={t('fields.passportExpiry')} required {...date('guest.document.expiryDate')} />
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">{t('checkIn.sectionPermit')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={t('fields.permitKind')} required data={PERMIT_KINDS.map((k) => ({ value: k, label: t(`permit.${k}`) }))}
            {...field('guest.permit.kind')} value={values['guest.permit.kind']} onChange={(e) => set('guest.permit.kind', e.currentTarget.value)}
          />
          <TextInput label={t('fields.permitNumber')} autoComplete="off" {...text('guest.permit.number')} />
          <DateField label={t('fields.permitValidFrom')} required {...date('guest.permit.validFrom')} />
          <DateField
            label={t('fields.permitValidUntil')} required={PERMIT_KINDS_WITH_END.includes(values['guest.permit.kind'])} {...date('guest.permit.validUntil')}
          />
        </SimpleGrid>
      </Paper>
    </>
  );
}

/** The period: employment or residence from / until. */
export function PeriodFields({ values, errors, set, untilRequired }: Omit<Props, 'uncertain'> & { untilRequired: boolean }) {
  const { t } = useTranslation();
  const date = (key: 'arrivalDate' | 'plannedDeparture', label: string, required: boolean) => (
    <DateField label={label} required={required} name={key} data-testid={IDS[key]} error={errors[key]} value={values[key]} onValue={(v) => set(key, v)} />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {date('arrivalDate', t('workReports.periodFrom'), true)}
      {date('plannedDeparture', t('workReports.periodUntil'), untilRequired)}
    </SimpleGrid>
  );
}
