import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { SESSIONS_KEY } from './SessionsCard';

type Errors = { currentPassword?: string; newPassword?: string; repeat?: string };

/** Change the password; the server signs out every other session. */
export function PasswordCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Errors>({});
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<void>('/api/v1/me/password', { method: 'POST', body }),
    onSuccess: () => { setForm({ currentPassword: '', newPassword: '', repeat: '' }); void qc.invalidateQueries({ queryKey: SESSIONS_KEY }); },
    onError: (err) => {
      if (!(err instanceof ApiError)) return;
      const next: Errors = {};
      for (const f of err.fieldErrors) if (f.field === 'currentPassword' || f.field === 'newPassword') next[f.field] = f.message;
      setErrors(next);
    },
  });
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: Errors = {};
    if (!form.currentPassword) next.currentPassword = t('login.passwordRequired');
    if (form.newPassword.length < 10) next.newPassword = t('account.passwordTooShort');
    else if (form.newPassword !== form.repeat) next.repeat = t('account.passwordMismatch');
    setErrors(next);
    if (!Object.keys(next).length) change.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
  };

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={onSubmit} noValidate data-testid="password-form">
        <Stack gap="sm" maw={420}>
          <Title order={4}>{t('account.passwordTitle')}</Title>
          {change.isSuccess && <Alert color="green">{t('account.passwordDone')}</Alert>}
          {change.error && !Object.keys(errors).length && <Alert color="red">{(change.error as Error).message}</Alert>}
          <PasswordInput label={t('account.currentPassword')} autoComplete="current-password" value={form.currentPassword} onChange={set('currentPassword')} error={errors.currentPassword} />
          <PasswordInput label={t('account.newPassword')} description={t('account.passwordHint')} autoComplete="new-password" value={form.newPassword} onChange={set('newPassword')} error={errors.newPassword} />
          <PasswordInput label={t('account.repeatPassword')} autoComplete="new-password" value={form.repeat} onChange={set('repeat')} error={errors.repeat} />
          <Button type="submit" loading={change.isPending} w="fit-content">{t('account.passwordSubmit')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
