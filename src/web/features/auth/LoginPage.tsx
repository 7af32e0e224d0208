import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { Logo } from '../../shell/Logo';
import { useLogin, useMe } from './useMe';
import { usePageTitle } from '../../lib/usePageTitle';

export function LoginPage() {
  usePageTitle('login.submit');
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; totp?: string; recoveryCode?: string }>({});

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me.data) return <Navigate to={from} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!username.trim()) next.username = t('login.usernameRequired');
    if (!password) next.password = t('login.passwordRequired');
    setErrors(next);
    if (Object.keys(next).length) return;
    login.mutate(
      { username: username.trim(), password, ...(useRecovery && recoveryCode.trim() ? { recoveryCode: recoveryCode.trim() } : totp ? { totp } : {}) },
      {
        onError: (err) => {
          if (err instanceof ApiError) {
            const recoveryField = err.fieldErrors.find((f) => f.field === 'recoveryCode');
            if (recoveryField) setErrors({ recoveryCode: recoveryField.message });
            const totpField = err.fieldErrors.find((f) => f.field === 'totp');
            if (totpField) {
              // First time: just ask for the code; after a wrong code, say so under the field.
              if (needTotp) setErrors({ totp: totpField.message });
              setNeedTotp(true);
            }
          }
        },
      },
    );
  };

  const err = login.error instanceof ApiError ? login.error : null;
  let message: string | null = null;
  const askingForTotp = !!err?.fieldErrors.some((f) => f.field === 'totp' || f.field === 'recoveryCode');
  if (err && !askingForTotp) {
    if (err.status === 401) message = t('login.invalid');
    else if (err.status === 429) message = t('login.rateLimited');
    else message = err.message;
  }

  return (
    <Box className="login-bg" mih="100dvh">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="md" radius="md" p="xl" w="100%" maw={420}>
          <Stack gap="lg">
            <Stack gap={4} align="center">
              <Logo size={48} />
              <Title order={2} ta="center">{t('app.name')}</Title>
              <Text c="dimmed" size="sm" ta="center">{t('app.tagline')}</Text>
            </Stack>
            <form onSubmit={onSubmit} noValidate data-testid="login-form">
              <Stack>
                {message && (
                  <Alert color="red" variant="light" data-testid="login-error" role="alert">
                    {message}
                  </Alert>
                )}
                <TextInput
                  label={t('login.username')}
                  autoComplete="username"
                  autoCapitalize="none"
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={errors.username}
                  required
                  data-testid="login-username"
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors.password}
                  required
                  data-testid="login-password"
                />
                {needTotp && !useRecovery && (
                  <TextInput
                    label={t('login.totp')}
                    description={t('login.totpHint')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    value={totp}
                    onChange={(e) => setTotp(e.currentTarget.value)}
                    error={errors.totp}
                    data-testid="login-totp"
                  />
                )}
                {needTotp && useRecovery && (
                  <TextInput
                    label={t('account.recoveryCode')}
                    autoComplete="off"
                    value={recoveryCode}
                    onChange={(e) => setRecoveryCode(e.currentTarget.value)}
                    error={errors.recoveryCode}
                    data-testid="login-recovery-code"
                  />
                )}
                {needTotp && (
                  <Anchor component="button" type="button" size="sm" onClick={() => setUseRecovery(!useRecovery)}>
                    {useRecovery ? t('account.useCode') : t('account.useRecoveryCode')}
                  </Anchor>
                )}
                <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
            <Button component={Link} to="/daftar" variant="light" fullWidth data-testid="login-register">
              {t('registration.fromLogin')}
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              {t('login.help')}{' '}
              <Anchor href="/docs" size="xs" target="_blank" rel="noreferrer">{t('login.apiDocs')}</Anchor>
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
