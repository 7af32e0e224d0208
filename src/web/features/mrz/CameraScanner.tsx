import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Box, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { IconAlert } from '../../shell/icons';
import type { MrzReading } from '../../../domain/mrz/types';
import type { VoteResult } from '../../../domain/mrz/vote';
import { cameraError, openCamera, signalRead, stopCamera, type CameraError } from './camera';
import { guideBox } from './frame';
import type { Guidance } from './guidance';
import { startLiveScan, type LiveStats } from './liveScan';

/** After this long without every character settled, the clerk may fill in what is read so far. */
const FILL_NOW_AFTER_MS = 6000;

/**
 * The camera view of "Pindai paspor": video, a passport-shaped guide, words on what to do.
 * Closes itself once the frames agree on every character; the gallery stays one tap away.
 */
export function CameraScanner({ onRead, onChoosePhoto, onClose }: {
  onRead: (reading: MrzReading, stats: LiveStats) => void;
  onChoosePhoto: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const { ref: view, width, height } = useElementSize();
  const size = useRef({ w: 0, h: 0 });
  size.current = { w: width, h: height };
  // React's ids hold characters a CSS url(#...) does not take
  const maskId = `guide-${useId().replace(/[^\w-]/g, '')}`;
  const [guidance, setGuidance] = useState<Guidance>('aim');
  const [error, setError] = useState<CameraError | null>(null);
  const partial = useRef<{ vote: VoteResult; stats: LiveStats } | null>(null);
  const [slow, setSlow] = useState(false);
  const [hasPartial, setHasPartial] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stop = () => {};
    let closed = false;
    let timer = 0;
    openCamera().then(async (s) => {
      stream = s;
      const v = video.current;
      if (closed || !v) { stopCamera(s); return; }
      v.srcObject = s;
      await v.play();
      timer = window.setTimeout(() => setSlow(true), FILL_NOW_AFTER_MS);
      stop = startLiveScan(v, () => size.current, {
        onGuidance: setGuidance,
        onVote: (vote, stats) => {
          if (!vote.reading.fields) return;
          partial.current = { vote, stats };
          setHasPartial(true);
        },
        onSettled: (reading, stats) => {
          stopCamera(stream);
          signalRead();
          onRead(reading, stats);
        },
        onError: () => setError('failed'),
      });
    }).catch((err) => { if (!closed) setError(cameraError(err)); });
    return () => { closed = true; window.clearTimeout(timer); stop(); stopCamera(stream); };
    // opened once per showing; the handlers are read when the reading settles
  }, []);

  const g = guideBox(width, height);
  return (
    <Modal opened onClose={onClose} fullScreen title={t('mrz.live.title')} data-testid="camera-scanner">
      <Stack gap="sm">
        {error ? (
          <Alert color="orange" icon={<IconAlert size={18} />} data-testid="camera-error">{t(`mrz.live.error.${error}`)}</Alert>
        ) : (
          <Box ref={view} pos="relative" h="65vh" style={{ overflow: 'hidden', background: '#000', borderRadius: 8 }}>
            <video ref={video} muted playsInline data-testid="camera-video" style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
            {width > 0 && (
              // the view outside the guide is dimmed, so the eye goes to the frame
              <svg aria-hidden width={width} height={height} style={{ position: 'absolute', inset: 0 }}>
                <mask id={maskId}>
                  <rect width={width} height={height} fill="white" />
                  <rect x={g.x} y={g.y} width={g.w} height={g.h} rx={10} fill="black" />
                </mask>
                <rect width={width} height={height} fill="rgba(0,0,0,0.45)" mask={`url(#${maskId})`} />
                <rect x={g.x} y={g.y} width={g.w} height={g.h} rx={10} fill="none" strokeWidth={3}
                  stroke={guidance === 'done' ? 'var(--mantine-color-green-5)' : 'white'} />
              </svg>
            )}
            <Text pos="absolute" bottom={12} left={0} right={0} ta="center" c="white" fw={600} role="status" data-testid="camera-guidance" data-guidance={guidance}>
              {t(`mrz.live.${guidance}`)}
            </Text>
          </Box>
        )}
        {slow && hasPartial && !error && (
          // a letter no frame reads surely (worn print, a fixed reflection): fill the rest, mark it
          <Button variant="light" color="yellow" h="auto" py={8} styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }} // a long sentence wraps on a phone
            onClick={() => { const p = partial.current; if (p) onRead(p.vote.reading, p.stats); }} data-testid="camera-fill-now">
            {t('mrz.live.fillNow')}
          </Button>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={onClose} data-testid="camera-cancel">{t('mrz.live.cancel')}</Button>
          <Button variant="light" onClick={onChoosePhoto} data-testid="camera-choose-photo">{t('mrz.choosePhoto')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
