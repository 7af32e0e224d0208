import { useRef, useState } from 'react';
import { ActionIcon, Button, Checkbox, CloseButton, FileButton, Group, Paper, Popover, SegmentedControl, Stack, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type ChannelMember, uploadAttachment, usePostMessage } from './api';
import { IconLink, IconPaperclip } from './icons';

const MAX_BYTES = 5 * 1024 * 1024;

/** The text before the caret ends in "@part": the part being typed, else null. */
function mentionAt(value: string, caret: number): { start: number; part: string } | null {
  const m = /(^|\s)@([a-z0-9._-]*)$/i.exec(value.slice(0, caret));
  return m ? { start: caret - m[2]!.length - 1, part: m[2]!.toLowerCase() } : null;
}

export function Composer({ teamId, members, parentId, canAnnounce, meId }: { teamId: string; members: ChannelMember[]; parentId?: string; canAnnounce?: boolean; meId: string }) {
  const { t } = useTranslation();
  const post = usePostMessage(teamId);
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [announce, setAnnounce] = useState(false);
  const [files, setFiles] = useState<{ id: string; filename: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkKind, setLinkKind] = useState<'person' | 'case'>('person');
  const [linkId, setLinkId] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);

  const mention = mentionAt(text, caret);
  const suggestions = mention
    ? members.filter((m) => m.id !== meId && (m.username.includes(mention.part) || m.displayName.toLowerCase().includes(mention.part))).slice(0, 6)
    : [];

  const insert = (at: number, end: number, value: string) => {
    const next = `${text.slice(0, at)}${value}${text.slice(end)}`;
    setText(next);
    const pos = at + value.length;
    setCaret(pos);
    requestAnimationFrame(() => { area.current?.focus(); area.current?.setSelectionRange(pos, pos); });
  };

  const attach = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) { setError(t('channel.fileTooLarge')); return; }
    try {
      const up = await uploadAttachment(teamId, file);
      setFiles((f) => [...f, { id: up.id, filename: up.filename }]);
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldErrors[0]?.message ?? err.message) : t('channel.uploadFailed'));
    }
  };

  const send = () => {
    if (!text.trim() && files.length === 0) return;
    setError(null);
    post.mutate({ text, ...(parentId ? { parentId } : {}), ...(announce ? { announcement: true } : {}), ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}) }, {
      onSuccess: () => { setText(''); setFiles([]); setAnnounce(false); },
      onError: (err) => setError(err instanceof ApiError ? (err.fieldErrors[0]?.message ?? err.message) : String(err)),
    });
  };

  return (
    <Paper withBorder p="xs" radius="md">
      <Stack gap={6}>
        <Popover opened={suggestions.length > 0} position="top-start" width={260} shadow="md">
          <Popover.Target>
            <Textarea
              ref={area}
              value={text}
              placeholder={t(parentId ? 'channel.replyPlaceholder' : 'channel.placeholder')}
              autosize minRows={1} maxRows={6} maxLength={4000}
              onChange={(e) => { setText(e.currentTarget.value); setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length); }}
              onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
              onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(); }}
              aria-label={t('channel.placeholder')}
              data-testid={parentId ? 'thread-composer' : 'composer'}
            />
          </Popover.Target>
          <Popover.Dropdown p={4} data-testid="mention-suggestions">
            {suggestions.map((m) => (
              <UnstyledButton key={m.id} w="100%" p={6} onMouseDown={(e) => { e.preventDefault(); insert(mention!.start, caret, `@${m.username} `); }} data-testid={`suggest-${m.username}`}>
                <Text size="sm" fw={600}>{m.displayName}</Text>
                <Text size="xs" c="dimmed">@{m.username} · {m.agencyName ?? ''}</Text>
              </UnstyledButton>
            ))}
          </Popover.Dropdown>
        </Popover>
        {files.length > 0 && (
          <Group gap={4}>
            {files.map((f) => (
              <Group key={f.id} gap={2} px={6} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 12 }}>
                <Text size="xs">{f.filename}</Text>
                <CloseButton size="xs" onClick={() => setFiles((all) => all.filter((x) => x.id !== f.id))} aria-label={t('channel.removeFile')} />
              </Group>
            ))}
          </Group>
        )}
        {error && <Text size="xs" c="red" data-testid="composer-error">{error}</Text>}
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Group gap={4} wrap="nowrap">
            <FileButton onChange={(f) => void attach(f)} accept="image/jpeg,image/png,application/pdf">
              {(props) => <ActionIcon {...props} variant="subtle" size="lg" aria-label={t('channel.attach')} title={t('channel.attach')}><IconPaperclip /></ActionIcon>}
            </FileButton>
            <Popover opened={linkOpen} onChange={setLinkOpen} position="top-start" shadow="md" width={260}>
              <Popover.Target>
                <ActionIcon variant="subtle" size="lg" onClick={() => setLinkOpen((o) => !o)} aria-label={t('channel.insertLink')} title={t('channel.insertLink')}><IconLink /></ActionIcon>
              </Popover.Target>
              <Popover.Dropdown>
                <Stack gap={6}>
                  <SegmentedControl size="xs" value={linkKind} onChange={(v) => setLinkKind(v as 'person' | 'case')}
                    data={[{ value: 'person', label: t('channel.linkPerson') }, { value: 'case', label: t('channel.linkCase') }]} />
                  <TextInput size="xs" label={t('channel.linkId')} value={linkId} onChange={(e) => setLinkId(e.currentTarget.value.trim())} />
                  <Button size="xs" disabled={!/^[A-Za-z0-9-]{1,64}$/.test(linkId)} onClick={() => { insert(caret, caret, `sinergi:${linkKind}/${linkId} `); setLinkId(''); setLinkOpen(false); }}>
                    {t('channel.insert')}
                  </Button>
                </Stack>
              </Popover.Dropdown>
            </Popover>
            {canAnnounce && !parentId && <Checkbox size="xs" label={t('channel.asAnnouncement')} checked={announce} onChange={(e) => setAnnounce(e.currentTarget.checked)} />}
          </Group>
          <Button size="sm" onClick={send} loading={post.isPending} data-testid={parentId ? 'thread-send' : 'send'}>{t('channel.send')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
