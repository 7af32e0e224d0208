import { Anchor, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCountryNames } from '../../api/reference';
import type { Stay } from '../../api/types';
import { formatDate, formatDateTime, type Zone } from '../../lib/time';
import { GuestName, roomLabel, StayStatus } from './stayCells';
import { StayActions, type StayAction } from './StayActions';
import type { Selection } from './StayTable';
import { guestName } from './visibility';
import { FindingBadges, OrWithheld, Withheld } from './Withheld';
import { ReportKindBadge } from '../work-reports/EmploymentCard';

/** The guest list on a phone: one card per stay, so the action is never scrolled away. */
export function StayCards({ items, zone, onAction, selection, showLodging, showStatus, testId }: {
  items: Stay[]; zone: Zone; onAction?: (stay: Stay, action: StayAction) => void; selection?: Selection; showLodging: boolean; showStatus: boolean; testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  const lang = i18n.language;
  return (
    <Stack gap="xs" data-testid={testId}>
      {items.map((s) => {
        const name = guestName(s);
        return (
          <Paper key={s.id} withBorder radius="md" p="sm" data-testid="stay-row" style={s.cancelled ? { opacity: 0.7 } : undefined}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              {selection && s.abilities?.checkOut && s.present && (
                <Checkbox mt={2} aria-label={t('lifecycle.select')} checked={selection.selected.has(s.id)} data-testid="stay-select"
                  onChange={(e) => selection.set([s.id], e.currentTarget.checked)} />
              )}
              <div style={{ minWidth: 0, flex: 1 }}>
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
              {onAction && <StayActions stay={s} onAction={onAction} />}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
