import { Anchor, Button, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCountryNames } from '../../api/reference';
import type { Stay } from '../../api/types';
import { formatDate, formatDateTime, type Zone } from '../../lib/time';
import { BreakableNumber } from './ReceiptPanel';
import { StayCards } from './StayCards';
import { GuestName, roomLabel, StayStatus } from './stayCells';
import { guestName } from './visibility';
import { FindingBadges, OrWithheld, Withheld } from './Withheld';
import { ReportKindBadge } from '../work-reports/EmploymentCard';

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
  if (phone) return <StayCards items={items} zone={zone} onCheckOut={onCheckOut} showLodging={showLodging} showStatus={showStatus} testId={testId} />;
  // The action column only when some row may be checked out (Timpora members never may).
  const actions = !!onCheckOut && items.some((s) => s.abilities?.checkOut);
  return (
    <Table.ScrollContainer minWidth={showLodging ? 960 : 860}>
      <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing={8} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
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
              <Table.Tr key={s.id} data-testid="stay-row">
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
                {actions && (
                  <Table.Td>
                    {s.abilities?.checkOut && s.present && (
                      <Button size="xs" variant="light" onClick={() => onCheckOut!(s)} data-testid="checkout-open">
                        {t('stays.checkOut')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
