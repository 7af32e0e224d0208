import { useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCamera, IconCheck } from '../../shell/icons';
import { fromReading, type ReadingResult } from './fromReading';
import { scanPassport } from './scan';

type Status =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'done'; result: ReadingResult }
  | { kind: 'error' };

/** "Pindai paspor": photo → pixels → worker → form values. The photo stays on the device. */
export function ScanPassportButton({ today, onResult, compact }: { today: string; onResult: (r: ReadingResult) => void; compact?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus({ kind: 'reading' });
    try {
      const reading = await scanPassport(file);
      const result = fromReading(reading, today);
      setStatus({ kind: 'done', result });
      if (result.found) onResult(result);
    } catch {
      setStatus({ kind: 'error' });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const retake = status.kind === 'done' ? status.result.retake : undefined;
  return (
    <Paper withBorder={!compact} p={compact ? 0 : 'md'} radius="md" bg={compact ? undefined : 'var(--mantine-color-blue-0)'}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          {!compact && (
            <div>
              <Text fw={600}>{t('mrz.title')}</Text>
              <Text size="sm" c="dimmed">{t('mrz.privacy')}</Text>
            </div>
          )}
          <Button
            leftSection={<IconCamera size={18} />}
            onClick={() => input.current?.click()}
            loading={status.kind === 'reading'}
            variant={compact ? 'light' : 'filled'}
            data-testid={compact ? undefined : 'scan-passport'}
          >
            {t('mrz.scan')}
          </Button>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
            data-testid={compact ? undefined : 'scan-passport-input'}
            aria-label={t('mrz.scan')}
          />
        </Group>
        {status.kind === 'reading' && <Text size="sm" data-testid="scan-status">{t('mrz.reading')}</Text>}
        {status.kind === 'done' && status.result.found && (
          <Alert
            color={status.result.uncertain.length ? 'yellow' : 'green'}
            icon={status.result.uncertain.length ? <IconAlert size={18} /> : <IconCheck size={18} />}
            data-testid="scan-status"
          >
            {status.result.visa && <Text size="sm" fw={600}>{t('mrz.visaFilled')}</Text>}
            {status.result.uncertain.length ? t('mrz.filledCheck', { count: status.result.uncertain.length }) : t('mrz.filled')}
          </Alert>
        )}
        {status.kind === 'done' && (!status.result.found || retake) && (
          <Alert color="orange" icon={<IconAlert size={18} />} data-testid="scan-retake" title={t('mrz.retakeTitle')}>
            {t(`mrz.retake.${retake ?? 'not_found'}`)}
          </Alert>
        )}
        {status.kind === 'error' && (
          <Alert color="red" icon={<IconAlert size={18} />} data-testid="scan-error">{t('mrz.failed')}</Alert>
        )}
      </Stack>
    </Paper>
  );
}
