import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCountryNames } from '../../api/reference';
import type { Stay } from '../../api/types';
import { formatDate, formatDateTime, type Zone } from '../../lib/time';

/** "room 12" for a bare number; a room already named ("Kamar 3", "Villa 1") stays as it is. */
function roomLabel(room: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  return /^\d/.test(room) ? t('stays.roomShort', { room }) : room;
}

export function guestName(s: Stay): string {
  return [s.guest.surname, s.guest.givenNames].filter(Boolean).join(', ');
}

export function StayTable({ items, zone, onCheckOut, showLodging = false, showStatus = true, testId }: {
  items: Stay[];
  zone: Zone;
  onCheckOut?: (stay: Stay) => void;
  showLodging?: boolean;
  showStatus?: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) {
    // On a phone a wide table would hide the action: one card per stay instead.
    return (
      <Stack gap="xs" data-testid={testId}>
        {items.map((s) => (
          <Paper key={s.id} withBorder radius="md" p="sm" data-testid="stay-row">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm">{guestName(s)}</Text>
                <Text size="xs" c="dimmed">
                  {country(s.guest.nationality)} · {t(`permitShort.${s.permit.kind}`)}{s.guest.document.number ? ` · ${s.guest.document.number}` : ''}
                </Text>
              </div>
              {showStatus && (s.departureDate ? (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{t('stays.departed', { date: formatDate(s.departureDate, lang) })}</Text>
              ) : (
                <Text size="xs" c="green.8" fw={600} style={{ whiteSpace: 'nowrap' }}>● {t('stays.present')}</Text>
              ))}
            </Group>
            <Text size="xs" mt={4}>
              {showLodging ? `${s.lodging?.name}${s.room ? ` · ${roomLabel(s.room, t)}` : ''}` : s.room ? roomLabel(s.room, t) : ''}
              {(showLodging || s.room) ? ' · ' : ''}{t('stays.arrived', { date: formatDate(s.arrivalDate, lang) })}
            </Text>
            <Group justify="space-between" mt={6} wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/stays/${s.id}/receipt`} size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>{s.receiptNumber}</Anchor>
                <Text size="xs" c="dimmed">{formatDateTime(s.createdAt, zone, lang)}</Text>
              </div>
              {onCheckOut && s.abilities?.checkOut && !s.departureDate && (
                <Button size="xs" variant="light" onClick={() => onCheckOut(s)} data-testid="checkout-open">{t('stays.checkOut')}</Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={showLodging ? 920 : 820}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stays.guest')}</Table.Th>
            <Table.Th>{t('fields.nationality')}</Table.Th>
            <Table.Th>{t('fields.permitKind')}</Table.Th>
            {showLodging ? <Table.Th>{t('stays.lodging')}</Table.Th> : <Table.Th>{t('fields.room')}</Table.Th>}
            <Table.Th>{t('fields.arrivalDate')}</Table.Th>
            {showStatus && <Table.Th>{t('stays.status')}</Table.Th>}
            <Table.Th>{t('stays.report')}</Table.Th>
            {onCheckOut && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="stay-row">
              <Table.Td miw={170}>
                <Text fw={600} size="sm">{guestName(s)}</Text>
                <Text size="xs" c="dimmed">{s.guest.document.number}</Text>
              </Table.Td>
              <Table.Td><Text size="sm">{country(s.guest.nationality)}</Text></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm" title={t(`permit.${s.permit.kind}`)}>{t(`permitShort.${s.permit.kind}`)}</Text></Table.Td>
              {showLodging ? (
                <Table.Td>
                  <Text size="sm">{s.lodging?.name}</Text>
                  {s.room && <Text size="xs" c="dimmed">{roomLabel(s.room, t)}</Text>}
                </Table.Td>
              ) : (
                <Table.Td><Text size="sm">{s.room ?? '—'}</Text></Table.Td>
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatDate(s.arrivalDate, lang)}</Text></Table.Td>
              {showStatus && <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {s.departureDate ? (
                  <Text size="sm" c="dimmed">{t('stays.departed', { date: formatDate(s.departureDate, lang) })}</Text>
                ) : (
                  <Text size="sm" c="green.8" fw={600}>● {t('stays.present')}</Text>
                )}
              </Table.Td>}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/stays/${s.id}/receipt`} size="xs" ff="monospace">{s.receiptNumber}</Anchor>
                <Text size="xs" c="dimmed">{formatDateTime(s.createdAt, zone, lang)}</Text>
              </Table.Td>
              {onCheckOut && (
                <Table.Td>
                  {s.abilities?.checkOut && !s.departureDate && (
                    <Button size="xs" variant="light" onClick={() => onCheckOut(s)} data-testid="checkout-open">
                      {t('stays.checkOut')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
