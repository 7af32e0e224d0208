import { describe, expect, it } from 'vitest';
import { guidanceFor } from './guidance';
import type { MrzReading } from '../../../domain/mrz/types';
import type { VoteResult } from '../../../domain/mrz/vote';

const nothing: MrzReading = { valid: false, kind: null, lines: [], fields: null, uncertain: [], confidences: [], retake: 'not_found', ms: 90 };
const found: MrzReading = { ...nothing, kind: 'TD3', lines: ['', ''], retake: 'blurred' };

describe('camera guidance', () => {
  it('asks to aim at the photo page while nothing is found, and to come closer when the print is small', () => {
    expect(guidanceFor(nothing, null, 0)).toBe('aim');
    expect(guidanceFor({ ...nothing, retake: 'too_small' }, null, 0)).toBe('closer');
  });

  it('asks to hold still once the lines are found, and says when it is read', () => {
    expect(guidanceFor(found, null, 0)).toBe('hold');
    expect(guidanceFor(found, { settled: true } as VoteResult, 0)).toBe('done');
  });

  it('names glare and darkness before anything else', () => {
    expect(guidanceFor(found, null, 0.1)).toBe('glare');
    expect(guidanceFor({ ...nothing, retake: 'too_dark' }, null, 0.1)).toBe('dark');
  });
});
