import { NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEST_IDS, type MemberKey } from './checkInForm';
import { CountrySelect } from './CountrySelect';
import { DateField } from './DateField';

/** One guest's own fields, for the head (prefix '') and for each member (prefix 'members.0.'). */
export interface GuestFieldProps {
  prefix: string;
  values: Record<MemberKey, string>;
  errors: Partial<Record<MemberKey, string>>;
  uncertain: ReadonlySet<string>;
  set: (key: MemberKey, value: string) => void;
}

export function testIdOf(prefix: string, key: MemberKey): string {
  const m = /^members\.(\d+)\.$/.exec(prefix);
  return m ? TEST_IDS[key].replace(/^checkin-/, `member-${m[1]}-`) : TEST_IDS[key];
}

function useField({ prefix, errors, uncertain }: GuestFieldProps) {
  const { t } = useTranslation();
  return (key: MemberKey) => {
    const flagged = uncertain.has(prefix + key);
    return {
      name: prefix + key,
      'data-field': prefix + key,
      error: errors[key],
      'data-testid': testIdOf(prefix, key),
      'data-uncertain': flagged ? 'true' : undefined,
      description: flagged ? <Text span size="xs" c="yellow.9" fw={600}>{t('mrz.checkAgain')}</Text> : undefined,
    };
  };
}

export function IdentityFields(props: GuestFieldProps) {
  const { t } = useTranslation();
  const { values, set } = props;
  const field = useField(props);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput label={t('fields.surname')} required autoComplete="off" autoCapitalize="characters" {...field('guest.surname')} value={values['guest.surname']} onChange={(e) => set('guest.surname', e.currentTarget.value)} />
      <TextInput label={t('fields.givenNames')} autoComplete="off" autoCapitalize="characters" {...field('guest.givenNames')} value={values['guest.givenNames']} onChange={(e) => set('guest.givenNames', e.currentTarget.value)} />
      <NativeSelect
        label={t('fields.sex')}
        required
        data={[{ value: '', label: t('common.choose') }, { value: 'M', label: t('sex.M') }, { value: 'F', label: t('sex.F') }, { value: 'X', label: t('sex.X') }]}
        {...field('guest.sex')}
        value={values['guest.sex']}
        onChange={(e) => set('guest.sex', e.currentTarget.value)}
      />
      <DateField label={t('fields.dateOfBirth')} required {...field('guest.dateOfBirth')} value={values['guest.dateOfBirth']} onValue={(v) => set('guest.dateOfBirth', v)} />
      <CountrySelect label={t('fields.nationality')} required {...field('guest.nationality')} value={values['guest.nationality']} onValue={(v) => set('guest.nationality', v)} />
    </SimpleGrid>
  );
}

export function PassportFields(props: GuestFieldProps & { withPermitNumber?: boolean }) {
  const { t } = useTranslation();
  const { values, set } = props;
  const field = useField(props);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        label={t('fields.passportNumber')}
        required
        autoComplete="off"
        autoCapitalize="characters"
        {...field('guest.document.number')}
        value={values['guest.document.number']}
        onChange={(e) => set('guest.document.number', e.currentTarget.value.toUpperCase())}
      />
      <CountrySelect label={t('fields.issuingState')} required {...field('guest.document.issuingState')} value={values['guest.document.issuingState']} onValue={(v) => set('guest.document.issuingState', v)} />
      <DateField label={t('fields.passportExpiry')} required {...field('guest.document.expiryDate')} value={values['guest.document.expiryDate']} onValue={(v) => set('guest.document.expiryDate', v)} />
      {props.withPermitNumber && (
        <TextInput label={t('fields.permitNumber')} autoComplete="off" {...field('guest.permit.number')} value={values['guest.permit.number']} onChange={(e) => set('guest.permit.number', e.currentTarget.value)} />
      )}
    </SimpleGrid>
  );
}
