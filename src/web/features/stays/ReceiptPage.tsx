import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Divider, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { formatDate } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage, NotFoundPage } from '../../pages/StatusPage';
import { IconFile, IconPrinter } from '../../shell/icons';
import { Logo } from '../../shell/Logo';
import { receiptPdfUrl, useStay } from './api';
import { EmploymentCard, ReportKindBadge } from '../work-reports/EmploymentCard';
import { type ReceiptGuest, useReceipt } from './lifecycleApi';
import { BreakableNumber } from './ReceiptPanel';
import { Withheld } from './Withheld';

// Print view of the Surat Tanda Terima Pelaporan Orang Asing. It shows the server's receipt
// presenter (GET /api/v1/stays/{id}/receipt), the same data the PDF and /verify print: the
// office, the lodging, every guest of the receipt, and the QR code that verifies it.

function Field({ label, value, testId }: { label: string; value: string | null | undefined; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      {value === null || value === undefined ? <Withheld size="sm" /> : <Text size="sm" data-testid={testId}>{value || '—'}</Text>}
    </div>
  );
}

function GuestBlock({ g }: { g: ReceiptGuest }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const date = (d: string | null) => (d ? formatDate(d, lang) : '—');
  const dates = g.arrivalDate === null ? null
    : `${date(g.arrivalDate)} – ${g.departureDate ? date(g.departureDate) : `${date(g.plannedDeparture)} (${t('lifecycle.planned')})`}`;
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="receipt-guest">
      <Group justify="space-between" wrap="wrap" gap="xs" mb={6}>
        <Text fw={700}>{g.line}. {g.name ?? <Withheld />}</Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed" ff="monospace">{g.receiptNumber}</Text>
          {g.status !== 'present' && <Badge color={g.status === 'cancelled' ? 'red' : 'gray'} variant="light">{t(`lifecycle.status.${g.status}`)}</Badge>}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Field label={t('fields.nationality')} value={g.nationality && `${lang.startsWith('en') ? g.nationality.nameEn : g.nationality.nameId} (${g.nationality.code})`} />
        <Field label={t('fields.passportNumber')} value={g.document && `${g.document.number} (${g.document.issuingState})`} testId="receipt-passport" />
        <Field label={t('lifecycle.dates')} value={dates} />
        <Field label={t('fields.permitKind')} value={g.permit && `${lang.startsWith('en') ? g.permit.label.en : g.permit.label.id}${g.permit.validUntil ? ` · ${t('lifecycle.until', { date: date(g.permit.validUntil) })}` : ''}`} />
      </SimpleGrid>
    </Paper>
  );
}

export function ReceiptPage() {
  usePageTitle('receipt.docTitle');
  const { id } = useParams();
  const { t } = useTranslation();
  const receipt = useReceipt(id);
  const stay = useStay(id); // the report's own kind and a worker's employment, beside the receipt
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    if (receipt.data) void QRCode.toDataURL(receipt.data.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 160 }).then(setQr);
  }, [receipt.data]);

  if (receipt.error instanceof ApiError && receipt.error.status === 404) return <NotFoundPage />;
  if (receipt.error instanceof ApiError && receipt.error.status === 403) return <ForbiddenPage />;
  if (receipt.isError) return <Alert color="red">{(receipt.error as Error).message}</Alert>;
  if (!receipt.data) return <Skeleton h={480} maw={760} mx="auto" />;
  const r = receipt.data;
  const withheld = !r.lodging || r.guests.some((g) => [g.name, g.nationality, g.document, g.permit, g.arrivalDate].includes(null));

  return (
    <Stack maw={760} mx="auto">
      <Group justify="flex-end" className="no-print" gap="sm">
        <Button component="a" href={receiptPdfUrl(id!)} target="_blank" rel="noopener" variant="default" leftSection={<IconFile size={18} />} data-testid="receipt-pdf">{t('receipt.pdf')}</Button>
        <Button onClick={() => window.print()} leftSection={<IconPrinter size={18} />}>{t('receipt.printNow')}</Button>
      </Group>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" className="print-sheet">
        <Stack gap="md">
          <Stack gap={0} align="center">
            <Text size="xs" fw={700} ta="center">KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA</Text>
            <Text size="xs" fw={700} ta="center">DIREKTORAT JENDERAL IMIGRASI</Text>
            <Text fw={800} ta="center" tt="uppercase" data-testid="receipt-office">{r.office}</Text>
          </Stack>
          <Divider />
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
            <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 260px' }}>
              <div style={{ flexShrink: 0 }}><Logo size={40} /></div>
              <div>
                <Title order={4}>{t('receipt.docTitle')}</Title>
                {r.lodging ? <Text size="sm" c="dimmed">{r.lodging.name}{r.lodging.address ? `, ${r.lodging.address}` : ''}</Text> : <Withheld />}
                <Text size="xs" c="dimmed" mt={4}>{t('lifecycle.reportedAt', { at: r.reportedAt })}</Text>
                {stay.data && <ReportKindBadge kind={stay.data.reportKind} />}
              </div>
            </Group>
            <div>
              <Text size="xs" c="dimmed">{t('receipt.number')}</Text>
              <Text className="receipt-number" fw={800} fz="lg" data-testid="receipt-number"><BreakableNumber value={r.receiptNumber} /></Text>
              {qr && <img src={qr} alt={t('lifecycle.qrAlt')} width={120} height={120} data-testid="receipt-qr" />}
            </div>
          </Group>
          <Text size="sm" fw={600}>{t('lifecycle.guests', { count: r.guests.length })}</Text>
          <Stack gap="xs">{r.guests.map((g) => <GuestBlock key={g.receiptNumber} g={g} />)}</Stack>
          <Divider />
          <Text size="xs" c="dimmed">{t('lifecycle.verifyAt')} <Text span ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="receipt-verify-url">{r.verifyUrl}</Text></Text>
          {r.auditPosition && <Text size="xs" c="dimmed">{t('lifecycle.auditPosition', { position: r.auditPosition })}</Text>}
          {withheld && <Text size="xs" c="dimmed" fs="italic" data-testid="withheld-note">{t('access.withheldNote')}</Text>}
        </Stack>
      </Paper>
      {stay.data && <EmploymentCard stay={stay.data} />}
    </Stack>
  );
}
