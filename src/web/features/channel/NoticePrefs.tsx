import { Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

interface Prefs { email: boolean; minSeverity: 'low' | 'medium' | 'high'; mentions: boolean; tasks: boolean }

/** E-mail on mentions and on tasks, per user; the alert settings travel along unchanged. */
export function NoticePrefs() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const prefs = useQuery({ queryKey: ['notification-prefs'], queryFn: ({ signal }) => api<Prefs>('/api/v1/me/notifications', { signal }) });
  const save = useMutation({
    mutationFn: (next: Prefs) => api<Prefs>('/api/v1/me/notifications', { method: 'PUT', body: next }),
    onSuccess: (data) => qc.setQueryData(['notification-prefs'], data),
  });
  if (!prefs.data) return null;
  const p = prefs.data;
  return (
    <Stack gap={4} mt="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Text size="xs" fw={700} c="dimmed">{t('channel.emailPrefs')}</Text>
      <Switch size="xs" label={t('channel.emailMentions')} checked={p.mentions} onChange={(e) => save.mutate({ ...p, mentions: e.currentTarget.checked })} />
      <Switch size="xs" label={t('channel.emailTasks')} checked={p.tasks} onChange={(e) => save.mutate({ ...p, tasks: e.currentTarget.checked })} />
    </Stack>
  );
}
