import { describe, it, expect } from 'vitest';
import { readMrz } from './index';
import { generatePage, SEEDS } from '../../../scripts/mrz/synth/index';

// End-to-end on a few synthetic pages of the tune seed (the benchmark scores the test seed).
describe('readMrz', () => {
  for (const [level, index] of [['clean', 0], ['mild', 1], ['hard', 2]] as const) {
    it(`reads a ${level} synthetic page right and valid`, async () => {
      const page = await generatePage({ seed: SEEDS.tune, index, level });
      const r = readMrz(page.image);
      expect(r.lines).toEqual(page.lines);
      expect(r.valid).toBe(true);
      expect(r.uncertain).toEqual([]);
      for (const k of Object.keys(page.fields) as Array<keyof typeof page.fields>) {
        if (k in r.fields!) expect(r.fields![k]).toBe(page.fields[k]);
      }
      expect(r.confidences).toHaveLength(page.lines.length);
    });
  }

  it('says not_found on a blank image', () => {
    const w = 320, h = 200;
    const data = new Uint8ClampedArray(w * h * 4).fill(230);
    const r = readMrz({ width: w, height: h, data });
    expect(r.valid).toBe(false);
    expect(r.fields).toBeNull();
    expect(r.retake).toBe('not_found');
  });
});
