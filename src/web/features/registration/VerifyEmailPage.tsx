import { useEffect, useRef } from 'react';
import { Alert, Box, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { usePageTitle } from '../../lib/usePageTitle';
import { Logo } from '../../shell/Logo';
import { useVerifyEmail } from './api';

/** Where the link in the mail lands: the token is sent once (it is single use) and the result shown. */
export default function VerifyEmailPage() {
  usePageTitle('registration.verifyTitle');
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyEmail();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  return (
    <Box className="login-bg" mih="100dvh">
      <Center px="md" py="xl">
        <Paper withBorder shadow="md" radius="md" p="xl" w="100%" maw={460}>
          <Stack align="center" gap="md">
            <Logo size={44} />
            <Title order={2} ta="center">{t('registration.verifyTitle')}</Title>
            {(verify.isPending || (!verify.isSuccess && !verify.isError && token)) && <Loader />}
            {!token && <Alert color="red" w="100%">{t('registration.verifyNoToken')}</Alert>}
            {verify.isSuccess && (
              <Stack gap="sm" w="100%" data-testid="verify-ok">
                <Alert color="green">{t('registration.verifyOk', { username: verify.data.username })}</Alert>
                <Text size="sm" c="dimmed">{t('registration.verifyNext')}</Text>
                <Button component={Link} to="/login" fullWidth data-testid="verify-login">{t('login.submit')}</Button>
              </Stack>
            )}
            {verify.isError && (
              <Stack gap="sm" w="100%" data-testid="verify-failed">
                <Alert color="red">{(verify.error instanceof ApiError && verify.error.fieldErrors[0]?.message) || (verify.error as Error).message}</Alert>
                <Text size="sm" c="dimmed">{t('registration.verifyFailedHint')}</Text>
                <Button component={Link} to="/login" variant="light" fullWidth>{t('registration.backToLogin')}</Button>
              </Stack>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
