import { useEffect, useMemo, useState } from 'react';
import { Accordion, Alert, Badge, Button, Drawer, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/useMe';
import { usePageTitle } from '../../lib/usePageTitle';
import { type ChannelMessage, useChannelMessage, useChannelMessages, useChannelOverview, useChannelTeams, useMarkRead } from './api';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';
import { MessageText } from './MessageText';
import { NoticeLog } from './NoticeLog';
import { IconBell, IconPin } from './icons';

/** /channel: the first team's channel (most users sit in one team). */
export function ChannelIndexPage() {
  const { t } = useTranslation();
  const teams = useChannelTeams();
  if (teams.isLoading) return <Loader />;
  const first = teams.data?.[0];
  if (!first) return <Text c="dimmed">{t('channel.noTeam')}</Text>;
  return <Navigate to={`/channel/${first.id}`} replace />;
}

export default function ChannelPage() {
  const { t } = useTranslation();
  const { teamId = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const phone = useMediaQuery('(max-width: 48em)');
  const teams = useChannelTeams();
  const overview = useChannelOverview(teamId);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const list = useChannelMessages(teamId, { q: search || undefined });
  const markRead = useMarkRead(teamId);
  const thread = params.get('thread');
  const highlighted = params.get('message');
  usePageTitle('channel.title');

  const messages = useMemo(() => (list.data?.pages.flatMap((p) => p.items) ?? []).slice().reverse(), [list.data]);
  const latest = overview.data?.latestMessageId;
  useEffect(() => {
    // seen on screen: everything up to the newest message is read
    if (latest && !search && overview.data && overview.data.lastReadMessageId !== latest && overview.data.unread > 0) markRead.mutate(latest);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latest, search, overview.data?.unread]);
  useEffect(() => {
    if (highlighted) document.querySelector(`[data-message-id="${CSS.escape(highlighted)}"]`)?.scrollIntoView({ block: 'center' });
  }, [highlighted, messages.length]);

  if (overview.isError) return <Alert color="red">{t('channel.cannotOpen')}</Alert>;
  if (!overview.data) return <Loader />;
  const o = overview.data;
  const openThread = (id: string | null) => setParams((p) => { if (id) p.set('thread', id); else p.delete('thread'); return p; });
  const announcements = o.pinned.filter((m) => m.kind === 'announcement');
  const guides = o.pinned.filter((m) => m.kind === 'guide');
  const render = (m: ChannelMessage) => <MessageItem key={m.id} message={m} onOpenThread={() => openThread(m.id)}><MessageText message={m} /></MessageItem>;

  return (
    <Stack gap="sm" maw={900} data-testid="channel-page">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={3}>{o.team.name}</Title>
          {o.unread > 0 && <Badge color="red" data-testid="channel-unread">{o.unread}</Badge>}
        </Group>
        {teams.data && teams.data.length > 1 && (
          <NativeSelect size="xs" value={teamId} onChange={(e) => navigate(`/channel/${e.currentTarget.value}`)} data={teams.data.map((tm) => ({ value: tm.id, label: `${tm.name}${tm.unread ? ` (${tm.unread})` : ''}` }))} aria-label={t('channel.team')} />
        )}
      </Group>
      {announcements.map(render)}
      <Accordion variant="contained" radius="md">
        <Accordion.Item value="guides">
          <Accordion.Control icon={<IconPin size={16} />}>{t('channel.pinnedGuides')}</Accordion.Control>
          <Accordion.Panel><Stack gap="xs">{guides.map(render)}</Stack></Accordion.Panel>
        </Accordion.Item>
        {o.abilities.readLog && (
          <Accordion.Item value="log">
            <Accordion.Control icon={<IconBell size={16} />}>{t('channel.noticeLog')}</Accordion.Control>
            <Accordion.Panel><NoticeLog teamId={teamId} /></Accordion.Panel>
          </Accordion.Item>
        )}
      </Accordion>
      <form onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }}>
        <Group gap={4} wrap="nowrap">
          <TextInput style={{ flex: 1 }} size="xs" placeholder={t('channel.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={100} aria-label={t('channel.search')} />
          {search && <Button size="xs" variant="default" onClick={() => { setQ(''); setSearch(''); }}>{t('channel.clearSearch')}</Button>}
        </Group>
      </form>
      {list.hasNextPage && <Button variant="subtle" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('channel.older')}</Button>}
      <Stack gap={6} data-testid="message-list">
        {messages.length === 0 && !list.isLoading && <Text c="dimmed" size="sm">{t(search ? 'channel.noResults' : 'channel.empty')}</Text>}
        {messages.map(render)}
      </Stack>
      {o.abilities.post && <div style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', paddingTop: 4 }}><Composer teamId={teamId} members={o.members} canAnnounce={o.abilities.announce} meId={me.id} /></div>}
      <Drawer opened={thread !== null} onClose={() => openThread(null)} position={phone ? 'bottom' : 'right'} size={phone ? '85%' : 'md'} title={t('channel.thread')}>
        {thread && <ThreadPanel teamId={teamId} rootId={thread} members={o.members} meId={me.id} canPost={o.abilities.post} />}
      </Drawer>
    </Stack>
  );
}

function ThreadPanel({ teamId, rootId, members, meId, canPost }: { teamId: string; rootId: string; members: { id: string; username: string; displayName: string; agencyName: string | null; position: string }[]; meId: string; canPost: boolean }) {
  const { t } = useTranslation();
  const rootQuery = useChannelMessage(rootId);
  const replies = useChannelMessages(teamId, { thread: rootId });
  const root = rootQuery.data;
  const items = (replies.data?.pages.flatMap((p) => p.items) ?? []).slice().reverse();
  return (
    <Stack gap="xs" data-testid="thread-panel">
      {root && <MessageItem message={root}><MessageText message={root} /></MessageItem>}
      <Text size="xs" c="dimmed">{t('channel.replies', { count: items.length })}</Text>
      {items.map((m) => <MessageItem key={m.id} message={m}><MessageText message={m} /></MessageItem>)}
      {canPost && !root?.resolvedAt && <Composer teamId={teamId} members={members} parentId={rootId} meId={meId} />}
      {root?.resolvedAt && <Text size="sm" c="green">{t('channel.threadResolved')}</Text>}
    </Stack>
  );
}
