import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Code, CopyButton, Group, Image, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { IconCheck, IconPrinter } from '../../shell/icons';
import { ME_KEY, useCurrentUser } from './useMe';

interface Enrolment { secret: string; otpauthUri: string; qrDataUrl: string }
type Proof = { totp?: string } | { password: string; recoveryCode: string };

const fieldError = (err: unknown, field: string) =>
  err instanceof ApiError ? err.fieldErrors.find((f) => f.field === field)?.message : undefined;

/** The current code, or the password and a recovery code: what replacing or removing TOTP asks for. */
function ProofForm({ onSubmit, onCancel, pending, error, label }: {
  onSubmit: (proof: Proof) => void; onCancel: () => void; pending: boolean; error: unknown; label: string;
}) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(useRecovery ? { password, recoveryCode: recoveryCode.trim() } : { totp: code });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="totp-proof">
      <Stack gap="sm" maw={420}>
        <Text size="sm">{t('account.proofIntro')}</Text>
        {useRecovery ? (
          <>
            <PasswordInput label={t('login.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(error, 'password')} />
            <TextInput label={t('account.recoveryCode')} autoComplete="off" value={recoveryCode} onChange={(e) => setRecoveryCode(e.currentTarget.value)} error={fieldError(error, 'recoveryCode')} />
          </>
        ) : (
          <TextInput label={t('login.totp')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))} error={fieldError(error, 'totp')} data-testid="totp-proof-code" />
        )}
        <Anchor component="button" type="button" size="sm" onClick={() => setUseRecovery(!useRecovery)}>
          {useRecovery ? t('account.useCode') : t('account.useRecoveryCode')}
        </Anchor>
        <Group>
          <Button type="submit" loading={pending}>{label}</Button>
          <Button variant="default" onClick={onCancel}>{t('account.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Recovery codes, shown once right after enrolment. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="recovery-codes">
      <Alert color="yellow">{t('account.recoveryIntro')}</Alert>
      <Code block>{codes.join('\n')}</Code>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? t('account.copied') : t('account.copy')}</Button>}
        </CopyButton>
        <Button variant="light" leftSection={<IconPrinter size={14} />} onClick={() => window.print()}>{t('account.print')}</Button>
        <Button onClick={onDone}>{t('account.recoverySaved')}</Button>
      </Group>
    </Stack>
  );
}

export function TotpCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const [proving, setProving] = useState<null | 'change' | 'remove'>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [startPassword, setStartPassword] = useState('');
  const refreshMe = () => qc.invalidateQueries({ queryKey: ME_KEY });
  const start = useMutation({ mutationFn: (proof: Proof | { password: string }) => api<Enrolment>('/api/v1/me/totp', { method: 'POST', body: proof }), onSuccess: () => { setProving(null); setStartPassword(''); } });
  const remove = useMutation({
    mutationFn: (proof: Proof) => api<void>('/api/v1/me/totp', { method: 'DELETE', body: proof }),
    onSuccess: () => { setProving(null); void refreshMe(); },
  });
  const confirm = useMutation({
    mutationFn: (totp: string) => api<{ recoveryCodes: string[] }>('/api/v1/me/totp/confirm', { method: 'POST', body: { totp } }),
    onSuccess: (r) => { setCodes(r.recoveryCodes); setCode(''); start.reset(); void refreshMe(); },
    onError: (err) => setCodeError(fieldError(err, 'totp') ?? (err as Error).message),
  });

  const onConfirm = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) return setCodeError(t('account.codeFormat'));
    setCodeError(undefined);
    confirm.mutate(code);
  };

  let body: React.ReactNode;
  if (codes) {
    body = <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  } else if (start.data) {
    body = (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap="xs" align="center">
          <Image src={start.data.qrDataUrl} alt={t('account.qrAlt')} w={200} h={200} fit="contain" />
          <Text size="xs" c="dimmed">{t('account.secret')}</Text>
          <Code style={{ wordBreak: 'break-all' }}>{start.data.secret}</Code>
        </Stack>
        <form onSubmit={onConfirm} noValidate>
          <Stack>
            <Text size="sm">{t('account.totpScan')}</Text>
            <TextInput label={t('login.totp')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))} error={codeError} data-testid="totp-code" />
            <Button type="submit" loading={confirm.isPending} data-testid="totp-confirm">{t('account.totpConfirm')}</Button>
          </Stack>
        </form>
      </SimpleGrid>
    );
  } else if (proving) {
    const active = proving === 'change' ? start : remove;
    body = (
      <ProofForm label={t(proving === 'change' ? 'account.totpChange' : 'account.totpRemove')} pending={active.isPending} error={active.error}
        onSubmit={(proof) => active.mutate(proof)} onCancel={() => { setProving(null); active.reset(); }} />
    );
  } else if (me.totpEnabled) {
    body = (
      <Group>
        <Button variant="light" onClick={() => setProving('change')}>{t('account.totpChange')}</Button>
        <Button variant="light" color="red" onClick={() => setProving('remove')}>{t('account.totpRemove')}</Button>
      </Group>
    );
  } else {
    // first enrolment asks for the password: a borrowed session alone cannot turn it on
    body = (
      <form onSubmit={(e) => { e.preventDefault(); start.mutate({ password: startPassword }); }} noValidate>
        <Group align="flex-end" wrap="wrap">
          <PasswordInput label={t('account.currentPassword')} autoComplete="current-password" value={startPassword}
            onChange={(e) => setStartPassword(e.currentTarget.value)} error={fieldError(start.error, 'password')} data-testid="totp-start-password" style={{ flex: '1 1 220px' }} />
          <Button type="submit" loading={start.isPending} data-testid="totp-start">{t('account.totpStart')}</Button>
        </Group>
      </form>
    );
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('account.totpTitle')}</Title>
          {me.totpEnabled && <Badge color="green" leftSection={<IconCheck size={12} />} data-testid="totp-enabled">{t('account.totpOn')}</Badge>}
        </Group>
        <Text size="sm" c="dimmed">{t('account.totpIntro')}</Text>
        {body}
        {start.error && !proving && me.totpEnabled && <Alert color="red">{(start.error as Error).message}</Alert>}
      </Stack>
    </Paper>
  );
}
