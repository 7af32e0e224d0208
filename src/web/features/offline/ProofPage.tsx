import { useEffect, useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { usePageTitle } from '../../lib/usePageTitle';
import { formatDate, formatDateTime, zoneOf } from '../../lib/time';
import { IconPrinter } from '../../shell/icons';
import { useCurrentUser } from '../auth/useMe';
import { getReport, type QueuedReport } from './queue';

/** A passport number with all but its last three characters hidden, as on a receipt. */
export function maskNumber(n: string): string {
  return n.length <= 3 ? n : '•'.repeat(n.length - 3) + n.slice(-3);
}

/** Printable proof that a report was made on this device at a given time, before or after it was sent. */
export default function ProofPage() {
  usePageTitle('clerkForm.proof.title');
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const me = useCurrentUser();
  const [report, setReport] = useState<QueuedReport | null | undefined>(undefined);
  useEffect(() => { void getReport(id ?? '').then((r) => setReport(r ?? null)); }, [id]);
  if (report === undefined) return null;
  if (!report) return <Text data-testid="proof-missing">{t('clerkForm.proof.missing')}</Text>;
  const zone = zoneOf(report.zone);
  const input = report.input;
  const guests = [input.guest, ...(input.members ?? [])];
  const at = (iso: string) => formatDateTime(iso, zone, i18n.language);
  return (
    <Stack maw={800} mx="auto" gap="md" className="print-page">
      <Group justify="flex-end" className="no-print">
        <Button leftSection={<IconPrinter size={18} />} onClick={() => window.print()} data-testid="proof-print">{t('receipt.print')}</Button>
      </Group>
      <Paper withBorder p="lg" radius="md" data-testid="proof">
        <Title order={3}>{t('clerkForm.proof.title')}</Title>
        <Text size="sm" c="dimmed" mb="md">{t('clerkForm.proof.note')}</Text>
        <Text>{t('clerkForm.proof.reporter', { name: me.reporterOrg?.name ?? me.displayName })}</Text>
        <Text fw={700} data-testid="proof-made">{t('clerkForm.queue.made', { at: at(report.createdAt) })}</Text>
        <Text>{t('clerkForm.queue.deadline', { at: at(report.deadline) })}</Text>
        <Text>{t('clerkForm.proof.state', { state: t(`clerkForm.queue.state.${report.state}`) })}{report.receiptNumber ? ` · ${report.receiptNumber}` : ''}</Text>
        <Text size="xs" c="dimmed">{t('clerkForm.proof.reference', { id: report.id })}</Text>
        <Table mt="md" withTableBorder>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('fields.surname')}</Table.Th><Table.Th>{t('fields.nationality')}</Table.Th><Table.Th>{t('fields.passportNumber')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {guests.map((g, i) => (
              <Table.Tr key={i}><Table.Td>{g.givenNames ? `${g.surname}, ${g.givenNames}` : g.surname}</Table.Td><Table.Td>{g.nationality}</Table.Td><Table.Td>{maskNumber(g.document.number)}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text mt="md">{t('fields.arrivalDate')}: {formatDate(input.arrivalDate, i18n.language)}{input.room ? ` · ${t('fields.room')}: ${input.room}` : ''}</Text>
        <Text>{t(`permit.${input.guest.permit.kind}`)}: {formatDate(input.guest.permit.validFrom, i18n.language)} – {formatDate(input.guest.permit.validUntil ?? null, i18n.language)}</Text>
      </Paper>
    </Stack>
  );
}
