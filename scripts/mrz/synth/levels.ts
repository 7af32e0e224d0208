// What each synthetic level means: the combined levels (clean, mild, hard), one level per
// single degradation (each on top of the mild level's slightly imperfect photo), and the
// 'photo' tuning level. Documented in bench/mrz/README.md.

/** 'photo' is not a benchmark level: harsher phone-photo pages for tuning what the reader accepts. */
export type Level =
  | 'clean' | 'mild' | 'hard' | 'photo'
  | 'perspective' | 'glare' | 'curvature' | 'shadow' | 'motion' | 'lowlight';

/** The combined levels. */
export const LEVELS: readonly Level[] = ['clean', 'mild', 'hard'];
/** One degradation each, at phone-photo strength, on the mild baseline. */
export const DEGRADATIONS: readonly Level[] = ['perspective', 'glare', 'curvature', 'shadow', 'motion', 'lowlight'];
/** Everything the benchmark scores by default. */
export const BENCH_LEVELS: readonly Level[] = [...LEVELS, ...DEGRADATIONS];

/** A hand's shadow across the page (see handShadow in degrade.ts). */
export interface HandParams {
  /** palm width as a fraction of the document width */
  palm: [number, number];
  /** fraction of the light the shadow takes away at its core */
  darkness: [number, number];
  /** width of the soft edge (penumbra) as a fraction of the palm width */
  soft: [number, number];
  /** chance that the fingers reach onto the MRZ band (else anywhere on the document) */
  onMrz: number;
}

export interface LevelParams {
  width: [number, number];
  fill: [number, number];
  rotDeg: number;
  shear: number;
  keystone: number;
  gradient: number;
  shadow: [number, number];
  /** chance of a glare patch somewhere on the page */
  glare: number;
  /** Gaussian sigma in output pixels (after any downscale) */
  blur: [number, number];
  noise: [number, number];
  jpeg: [number, number];
  outWidth?: number;
  /** overall exposure multiplier (default 0.9-1.05) */
  exposure?: [number, number];
  // Extras below draw random numbers only when present, so levels without them stay
  // byte-identical to the pages they gave before the extras existed.
  /** page curvature: parabola depth as a fraction of the frame height */
  curve?: [number, number];
  /** a hand's shadow crossing part of the page */
  hand?: HandParams;
  /** washed-out light: fraction of the contrast kept, and the grey level pulled toward */
  contrast?: { keep: [number, number]; level: [number, number] };
  /** a glare spot right on the MRZ: its chance, radius (fraction of the width) and strength */
  mrzGlare?: { chance: number; radius: [number, number]; strength: [number, number] };
  /** camera-shake blur length in output pixels */
  motion?: [number, number];
}

const mild: LevelParams = { width: [1000, 1400], fill: [0.62, 0.9], rotDeg: 3, shear: 0.02, keystone: 0.015, gradient: 0.2, shadow: [0, 0.1], glare: 0.15, blur: [0.6, 1.0], noise: [2, 5], jpeg: [60, 60] };

export const LEVEL_PARAMS: Record<Level, LevelParams> = {
  clean: { width: [1100, 1500], fill: [0.72, 0.9], rotDeg: 0, shear: 0, keystone: 0, gradient: 0.05, shadow: [0, 0], glare: 0, blur: [0, 0], noise: [0, 1], jpeg: [92, 92] },
  mild,
  hard: { width: [1200, 1400], fill: [0.72, 0.94], rotDeg: 7, shear: 0.08, keystone: 0.04, gradient: 0.5, shadow: [0.1, 0.35], glare: 0.4, blur: [0.6, 1.2], noise: [3, 7], jpeg: [55, 75], outWidth: 640 },
  photo: {
    width: [1200, 1400], fill: [0.72, 0.94], rotDeg: 6, shear: 0.06, keystone: 0.07, gradient: 0.5, shadow: [0.2, 0.5], glare: 0.3,
    blur: [0.4, 0.9], noise: [3, 8], jpeg: [50, 75], outWidth: 760,
    curve: [0, 0.025], motion: [1, 3.5], contrast: { keep: [0.35, 0.8], level: [110, 200] },
    mrzGlare: { chance: 0.5, radius: [0.015, 0.05], strength: [0.45, 0.8] },
  },
  // ---- one degradation each, on the mild baseline ----
  /** phone held at an angle: rotation ±10°, shear ±0.1, keystone (corner pull) up to 6 % */
  perspective: { ...mild, rotDeg: 10, shear: 0.1, keystone: 0.06 },
  /** a glossy laminate under a lamp: a glare patch on every page, and on half of them a
   * hot spot right on the MRZ that fades the ink but leaves it legible */
  glare: { ...mild, glare: 1, mrzGlare: { chance: 0.5, radius: [0.02, 0.06], strength: [0.3, 0.6] } },
  /** a booklet that will not lie flat: rows bow by 1-3 % of the frame height */
  curvature: { ...mild, curve: [0.01, 0.03] },
  /** the other hand's shadow: 30-60 % darker, a soft edge, over the MRZ on half the pages */
  shadow: { ...mild, hand: { palm: [0.3, 0.5], darkness: [0.3, 0.6], soft: [0.01, 0.05], onMrz: 0.5 } },
  /** camera shake: a straight blur of 1.5-4.5 px at 1000-1400 px wide (a character is 12-25 px) */
  motion: { ...mild, motion: [1.5, 4.5] },
  /** a dim room: exposure 55-80 %, strong gradient and shadow edge, contrast cut to 35-60 %, more sensor noise */
  lowlight: {
    ...mild, gradient: 0.6, shadow: [0.1, 0.3], exposure: [0.55, 0.8], noise: [4, 8],
    contrast: { keep: [0.35, 0.6], level: [70, 150] },
  },
};
