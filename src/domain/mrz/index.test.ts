import { describe, it, expect } from 'vitest';
import { readMrz } from './index';
import { stretchContrast } from './image';
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

  it('reads a dim, washed-out page the band finder misses until its contrast is stretched', async () => {
    // tune-seed lowlight page 3: no band found at any orientation without the stretch
    const page = await generatePage({ seed: SEEDS.tune, index: 3, level: 'lowlight' });
    const r = readMrz(page.image);
    expect(r.lines).toEqual(page.lines);
  });

  it('stretches only images that span at most half of the grey range', () => {
    const g = (vals: number[]) => ({ width: vals.length, height: 1, data: Float32Array.from(vals) });
    expect(stretchContrast(g(Array(100).fill(120)))).toBeNull(); // flat
    expect(stretchContrast(g(Array.from({ length: 100 }, (_, i) => 40 + 2 * i)))).toBeNull(); // 40..238
    const s = stretchContrast(g(Array.from({ length: 100 }, (_, i) => 100 + i)))!; // 100..199
    expect(s.data[0]).toBe(0);
    expect(s.data[99]).toBe(255);
    expect(s.data[50]).toBeCloseTo(((150 - 101) * 255) / 98, 3); // 1st percentile 101, 99th 199
  });

  it('says not_found on a blank image', () => {
    const w = 320, h = 200;
    const data = new Uint8ClampedArray(w * h * 4).fill(230);
    const r = readMrz({ width: w, height: h, data });
    expect(r.valid).toBe(false);
    expect(r.fields).toBeNull();
    expect(r.retake).toBe('not_found');
  });
});
