import { useState } from 'react';
import { Anchor, Badge, Button, Group, Menu, Paper, Stack, Text, Textarea, ActionIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ChannelMessage, useMessageAction } from './api';
import { IconDots, IconFileDoc } from './icons';
import { displayLocale } from '../../lib/time';

function when(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(displayLocale(lang), { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function MessageItem({ message, onOpenThread, children }: { message: ChannelMessage; onOpenThread?: () => void; children: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const action = useMessageAction(message.teamId);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.text ?? '');
  const a = message.abilities;
  const isRoot = message.parentId === null;
  return (
    <Paper p="xs" radius="md" withBorder={message.kind !== 'message'} bg={message.kind === 'announcement' ? 'yellow.0' : undefined} data-testid="message" data-message-id={message.id}>
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={700}>{message.author?.displayName ?? 'Sinergi'}</Text>
          {message.author?.agencyName && <Text size="xs" c="dimmed">{message.author.agencyName}</Text>}
          <Text size="xs" c="dimmed">{when(message.createdAt, i18n.language)}</Text>
          {message.editedAt && !message.deletedAt && <Text size="xs" c="dimmed">({t('channel.edited')})</Text>}
          {message.kind === 'announcement' && <Badge size="xs" color="yellow">{t('channel.announcement')}</Badge>}
          {message.kind === 'guide' && <Badge size="xs" color="blue">{t('channel.guide')}</Badge>}
          {message.resolvedAt && <Badge size="xs" color="green" data-testid="resolved-badge">{t('channel.resolved')}</Badge>}
        </Group>
        {(a.edit || a.delete || (a.resolve && isRoot)) && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target><ActionIcon variant="subtle" size="sm" aria-label={t('channel.actions')}><IconDots size={16} /></ActionIcon></Menu.Target>
            <Menu.Dropdown>
              {a.edit && <Menu.Item onClick={() => { setDraft(message.text ?? ''); setEditing(true); }}>{t('channel.edit')}</Menu.Item>}
              {a.resolve && isRoot && (
                <Menu.Item onClick={() => action.mutate({ id: message.id, op: 'resolve', resolved: !message.resolvedAt })}>
                  {t(message.resolvedAt ? 'channel.reopen' : 'channel.markResolved')}
                </Menu.Item>
              )}
              {a.delete && <Menu.Item color="red" onClick={() => { if (window.confirm(t('channel.confirmDelete'))) action.mutate({ id: message.id, op: 'delete' }); }}>{t('channel.delete')}</Menu.Item>}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {editing ? (
        <Stack gap={4} mt={4}>
          <Textarea value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          <Group gap={4}>
            <Button size="xs" onClick={() => action.mutate({ id: message.id, op: 'edit', text: draft }, { onSuccess: () => setEditing(false) })}>{t('channel.save')}</Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>{t('channel.cancel')}</Button>
          </Group>
        </Stack>
      ) : children}
      {message.attachments.length > 0 && (
        <Stack gap={2} mt={4}>
          {message.attachments.map((f) => (f.mime.startsWith('image/')
            ? <a key={f.id} href={`/api/v1/channel/attachments/${f.id}`} target="_blank" rel="noreferrer"><img src={`/api/v1/channel/attachments/${f.id}`} alt={f.filename} style={{ maxWidth: '100%', maxHeight: 220, borderRadius: 6 }} /></a>
            : <Anchor key={f.id} size="sm" href={`/api/v1/channel/attachments/${f.id}`} target="_blank" rel="noreferrer"><IconFileDoc size={14} /> {f.filename} ({Math.ceil(f.size / 1024)} KB)</Anchor>))}
        </Stack>
      )}
      {isRoot && onOpenThread && message.kind !== 'guide' && !message.deletedAt && (
        <Anchor component="button" size="xs" mt={4} onClick={onOpenThread} data-testid="open-thread">
          {message.replyCount > 0 ? t('channel.replies', { count: message.replyCount }) : t('channel.reply')}
        </Anchor>
      )}
    </Paper>
  );
}
