import { useState, type FormEvent } from 'react';
import {
  Alert, Anchor, Box, Button, Center, Group, NativeSelect, Paper, PasswordInput, Radio, SimpleGrid, Stack, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  REGISTRATION_LODGING_TYPES, type RegistrationInput, type RegistrationProblem, checkRegistration,
} from '../../../domain/validation/registration';
import { ApiError } from '../../api/client';
import { usePageTitle } from '../../lib/usePageTitle';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { Logo } from '../../shell/Logo';
import { type ReporterKind, useRegister } from './api';
import { VillagePicker } from './VillagePicker';

type Values = Record<'name' | 'lodgingType' | 'nib' | 'nik' | 'address' | 'villageCode' | 'lat' | 'lng' | 'personInCharge' | 'phone' | 'email' | 'username' | 'password', string>;
const EMPTY: Values = { name: '', lodgingType: '', nib: '', nik: '', address: '', villageCode: '', lat: '', lng: '', personInCharge: '', phone: '', email: '', username: '', password: '' };
const KINDS: ReporterKind[] = ['lodging', 'company', 'private'];

const coordinate = (s: string) => (s.trim() === '' ? undefined : Number(s.trim().replace(',', '.')));

/** The body the server gets: only the fields of the chosen kind. */
function bodyOf(kind: ReporterKind, v: Values): RegistrationInput {
  const business = kind !== 'private';
  return {
    kind, name: v.name.trim(), address: v.address.trim(), villageCode: v.villageCode, email: v.email.trim(), username: v.username.trim().toLowerCase(), password: v.password,
    ...(kind === 'lodging' ? { lodgingType: v.lodgingType } : {}),
    ...(business ? { nib: v.nib.trim(), personInCharge: v.personInCharge.trim() } : { nik: v.nik.trim() }),
    ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
    ...(coordinate(v.lat) !== undefined ? { lat: coordinate(v.lat) } : {}),
    ...(coordinate(v.lng) !== undefined ? { lng: coordinate(v.lng) } : {}),
  };
}

export default function RegisterPage() {
  usePageTitle('registration.title');
  const { t } = useTranslation();
  const register = useRegister();
  const [kind, setKind] = useState<ReporterKind>('lodging');
  const [v, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [locating, setLocating] = useState(false);
  const [gpsNote, setGpsNote] = useState<string | null>(null);
  const set = (field: keyof Values, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => { const { [field]: _gone, ...rest } = prev; return rest; });
  };
  const message = (p: Pick<RegistrationProblem, 'key' | 'params'>) => t(`registration.problem.${p.key.replace(/^field\./, '')}`, { ...p.params, min: 10 });
  const business = kind !== 'private';

  const locate = () => {
    if (!navigator.geolocation) { setGpsNote(t('registration.gpsUnavailable')); return; }
    setLocating(true);
    setGpsNote(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        set('lat', pos.coords.latitude.toFixed(6));
        set('lng', pos.coords.longitude.toFixed(6));
        setErrors((prev) => { const { lat: _a, lng: _b, ...rest } = prev; return rest; });
      },
      () => { setLocating(false); setGpsNote(t('registration.gpsDenied')); },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const showErrors = (next: Record<string, string>) => {
    setErrors(next);
    // on a phone the first problem may be far above: bring it into view
    requestAnimationFrame(() => document.querySelector('[aria-invalid="true"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = bodyOf(kind, v);
    const problems = checkRegistration(body);
    if (problems.length) {
      showErrors(Object.fromEntries(problems.map((p) => [p.field, message(p)])));
      return;
    }
    register.mutate(body, {
      onError: (err) => {
        if (err instanceof ApiError && err.fieldErrors.length) showErrors(Object.fromEntries(err.fieldErrors.map((f) => [f.field, f.message])));
      },
    });
  };

  const otherError = register.error instanceof ApiError && !register.error.fieldErrors.length
    ? (register.error.status === 429 ? t('registration.rateLimited') : register.error.message) : null;
  const field = (name: keyof Values) => ({
    value: v[name], error: errors[name], 'data-testid': `reg-${name}`,
    onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value),
  });

  return (
    <Box className="login-bg" mih="100dvh">
      <Group justify="space-between" p="md">
        <Anchor component={Link} to="/login" size="sm">{t('registration.backToLogin')}</Anchor>
        <LanguageSwitch />
      </Group>
      <Center px="sm" pb="xl">
        <Paper withBorder shadow="md" radius="md" p={{ base: 'md', sm: 'xl' }} w="100%" maw={620}>
          {register.data ? (
            <Stack gap="md" data-testid="reg-done">
              <Title order={2}>{t('registration.doneTitle')}</Title>
              <Text>{t('registration.doneBody', { email: v.email.trim() })}</Text>
              {!register.data.emailSent && <Alert color="orange">{t('registration.mailFailed')}</Alert>}
              <Text size="sm" c="dimmed">{t('registration.doneNext')}</Text>
              <Button component={Link} to="/login" variant="light">{t('registration.backToLogin')}</Button>
            </Stack>
          ) : (
            <form onSubmit={onSubmit} noValidate data-testid="reg-form">
              <Stack gap="md">
                <Group gap="sm" wrap="nowrap">
                  <Box style={{ flex: 'none' }}><Logo size={36} /></Box>
                  <div>
                    <Title order={2}>{t('registration.title')}</Title>
                    <Text size="sm" c="dimmed">{t('registration.subtitle')}</Text>
                  </div>
                </Group>
                {otherError && <Alert color="red" role="alert">{otherError}</Alert>}

                <Radio.Group label={t('registration.kind')} value={kind} onChange={(k) => { setKind(k as ReporterKind); setErrors({}); }} required>
                  <Stack gap="xs" mt={6}>
                    {KINDS.map((k) => (
                      <Radio key={k} value={k} label={t(`registration.kinds.${k}`)} description={t(`registration.kindHints.${k}`)} data-testid={`reg-kind-${k}`} />
                    ))}
                  </Stack>
                </Radio.Group>

                <Title order={4}>{business ? t('registration.sectionBusiness') : t('registration.sectionPerson')}</Title>
                <TextInput label={t(business ? (kind === 'lodging' ? 'registration.lodgingName' : 'registration.companyName') : 'registration.personName')} required autoComplete={business ? 'organization' : 'name'} {...field('name')} />
                {kind === 'lodging' && (
                  <NativeSelect label={t('registration.lodgingType')} required
                    data={[{ value: '', label: t('common.choose') }, ...REGISTRATION_LODGING_TYPES.map((k) => ({ value: k, label: t(`lodgingType.${k}`) }))]}
                    {...field('lodgingType')} />
                )}
                {business
                  ? <TextInput label={t('registration.nib')} description={t('registration.nibHint')} required inputMode="numeric" maxLength={20} {...field('nib')} />
                  : <TextInput label={t('registration.nik')} description={t('registration.nikHint')} required inputMode="numeric" maxLength={20} {...field('nik')} />}

                <Title order={4}>{t('registration.sectionAddress')}</Title>
                <Textarea label={t('registration.address')} description={t('registration.addressHint')} required autosize minRows={2} {...field('address')} />
                <VillagePicker value={v.villageCode} onChange={(code) => set('villageCode', code)} error={errors.villageCode} />
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
                    <Text fw={500} size="sm">{t('registration.gps')}{kind === 'lodging' ? ' *' : ''}</Text>
                    <Button size="xs" variant="light" onClick={locate} loading={locating} data-testid="reg-locate">{t('registration.useMyLocation')}</Button>
                  </Group>
                  <SimpleGrid cols={2} spacing="sm">
                    <TextInput label={t('registration.lat')} placeholder="-4.3519" inputMode="decimal" {...field('lat')} />
                    <TextInput label={t('registration.lng')} placeholder="119.8866" inputMode="decimal" {...field('lng')} />
                  </SimpleGrid>
                  <Text size="xs" c="dimmed">{gpsNote ?? t('registration.gpsHint')}</Text>
                </Stack>

                <Title order={4}>{t('registration.sectionContact')}</Title>
                {business && <TextInput label={t('registration.personInCharge')} required autoComplete="name" {...field('personInCharge')} />}
                <TextInput label={t('registration.phone')} required={business} type="tel" autoComplete="tel" placeholder="0812 3456 7890" {...field('phone')} />
                <TextInput label={t('registration.email')} description={t('registration.emailHint')} required type="email" autoComplete="email" {...field('email')} />

                <Title order={4}>{t('registration.sectionAccount')}</Title>
                <TextInput label={t('registration.username')} description={t('registration.usernameHint')} required autoCapitalize="none" autoComplete="username" {...field('username')} />
                <PasswordInput label={t('registration.password')} description={t('registration.passwordHint')} required autoComplete="new-password" {...field('password')} />

                <Button type="submit" size="md" loading={register.isPending} fullWidth data-testid="reg-submit">{t('registration.submit')}</Button>
              </Stack>
            </form>
          )}
        </Paper>
      </Center>
    </Box>
  );
}
