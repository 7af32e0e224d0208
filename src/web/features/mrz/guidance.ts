// What to tell the clerk while the camera reads, in plain words (i18n keys under mrz.live).
import type { MrzReading } from '../../../domain/mrz/types';
import type { VoteResult } from '../../../domain/mrz/vote';

export type Guidance = 'aim' | 'closer' | 'hold' | 'glare' | 'dark' | 'done';

/** Above this share of blown-out pixels around the guide, the page reflects the light. */
const GLARE = 0.03;

export function guidanceFor(reading: MrzReading, vote: VoteResult | null, glare: number): Guidance {
  if (vote?.settled) return 'done';
  if (reading.retake === 'too_dark') return 'dark';
  if (glare >= GLARE) return 'glare';
  if (reading.retake === 'too_small') return 'closer';
  if (!reading.kind) return 'aim';
  // the lines are found: what is left is holding still while frames agree
  return 'hold';
}
