import { Alert, Button, Divider, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useCountryNames } from '../../api/reference';
import { formatDate, formatDateTime } from '../../lib/time';
import { NotFoundPage, ForbiddenPage } from '../../pages/StatusPage';
import { IconFile, IconPrinter } from '../../shell/icons';
import { Logo } from '../../shell/Logo';
import { useCurrentUser, useZone } from '../auth/useMe';
import { receiptPdfUrl, useStay } from './api';
import { BreakableNumber } from './ReceiptPanel';
import { usePageTitle } from '../../lib/usePageTitle';
import type { FieldGroup } from '../../../domain/access/field-matrix';
import { withheldGroups } from './visibility';
import { FindingBadges, Withheld } from './Withheld';
import { EmploymentCard, ReportKindBadge } from '../work-reports/EmploymentCard';

/** One field of the receipt; a field of a group withheld from the caller shows the marker. */
function Row({ label, value, withheld }: { label: string; value: string | null | undefined; withheld: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      {withheld ? <Withheld size="md" /> : <Text>{value || '—'}</Text>}
    </div>
  );
}

/** Print-friendly receipt (Surat Tanda Terima Pelaporan Orang Asing); the PDF is the official copy. */
export function ReceiptPage() {
  usePageTitle('receipt.docTitle');
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const me = useCurrentUser();
  const country = useCountryNames();
  const stay = useStay(id);
  const lang = i18n.language;

  if (stay.error instanceof ApiError && stay.error.status === 404) return <NotFoundPage />;
  if (stay.error instanceof ApiError && stay.error.status === 403) return <ForbiddenPage />;
  if (stay.isError) return <Alert color="red">{(stay.error as Error).message}</Alert>;
  if (!stay.data) return <Skeleton h={480} maw={760} mx="auto" />;
  const s = stay.data;
  const hidden = withheldGroups(s);
  const row = (labelKey: string, group: FieldGroup, value: string | null | undefined) => (
    <Row label={t(labelKey)} value={value} withheld={hidden.has(group)} />
  );
  const date = (d: string | null) => (d ? formatDate(d, lang) : null);
  const by = me.reporterOrg?.name ?? s.lodging?.name;

  return (
    <Stack maw={760} mx="auto">
      <Group justify="flex-end" className="no-print" gap="sm">
        <Button component="a" href={receiptPdfUrl(s.id)} target="_blank" rel="noopener" variant="default" leftSection={<IconFile size={18} />}>{t('receipt.pdf')}</Button>
        <Button onClick={() => window.print()} leftSection={<IconPrinter size={18} />}>{t('receipt.printNow')}</Button>
      </Group>
      <Paper withBorder p="xl" radius="md" className="print-sheet">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
            <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 260px' }}>
              <div style={{ flexShrink: 0 }}><Logo size={40} /></div>
              <div>
                <Title order={4}>{t('receipt.docTitle')}</Title>
                {s.lodging ? <Text size="sm" c="dimmed">{s.lodging.name}</Text> : <Withheld />}
                <FindingBadges findings={s.findings} />
                <ReportKindBadge kind={s.reportKind} />
              </div>
            </Group>
            <div>
              <Text size="xs" c="dimmed">{t('receipt.number')}</Text>
              <Text className="receipt-number" fw={800} fz="lg" data-testid="receipt-number"><BreakableNumber value={s.receiptNumber} /></Text>
            </div>
          </Group>
          <Divider />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            {row('fields.surname', 'identity', s.guest.surname)}
            {row('fields.givenNames', 'identity', s.guest.givenNames)}
            {row('fields.sex', 'identity', s.guest.sex && t(`sex.${s.guest.sex}`))}
            {row('fields.dateOfBirth', 'document', date(s.guest.dateOfBirth))}
            {row('fields.nationality', 'identity', s.guest.nationality && `${country(s.guest.nationality)} (${s.guest.nationality})`)}
            {row('fields.passportNumber', 'document', s.guest.document.number)}
            {row('fields.issuingState', 'document', s.guest.document.issuingState)}
            {row('fields.passportExpiry', 'document', date(s.guest.document.expiryDate))}
            {row('fields.permitKind', 'permit', s.permit.kind && t(`permit.${s.permit.kind}`))}
            {row('fields.permitNumber', 'permit', s.permit.number)}
            {row('fields.permitValidity', 'permit', s.permit.validFrom && `${formatDate(s.permit.validFrom, lang)} – ${formatDate(s.permit.validUntil, lang)}`)}
            {row('fields.room', 'whereabouts', s.room)}
            {row('fields.arrivalDate', 'whereabouts', date(s.arrivalDate))}
            {row('fields.plannedDeparture', 'whereabouts', date(s.plannedDeparture))}
            {!s.present && row('fields.departureDate', 'whereabouts', date(s.departureDate))}
          </SimpleGrid>
          <Divider />
          <Text size="sm" c="dimmed">
            {by ? t('receipt.reportedAt', { at: formatDateTime(s.createdAt, zone, lang), by }) : t('guestList.reportedAtOnly', { at: formatDateTime(s.createdAt, zone, lang) })}
          </Text>
          {hidden.size > 0 && <Text size="xs" c="dimmed" fs="italic" data-testid="withheld-note">{t('access.withheldNote')}</Text>}
        </Stack>
      </Paper>
      <EmploymentCard stay={s} />
    </Stack>
  );
}
