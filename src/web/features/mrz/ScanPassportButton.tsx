import { useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCamera, IconCheck } from '../../shell/icons';
import type { MrzReading } from '../../../domain/mrz/types';
import { cameraSupported } from './camera';
import { CameraScanner } from './CameraScanner';
import { fromReading, type ReadingResult } from './fromReading';
import type { LiveStats } from './liveScan';
import { scanPassport } from './scan';

type Status =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'done'; result: ReadingResult; live?: LiveStats }
  | { kind: 'error' };

/**
 * "Pindai paspor": the camera reads frames until they agree (CameraScanner), or a photo from
 * the gallery is read once; either way pixels → worker → form values, on the device.
 */
export function ScanPassportButton({ today, onResult, compact }: { today: string; onResult: (r: ReadingResult) => void; compact?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [camera, setCamera] = useState(false);

  const choosePhoto = () => { setCamera(false); input.current?.click(); };
  const scan = () => { if (cameraSupported()) setCamera(true); else choosePhoto(); };
  const onLive = (reading: MrzReading, live: LiveStats) => {
    setCamera(false);
    const result = fromReading(reading, today);
    setStatus({ kind: 'done', result, live });
    if (result.found) onResult(result);
  };

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
          <Group gap="xs">
            <Button
              leftSection={<IconCamera size={18} />}
              onClick={scan}
              loading={status.kind === 'reading'}
              variant={compact ? 'light' : 'filled'}
              data-testid={compact ? undefined : 'scan-passport'}
            >
              {t('mrz.scan')}
            </Button>
            <Button variant="subtle" onClick={choosePhoto} disabled={status.kind === 'reading'} data-testid={compact ? undefined : 'scan-passport-photo'}>
              {t('mrz.choosePhoto')}
            </Button>
          </Group>
          {/* no capture attribute: phones then offer the gallery as well as the camera app */}
          <input
            ref={input}
            type="file"
            accept="image/*"
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
            data-live-frames={status.live?.frames}
            data-live-ms={status.live ? Math.round(status.live.ms) : undefined}
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
      {camera && <CameraScanner onRead={onLive} onChoosePhoto={choosePhoto} onClose={() => setCamera(false)} />}
    </Paper>
  );
}
