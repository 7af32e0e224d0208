// The per-degradation levels of the synthetic MRZ generator (issue #11): the hand-shadow
// degradation itself, and that every such level renders a page whose MRZ the reader's band
// finder locates (a smoke test on the tune seed; the benchmark scores the test seed).
import { describe, expect, it } from 'vitest';
import { toGray } from '../../src/domain/mrz/image';
import { locateMrzCandidates } from '../../src/domain/mrz/locate';
import { readMrz } from '../../src/domain/mrz/index';
import { handShadow } from '../../scripts/mrz/synth/degrade';
import { DEGRADATIONS, generatePage, LEVEL_PARAMS, LEVELS, SEEDS } from '../../scripts/mrz/synth/index';

const W = 200, H = 100;
const white = (): Uint8ClampedArray => new Uint8ClampedArray(W * H * 4).fill(255);
const at = (px: Uint8ClampedArray, x: number, y: number): number[] => Array.from(px.slice((y * W + x) * 4, (y * W + x) * 4 + 4));

describe('handShadow', () => {
  // palm at (100, 50), 40 px wide, the wrist to the right: fingers reach left to x = 50
  const shadow = { x: 100, y: 50, angle: 0, width: 40, darkness: 0.5, soft: 2 };

  it('darkens the palm and the forearm, a little less in blue, and leaves the rest', () => {
    const px = white();
    handShadow(px, W, H, shadow);
    const [r, g, b, a] = at(px, 100, 50);
    expect(r).toBeGreaterThanOrEqual(126);
    expect(r).toBeLessThanOrEqual(130);
    expect(g).toBe(r);
    expect(b).toBeGreaterThan(r);
    expect(a).toBe(255);
    expect(at(px, 195, 50)[0]).toBeLessThan(135); // forearm, running out of the frame
    expect(at(px, 5, 50)).toEqual([255, 255, 255, 255]); // beyond the fingertips
    expect(at(px, 195, 2)).toEqual([255, 255, 255, 255]); // beside the forearm
    expect(at(px, 62, 55)[0]).toBeLessThan(160); // a finger (the centre line at y = 50 runs between two)
  });

  it('has a soft edge: light rises steadily across the outline', () => {
    const px = white();
    handShadow(px, W, H, { ...shadow, soft: 4 });
    // straight down from the forearm's axis (radius 14.4 px) into the light
    const col = Array.from({ length: 30 }, (_, i) => at(px, 170, 50 + i)[0]);
    for (let i = 1; i < col.length; i++) expect(col[i]).toBeGreaterThanOrEqual(col[i - 1]);
    const between = col.filter((v) => v > 135 && v < 250).length;
    expect(between).toBeGreaterThanOrEqual(6); // a penumbra several pixels wide, not a hard step
    expect(col[29]).toBeGreaterThan(250);
  });

  it('is deterministic', () => {
    const a = white(), b = white();
    handShadow(a, W, H, { ...shadow, angle: 2.1 });
    handShadow(b, W, H, { ...shadow, angle: 2.1 });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});

describe('per-degradation levels', () => {
  it('exist for every degradation of issue #11, apart from the combined levels', () => {
    expect([...DEGRADATIONS]).toEqual(['perspective', 'glare', 'curvature', 'shadow', 'motion', 'lowlight']);
    for (const l of LEVELS) expect(DEGRADATIONS).not.toContain(l);
    // perspective carries the strongest geometry: rotation up to 10°, shear up to 0.1
    expect(LEVEL_PARAMS.perspective.rotDeg).toBe(10);
    expect(LEVEL_PARAMS.perspective.shear).toBe(0.1);
  });

  for (const level of DEGRADATIONS) {
    it(`${level}: the page's MRZ is located where the truth puts it`, async () => {
      const page = await generatePage({ seed: SEEDS.tune, index: 0, level });
      const grids = locateMrzCandidates(toGray(page.image));
      const grid = grids.find((c) => c.nChars === page.lines[0].length && c.lines.length === page.lines.length);
      expect(grid, `${level}: ${grids.length} candidates`).toBeDefined();
      const first = grid!.lines[0].cells[0];
      const [tl] = page.mrzQuad;
      // the first cell's centre is about half a pitch right of and below the MRZ's top-left corner
      expect(Math.hypot(first.cx - tl[0], first.cy - tl[1])).toBeLessThan(2.5 * first.pitch);
    });
  }
});

describe('reading under a hand shadow', () => {
  // tune-seed shadow pages whose shadow edge runs through letters of the names: before the
  // band's light was evened out, 2 read AIN as ATN and 153 SIPHO as STPHO (both flagged
  // uncertain), and 96 was accepted with a '<' read as K in the unchecked optional data
  for (const index of [2, 96, 153]) {
    it(`shadow page ${index} (tune seed) reads right and valid`, async () => {
      const page = await generatePage({ seed: SEEDS.tune, index, level: 'shadow' });
      const r = readMrz(page.image);
      expect(r.lines).toEqual(page.lines);
      expect(r.fields).toEqual(page.fields);
      expect(r.valid).toBe(true);
    });
  }
});
