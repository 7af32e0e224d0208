import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { IconCheck } from '../../shell/icons';
import { useCurrentUser, useZone } from './useMe';
import { usePageTitle } from '../../lib/usePageTitle';

interface Enrolment { secret: string; otpauthUri: string; qrDataUrl: string }

function Info({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text>{value}</Text>
    </div>
  );
}

/** The signed-in user's account: who and where, and two-step sign-in (TOTP) enrolment. */
export function AccountPage() {
  usePageTitle('account.title');
  const { t } = useTranslation();
  const me = useCurrentUser();
  const zone = useZone();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const start = useMutation({ mutationFn: () => api<Enrolment>('/api/v1/me/totp', { method: 'POST', body: {} }) });
  const confirm = useMutation({ mutationFn: (totp: string) => api<void>('/api/v1/me/totp/confirm', { method: 'POST', body: { totp } }) });

  const onConfirm = (e: React.FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) return setCodeError(t('account.codeFormat'));
    setCodeError(undefined);
    confirm.mutate(code, {
      onError: (err) => {
        if (err instanceof ApiError) setCodeError(err.fieldErrors.find((f) => f.field === 'totp')?.message ?? err.message);
      },
    });
  };

  return (
    <Stack maw={760} mx="auto" gap="md">
      <Title order={2}>{t('account.title')}</Title>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Info label={t('admin.displayName')} value={me.displayName} />
          <Info label={t('admin.username')} value={me.username} />
          <Info label={t('admin.role')} value={t(`roles.${me.role}`)} />
          {me.agency && <Info label={t('admin.agency')} value={me.agency.name} />}
          {me.reporterOrg && <Info label={t('admin.reporterOrg')} value={me.reporterOrg.name} />}
          {me.area && <Info label={t('admin.areaCode')} value={`${me.area.name} (${me.area.code})`} />}
          <Info label={t('account.timeZone')} value={`${zone.abbr} (${zone.iana})`} />
        </SimpleGrid>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('account.totpTitle')}</Title>
            {confirm.isSuccess && <Badge color="green" leftSection={<IconCheck size={12} />}>{t('account.totpOn')}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">{t('account.totpIntro')}</Text>
          {confirm.isSuccess ? (
            <Alert color="green" data-testid="totp-enabled">{t('account.totpDone')}</Alert>
          ) : !start.data ? (
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="totp-start">{t('account.totpStart')}</Button>
            </Group>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Stack gap="xs" align="center">
                <Image src={start.data.qrDataUrl} alt={t('account.qrAlt')} w={200} h={200} fit="contain" />
                <Text size="xs" c="dimmed">{t('account.secret')}</Text>
                <Code style={{ wordBreak: 'break-all' }}>{start.data.secret}</Code>
              </Stack>
              <form onSubmit={onConfirm} noValidate>
                <Stack>
                  <Text size="sm">{t('account.totpScan')}</Text>
                  <TextInput
                    label={t('login.totp')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
                    error={codeError}
                    data-testid="totp-code"
                  />
                  <Button type="submit" loading={confirm.isPending} data-testid="totp-confirm">{t('account.totpConfirm')}</Button>
                </Stack>
              </form>
            </SimpleGrid>
          )}
          {start.error && <Alert color="red">{(start.error as Error).message}</Alert>}
        </Stack>
      </Paper>
    </Stack>
  );
}
