import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useChannelTeams, useNotices, useReadNotice } from './api';
import { useChannelLive } from './useChannelLive';
import { IconBell } from './icons';
import { NoticePrefs } from './NoticePrefs';
import { displayLocale } from '../../lib/time';

const fmt = (iso: string, lang: string) => new Date(iso).toLocaleString(displayLocale(lang), { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });

/** The bell in the header: the caller's inbox, live; opening a notice marks it read. */
export function NotificationBell({ enabled }: { enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  useChannelLive(enabled);
  const notices = useNotices(enabled);
  const read = useReadNotice();
  const [opened, setOpened] = useState(false);
  if (!enabled) return null;
  const unread = notices.data?.unread ?? 0;
  return (
    <Popover position="bottom-end" width={320} shadow="md" opened={opened} onChange={setOpened}>
      <Popover.Target>
        <Indicator label={unread} size={16} disabled={unread === 0} color="red" offset={4} data-testid="bell-count">
          <ActionIcon variant="subtle" size="lg" aria-label={t('channel.notifications')} data-testid="bell" onClick={() => setOpened((o) => !o)}><IconBell /></ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb={4}>
          <Text fw={700} size="sm">{t('channel.notifications')}</Text>
          {unread > 0 && <Anchor component="button" size="xs" onClick={() => read.mutate('all')}>{t('channel.markAllRead')}</Anchor>}
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={2} data-testid="notice-list">
            {(notices.data?.items ?? []).length === 0 && <Text size="sm" c="dimmed">{t('channel.noNotices')}</Text>}
            {notices.data?.items.map((n) => (
              <UnstyledButton key={n.id} p={6} style={{ borderRadius: 6, background: n.readAt ? undefined : 'var(--mantine-color-blue-light)' }}
                onClick={() => { if (!n.readAt) read.mutate(n.id); setOpened(false); navigate(n.link); }} data-testid="notice">
                <Text size="sm">{t(`channel.notice.${n.kind}`, { who: n.actorName ?? 'Sinergi', team: n.teamName ?? '' })}</Text>
                <Text size="xs" c="dimmed">{fmt(n.createdAt, i18n.language)}{n.readAt ? '' : ` · ${t('channel.new')}`}</Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <NoticePrefs />
      </Popover.Dropdown>
    </Popover>
  );
}

/** The unread count beside the channel's nav item. */
export function ChannelNavBadge() {
  const teams = useChannelTeams();
  const n = teams.data?.reduce((sum, tm) => sum + tm.unread, 0) ?? 0;
  return n > 0 ? <Badge size="sm" color="red" circle data-testid="channel-nav-unread">{n > 99 ? '99+' : n}</Badge> : null;
}
