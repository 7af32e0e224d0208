import { Anchor, Text, type MantineSize } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Stay } from '../../api/types';
import { formatDate } from '../../lib/time';

/** "room 12" for a bare number; a room already named ("Kamar 3", "Villa 1") stays as it is. */
export function roomLabel(room: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  return /^\d/.test(room) ? t('stays.roomShort', { room }) : room;
}

/** Staying now, or checked out (with the date when the caller may see it). */
export function StayStatus({ stay, size = 'sm' }: { stay: Stay; size?: MantineSize }) {
  const { t, i18n } = useTranslation();
  if (stay.cancelled) return <Text size={size} c="red.8" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="stay-cancelled">✕ {t('lifecycle.cancelled')}</Text>;
  // a worker is employed and a resident lives here, where a guest stays
  const kind = stay.reportKind === 'work' ? 'Work' : stay.reportKind === 'residence' ? 'Residence' : '';
  if (stay.present) return <Text size={size} c="green.8" fw={600} style={{ whiteSpace: 'nowrap' }}>● {t(`stays.present${kind}`)}</Text>;
  return (
    <Text size={size} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {stay.departureDate ? t(`stays.departed${kind}`, { date: formatDate(stay.departureDate, i18n.language) }) : t('guestList.checkedOut')}
    </Text>
  );
}

/** The guest's name; a link to the person's profile when the caller may know the person. */
export function GuestName({ name, personId }: { name: string; personId: string | null }) {
  if (personId === null) return <Text fw={600} size="sm">{name}</Text>;
  return <Anchor component={Link} to={`/persons/${encodeURIComponent(personId)}`} fw={600} size="sm" data-testid="person-link">{name}</Anchor>;
}
