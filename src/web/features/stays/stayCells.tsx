import { Text, type MantineSize } from '@mantine/core';
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
  if (stay.present) return <Text size={size} c="green.8" fw={600} style={{ whiteSpace: 'nowrap' }}>● {t('stays.present')}</Text>;
  return (
    <Text size={size} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {stay.departureDate ? t('stays.departed', { date: formatDate(stay.departureDate, i18n.language) }) : t('guestList.checkedOut')}
    </Text>
  );
}
