import { Anchor, Button, Divider, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { IconCheck, IconFile, IconPlus, IconPrinter } from '../../shell/icons';
import { receiptPdfUrl } from './api';

/** A receipt number that may wrap after its slashes on a narrow screen, never inside a part. */
export function BreakableNumber({ value }: { value: string }) {
  return (
    <>
      {value.split('/').map((part, i) => (
        <span key={i}>{i > 0 && <>/<wbr /></>}{part}</span>
      ))}
    </>
  );
}

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
          <Text className="receipt-number" fz={{ base: 19, xs: 26, sm: 34 }} fw={800} c="blue.8" ta="center" data-testid="receipt-number" role="status">
            <BreakableNumber value={receiptNumber} />
          </Text>
          <Text size="sm" c="dimmed" ta="center">{t('receipt.keep')}</Text>
          <Group justify="center" mt="md" gap="sm">
            <Button component="a" href={receiptPdfUrl(stayId)} target="_blank" rel="noopener" variant="light" leftSection={<IconFile size={18} />} data-testid="receipt-pdf">
              {t('receipt.pdf')}
            </Button>
            <Button component={Link} to={`/stays/${stayId}/receipt`} variant="default" leftSection={<IconPrinter size={18} />} data-testid="receipt-print">
              {t('receipt.print')}
            </Button>
          </Group>
          <Divider w="100%" my="sm" />
          <Button onClick={onAnother} size="md" leftSection={<IconPlus size={18} />} data-testid="report-another">
            {t('receipt.another')}
          </Button>
          <Anchor component={Link} to="/stays" size="sm">{t('receipt.toList')}</Anchor>
        </Stack>
      </Paper>
    </Stack>
  );
}
