import { describe, expect, it } from 'vitest';
import { fitLongSide, glareShare, guideBox, guideCrop, PAGE_ASPECT } from './frame';

describe('camera frame geometry', () => {
  it('draws the guide at 90 % of a phone view, in the passport page shape', () => {
    const g = guideBox(390, 560);
    expect(g.w).toBeCloseTo(351);
    expect(g.w / g.h).toBeCloseTo(PAGE_ASPECT);
    expect(g.x).toBeCloseTo(19.5);
    expect(g.y + g.h / 2).toBeCloseTo(280);
  });

  it('is limited by the height of a wide, low view', () => {
    const g = guideBox(1000, 300);
    expect(g.h).toBeCloseTo(240);
    expect(g.w).toBeCloseTo(240 * PAGE_ASPECT);
  });

  it('crops the video under the guide when the video is cut to cover the view', () => {
    // a portrait 720 × 1280 camera shown in a 390 × 560 view: scale 0.5417, 66 px cut top and bottom
    const c = guideCrop(720, 1280, 390, 560, 0);
    const s = 390 / 720;
    const g = guideBox(390, 560);
    expect(c.w).toBeCloseTo(g.w / s, 0);
    expect(c.h).toBeCloseTo(g.h / s, 0);
    expect(c.y).toBeCloseTo((g.y + (1280 * s - 560) / 2) / s, 0);
  });

  it('widens the crop by the margin and keeps it inside the video', () => {
    const c = guideCrop(720, 1280, 390, 560, 0.12);
    expect(c.x).toBe(0);
    expect(c.w).toBe(720);
    const d = guideCrop(720, 1280, 390, 560, 0);
    expect(c.h).toBeGreaterThan(d.h);
  });

  it('scales down, never up', () => {
    expect(fitLongSide(2000, 1000, 1000)).toEqual({ w: 1000, h: 500 });
    expect(fitLongSide(640, 480, 1000)).toEqual({ w: 640, h: 480 });
  });

  it('counts blown-out pixels', () => {
    const px = new Uint8ClampedArray(4 * 100).fill(128);
    for (let i = 0; i < 10; i++) px.fill(255, i * 4, i * 4 + 4);
    expect(glareShare(px, 1)).toBeCloseTo(0.1);
  });
});
