import { describe, expect, it } from 'vitest';
import { flattenLight, paperLevel } from './flatten';
import type { Gray } from './image';

/** 120 x 40 paper (200) with 3 px wide vertical strokes (60) every 10 px, and a shadow taking
 * away half the light right of x = 55 (a sharp edge through the row of strokes). */
function shadowedStrokes(): Gray {
  const w = 120, h = 40;
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ink = y >= 12 && y < 28 && x % 10 >= 4 && x % 10 < 7;
      data[y * w + x] = (ink ? 60 : 200) * (x >= 55 ? 0.5 : 1);
    }
  }
  return { width: w, height: h, data };
}

describe('paperLevel', () => {
  it('removes the strokes and keeps the shadow edge where it is', () => {
    const g = shadowedStrokes();
    const bg = paperLevel(g, 6, 10);
    for (const y of [5, 20, 35]) {
      for (let x = 0; x < 120; x++) expect(bg[y * 120 + x], `(${x}, ${y})`).toBe(x >= 55 ? 100 : 200);
    }
  });
});

describe('flattenLight', () => {
  it('lifts the shadow: paper and ink as in the light on both sides of the shadow edge', () => {
    const g = shadowedStrokes();
    const f = flattenLight(g, 6, 10);
    const at = (x: number, y: number) => f.data[y * 120 + x];
    expect(at(20, 5)).toBeCloseTo(200, 3);
    expect(at(100, 5)).toBeCloseTo(200, 3);
    expect(at(25, 20)).toBeCloseTo(60, 3); // a stroke in the light
    expect(at(95, 20)).toBeCloseTo(60, 3); // a stroke in the shadow
    expect(at(58, 20)).toBeCloseTo(200, 3); // paper just inside the shadow, between strokes
  });

  it('leaves a glare spot brighter than the paper around it as it is', () => {
    const g = shadowedStrokes();
    // no shadow, and a glare spot over the last 10 columns: paper 240 there, strokes 170
    for (let i = 0; i < g.data.length; i++) {
      const x = i % 120, ink = g.data[i] < 50 || (x < 55 && g.data[i] < 100);
      g.data[i] = x >= 110 ? (ink ? 170 : 240) : ink ? 60 : 200;
    }
    const f = flattenLight(g, 6, 10);
    expect(Array.from(f.data)).toEqual(Array.from(g.data));
  });

  it('leaves an evenly lit image as it is', () => {
    const w = 50, h = 30;
    const data = new Float32Array(w * h).fill(180);
    for (let y = 10; y < 20; y++) for (let x = 20; x < 23; x++) data[y * w + x] = 90;
    const f = flattenLight({ width: w, height: h, data }, 4, 6);
    expect(Array.from(f.data)).toEqual(Array.from(data));
  });
});
