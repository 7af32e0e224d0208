import { useState } from 'react';
import { Alert, Anchor, Button, Group, Pagination, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/time';
import { IconFile } from '../../shell/icons';
import { useZone } from '../auth/useMe';
import { useReceipts } from './lifecycleApi';
import { BreakableNumber } from './ReceiptPanel';

const PAGE_SIZE = 20;

/** "Tanda terima": the caller's receipts, newest first, each downloadable again at any time (they never expire). */
export function ReceiptsList() {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const phone = useMediaQuery('(max-width: 48em)');
  const [page, setPage] = useState(1);
  const receipts = useReceipts(page, PAGE_SIZE);
  if (receipts.isError) return <Alert color="red">{(receipts.error as Error).message}</Alert>;
  if (!receipts.data) return <Skeleton h={240} />;
  const { items, total } = receipts.data;
  if (items.length === 0) return <Text c="dimmed" ta="center" py="xl">{t('lifecycle.noReceipts')}</Text>;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pdf = (url: string) => (
    <Button component="a" href={url} target="_blank" rel="noopener" size="xs" variant="light" leftSection={<IconFile size={14} />} data-testid="receipt-list-pdf">PDF</Button>
  );
  const number = (r: (typeof items)[number]) => (
    <Anchor component={Link} to={`/stays/${r.stayId}/receipt`} size="sm" ff="monospace"><BreakableNumber value={r.receiptNumber} /></Anchor>
  );
  return (
    <Stack gap="sm" data-testid="receipts-list">
      {phone ? items.map((r) => (
        <Paper key={r.receiptNumber} withBorder radius="md" p="sm" data-testid="receipt-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              {number(r)}
              <Text size="xs" c="dimmed">{formatDateTime(r.createdAt, zone, i18n.language)} · {t('lifecycle.guests', { count: r.guests })}</Text>
              {r.headName && <Text size="sm">{r.headName}</Text>}
            </div>
            {pdf(r.pdfUrl)}
          </Group>
        </Paper>
      )) : (
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('receipt.number')}</Table.Th><Table.Th>{t('stays.reportedAt')}</Table.Th>
              <Table.Th>{t('stays.guest')}</Table.Th><Table.Th>{t('lifecycle.guestCount')}</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.receiptNumber} data-testid="receipt-row">
                <Table.Td>{number(r)}</Table.Td>
                <Table.Td><Text size="sm">{formatDateTime(r.createdAt, zone, i18n.language)}</Text></Table.Td>
                <Table.Td><Text size="sm">{r.headName ?? '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{r.guests}</Text></Table.Td>
                <Table.Td>{pdf(r.pdfUrl)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('common.totalRows', { count: total })}</Text>
        {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
      </Group>
    </Stack>
  );
}
