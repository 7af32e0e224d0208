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

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text>{value || '—'}</Text>
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
                <Text size="sm" c="dimmed">{s.lodging.name}</Text>
              </div>
            </Group>
            <div>
              <Text size="xs" c="dimmed">{t('receipt.number')}</Text>
              <Text className="receipt-number" fw={800} fz="lg" data-testid="receipt-number"><BreakableNumber value={s.receiptNumber} /></Text>
            </div>
          </Group>
          <Divider />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Row label={t('fields.surname')} value={s.guest.surname} />
            <Row label={t('fields.givenNames')} value={s.guest.givenNames} />
            <Row label={t('fields.sex')} value={t(`sex.${s.guest.sex}`)} />
            <Row label={t('fields.dateOfBirth')} value={formatDate(s.guest.dateOfBirth, lang)} />
            <Row label={t('fields.nationality')} value={`${country(s.guest.nationality)} (${s.guest.nationality})`} />
            <Row label={t('fields.passportNumber')} value={s.guest.document.number ?? ''} />
            <Row label={t('fields.issuingState')} value={s.guest.document.issuingState} />
            <Row label={t('fields.passportExpiry')} value={formatDate(s.guest.document.expiryDate, lang)} />
            <Row label={t('fields.permitKind')} value={t(`permit.${s.permit.kind}`)} />
            <Row label={t('fields.permitNumber')} value={s.permit.number ?? ''} />
            <Row label={t('fields.permitValidity')} value={`${formatDate(s.permit.validFrom, lang)} – ${formatDate(s.permit.validUntil, lang)}`} />
            <Row label={t('fields.room')} value={s.room ?? ''} />
            <Row label={t('fields.arrivalDate')} value={formatDate(s.arrivalDate, lang)} />
            <Row label={t('fields.plannedDeparture')} value={formatDate(s.plannedDeparture, lang)} />
            {s.departureDate && <Row label={t('fields.departureDate')} value={formatDate(s.departureDate, lang)} />}
          </SimpleGrid>
          <Divider />
          <Text size="sm" c="dimmed">
            {t('receipt.reportedAt', { at: formatDateTime(s.createdAt, zone, lang), by: me.reporterOrg?.name ?? s.lodging.name })}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
