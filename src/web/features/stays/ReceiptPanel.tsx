import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { IconCheck, IconFile, IconPlus, IconPrinter } from '../../shell/icons';
import { receiptPdfUrl } from './api';

/** Shown at once after a successful check-in: the receipt number, big, and what to do next. */
export function ReceiptPanel({ stayId, receiptNumber, guest, onAnother }: { stayId: string; receiptNumber: string; guest: string; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack maw={640} mx="auto" gap="md">
      <Paper withBorder radius="md" p="xl" shadow="sm" data-testid="receipt-panel">
        <Stack align="center" gap="sm">
          <ThemeIcon color="green" size={56} radius="xl"><IconCheck size={32} /></ThemeIcon>
          <Title order={3} ta="center">{t('receipt.saved')}</Title>
          <Text c="dimmed" ta="center">{t('receipt.for', { guest })}</Text>
          <Text size="sm" c="dimmed" mt="sm">{t('receipt.number')}</Text>
          <Text className="receipt-number" fz={{ base: 26, sm: 34 }} fw={800} c="blue.8" ta="center" data-testid="receipt-number" role="status">
            {receiptNumber}
          </Text>
          <Text size="sm" c="dimmed" ta="center">{t('receipt.keep')}</Text>
          <Group justify="center" mt="md" gap="sm">
            <Button component="a" href={receiptPdfUrl(stayId)} target="_blank" rel="noopener" leftSection={<IconFile size={18} />} data-testid="receipt-pdf">
              {t('receipt.pdf')}
            </Button>
            <Button component={Link} to={`/stays/${stayId}/receipt`} variant="default" leftSection={<IconPrinter size={18} />} data-testid="receipt-print">
              {t('receipt.print')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Group justify="space-between">
        <Anchor component={Link} to="/stays">{t('receipt.toList')}</Anchor>
        <Button onClick={onAnother} variant="light" leftSection={<IconPlus size={18} />} data-testid="report-another">
          {t('receipt.another')}
        </Button>
      </Group>
    </Stack>
  );
}
