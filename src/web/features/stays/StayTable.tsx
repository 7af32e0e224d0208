import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCountryNames } from '../../api/reference';
import type { Stay } from '../../api/types';
import { formatDate, formatDateTime, type Zone } from '../../lib/time';
import { BreakableNumber } from './ReceiptPanel';
import { StayCards } from './StayCards';
import { StayActions, type StayAction } from './StayActions';
import { GuestName, roomLabel, StayStatus } from './stayCells';
import { guestName } from './visibility';
import { FindingBadges, OrWithheld, Withheld } from './Withheld';
import { ReportKindBadge } from '../work-reports/EmploymentCard';

/** Selected stays for a bulk action; set() adds or removes the given ids. */
export interface Selection { selected: ReadonlySet<string>; set: (ids: string[], on: boolean) => void }

export function StayTable({ items, zone, onAction, selection, showLodging = false, showStatus = true, testId }: {
  items: Stay[];
  zone: Zone;
  /** row actions (check-out, changes, history); none on a read-only list */
  onAction?: (stay: Stay, action: StayAction) => void;
  /** checkboxes for a bulk check-out */
  selection?: Selection;
  showLodging?: boolean;
  showStatus?: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) return <StayCards items={items} zone={zone} onAction={onAction} selection={selection} showLodging={showLodging} showStatus={showStatus} testId={testId} />;
  const actions = !!onAction;
  const selectable = selection ? items.filter((s) => s.abilities?.checkOut && s.present) : [];
  return (
    <Table.ScrollContainer minWidth={showLodging ? 960 : 860}>
      <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing={8} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={36}>
                <Checkbox aria-label={t('lifecycle.selectAll')} disabled={selectable.length === 0} data-testid="select-all"
                  checked={selectable.length > 0 && selectable.every((s) => selection.selected.has(s.id))}
                  onChange={(e) => selection.set(selectable.map((s) => s.id), e.currentTarget.checked)} />
              </Table.Th>
            )}
            <Table.Th>{t('stays.guest')}</Table.Th>
            <Table.Th>{t('guestList.passport')}</Table.Th>
            <Table.Th>{t('fields.nationality')}</Table.Th>
            <Table.Th>{t('fields.permitKind')}</Table.Th>
            {showLodging ? <Table.Th>{t('stays.lodging')}</Table.Th> : <Table.Th>{t('fields.room')}</Table.Th>}
            <Table.Th>{t('fields.arrivalDate')}</Table.Th>
            {showStatus && <Table.Th>{t('stays.status')}</Table.Th>}
            <Table.Th>{t('stays.report')}</Table.Th>
            {actions && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => {
            const name = guestName(s);
            return (
              <Table.Tr key={s.id} data-testid="stay-row" style={s.cancelled ? { opacity: 0.7 } : undefined}>
                {selection && (
                  <Table.Td>
                    {s.abilities?.checkOut && s.present && (
                      <Checkbox aria-label={t('lifecycle.select')} checked={selection.selected.has(s.id)} data-testid="stay-select"
                        onChange={(e) => selection.set([s.id], e.currentTarget.checked)} />
                    )}
                  </Table.Td>
                )}
                <Table.Td miw={150}>
                  {name === null ? <Withheld /> : <GuestName name={name} personId={s.personId} />}
                  <FindingBadges findings={s.findings} />
                  <ReportKindBadge kind={s.reportKind} />
                </Table.Td>
                <Table.Td data-testid="stay-passport">
                  <OrWithheld value={s.guest.document.number}><Text size="sm" ff="monospace">{s.guest.document.number}</Text></OrWithheld>
                </Table.Td>
                <Table.Td><OrWithheld value={s.guest.nationality}><Text size="sm">{country(s.guest.nationality ?? '')}</Text></OrWithheld></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <OrWithheld value={s.permit.kind}><Text size="sm" title={t(`permit.${s.permit.kind}`)}>{t(`permitShort.${s.permit.kind}`)}</Text></OrWithheld>
                </Table.Td>
                {showLodging ? (
                  <Table.Td>
                    <OrWithheld value={s.lodging}><Text size="sm" miw={130}>{s.lodging?.name}</Text></OrWithheld>
                    {s.room && <Text size="xs" c="dimmed">{roomLabel(s.room, t)}</Text>}
                  </Table.Td>
                ) : (
                  <Table.Td><Text size="sm">{s.room ?? '—'}</Text></Table.Td>
                )}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <OrWithheld value={s.arrivalDate}><Text size="sm">{formatDate(s.arrivalDate, lang)}</Text></OrWithheld>
                </Table.Td>
                {showStatus && <Table.Td style={{ whiteSpace: 'nowrap' }}><StayStatus stay={s} /></Table.Td>}
                <Table.Td miw={140}>
                  <Anchor component={Link} to={`/stays/${s.id}/receipt`} size="xs" ff="monospace"><BreakableNumber value={s.receiptNumber} /></Anchor>
                  <Text size="xs" c="dimmed">{formatDateTime(s.createdAt, zone, lang)}</Text>
                </Table.Td>
                {actions && <Table.Td><StayActions stay={s} onAction={onAction!} /></Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
