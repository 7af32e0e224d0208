import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { segments } from '../../../domain/channel/text';
import type { ChannelMessage } from './api';

/**
 * A message's text with mentions highlighted and person/case links resolved for this reader: a link
 * it may open, or "(tidak dapat dilihat)". Guides use **bold** lines; nothing else is markup.
 */
export function MessageText({ message }: { message: ChannelMessage }) {
  const { t } = useTranslation();
  if (message.text === null) return <Text size="sm" c="dimmed" fs="italic">{t('channel.deleted')}</Text>;
  const links = new Map(message.links.map((l) => [l.ref, l]));
  const mentioned = new Set(message.mentions.map((m) => m.username));
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="message-text">
      {segments(message.text).map((s, i) => {
        if (s.type === 'mention') {
          return mentioned.has(s.username)
            ? <Text key={i} span fw={600} c="blue" data-testid="mention">@{s.username}</Text>
            : <span key={i}>@{s.username}</span>;
        }
        if (s.type === 'link') {
          const link = links.get(s.ref);
          if (!link?.visible) return <Text key={i} span c="dimmed" fs="italic" data-testid="link-hidden">{t('channel.linkHidden')}</Text>;
          const to = link.kind === 'person' ? `/persons/${link.id}` : `/cases/${link.id}`;
          return <Anchor key={i} component={Link} to={to} data-testid="link-visible">{t(link.kind === 'person' ? 'channel.linkPerson' : 'channel.linkCase')}</Anchor>;
        }
        return s.text.split(/(\*\*[^*]+\*\*)/).map((part, j) => (part.startsWith('**') && part.endsWith('**')
          ? <strong key={`${i}-${j}`}>{part.slice(2, -2)}</strong>
          : <span key={`${i}-${j}`}>{part}</span>));
      })}
    </Text>
  );
}
