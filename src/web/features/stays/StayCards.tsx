import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCountryNames } from '../../api/reference';
import type { Stay } from '../../api/types';
import { formatDate, formatDateTime, type Zone } from '../../lib/time';
import { GuestName, roomLabel, StayStatus } from './stayCells';
import { guestName } from './visibility';
import { FindingBadges, OrWithheld, Withheld } from './Withheld';
import { ReportKindBadge } from '../work-reports/EmploymentCard';

/** The guest list on a phone: one card per stay, so the action is never scrolled away. */
export function StayCards({ items, zone, onCheckOut, showLodging, showStatus, testId }: {
  items: Stay[]; zone: Zone; onCheckOut?: (stay: Stay) => void; showLodging: boolean; showStatus: boolean; testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  const lang = i18n.language;
  return (
    <Stack gap="xs" data-testid={testId}>
      {items.map((s) => {
        const name = guestName(s);
        return (
          <Paper key={s.id} withBorder radius="md" p="sm" data-testid="stay-row">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                {name === null ? <Withheld /> : <GuestName name={name} personId={s.personId} />}
                <Text size="xs" c="dimmed" component="div">
                  <OrWithheld value={s.guest.nationality} size="xs">{country(s.guest.nationality ?? '')}</OrWithheld>
                  {' · '}
                  <OrWithheld value={s.permit.kind} size="xs">{t(`permitShort.${s.permit.kind}`)}</OrWithheld>
                  {' · '}{t('guestList.passport')}{' '}
                  <span data-testid="stay-passport">
                    <OrWithheld value={s.guest.document.number} size="xs"><Text span size="xs" ff="monospace">{s.guest.document.number}</Text></OrWithheld>
                  </span>
                </Text>
              </div>
              {showStatus && <StayStatus stay={s} size="xs" />}
            </Group>
            <Text size="xs" mt={4} component="div">
              {showLodging && <><OrWithheld value={s.lodging} size="xs">{s.lodging?.name}</OrWithheld>{' · '}</>}
              {s.room && <>{roomLabel(s.room, t)}{' · '}</>}
              {s.arrivalDate ? t('stays.arrived', { date: formatDate(s.arrivalDate, lang) }) : <Withheld size="xs" />}
            </Text>
            <FindingBadges findings={s.findings} />
            <ReportKindBadge kind={s.reportKind} />
            <Group justify="space-between" mt={6} wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/stays/${s.id}/receipt`} size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>{s.receiptNumber}</Anchor>
                <Text size="xs" c="dimmed">{formatDateTime(s.createdAt, zone, lang)}</Text>
              </div>
              {onCheckOut && s.abilities?.checkOut && s.present && (
                <Button size="xs" variant="light" onClick={() => onCheckOut(s)} data-testid="checkout-open">{t('stays.checkOut')}</Button>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
