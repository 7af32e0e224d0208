// Seeded generator of photographed document pages with valid MRZs (ICAO 9303), for
// training the MRZ reader and for its benchmark. Deterministic for (seed, index, level).
import type { MrzFields, MrzKind, RgbaImage } from '../../../src/domain/mrz/types';
import { randomMrzData } from './data';
import { applyH, blurAndResize, curvePage, fromCanvas, glare, homography, jpegRoundTrip, lowContrast, motionBlur, noise, toCanvas, unevenLight, warpFromQuad } from './degrade';
import { buildMrz } from './mrz-text';
import { DOC_SIZE_MM, renderDocument } from './render-doc';
import { makeRng, type Rng } from './rng';
import { placementMatrix, renderScene } from './scene';

export { renderMrzLines, type MrzLinesOptions } from './render-lines';
export { buildMrz, checkDigit } from './mrz-text';

/** Separate seeds, so the reader is never tuned or scored on pages it was trained on. */
export const SEEDS = { train: 1001, tune: 2002, test: 3003 } as const;

/** 'photo' is not a benchmark level: harsher phone-photo pages for tuning what the reader accepts. */
export type Level = 'clean' | 'mild' | 'hard' | 'photo';
export const LEVELS: readonly Level[] = ['clean', 'mild', 'hard'];

export interface GeneratedPage {
  image: RgbaImage;
  jpeg?: Buffer;
  kind: MrzKind;
  lines: string[];
  fields: MrzFields;
  /** MRZ text corners (tl, tr, br, bl) in image pixels: for band-finder training and checks */
  mrzQuad: number[][];
}

export interface PageOptions {
  seed: number;
  index: number;
  level: Level;
  kind?: MrzKind;
  /** 'desk' (default): a photo of the document on a table; 'crop': the document fills the
   * frame, like scans and web images of specimens. For training variety; the bench uses 'desk'. */
  scene?: 'desk' | 'crop';
  /** force the output width in pixels (default: the level's); for low-resolution training */
  outWidth?: number;
}

/** Kind mix when none is asked for: passports dominate what hotels see. */
function pickKind(rng: Rng): MrzKind {
  const r = rng.next();
  return r < 0.5 ? 'TD3' : r < 0.7 ? 'TD1' : r < 0.8 ? 'TD2' : r < 0.9 ? 'MRVA' : 'MRVB';
}

interface LevelParams {
  width: [number, number];
  fill: [number, number];
  rotDeg: number;
  shear: number;
  keystone: number;
  gradient: number;
  shadow: [number, number];
  glare: number;
  /** Gaussian sigma in output pixels (after any downscale) */
  blur: [number, number];
  noise: [number, number];
  jpeg: [number, number];
  outWidth?: number;
  /** phone-photo extras; only the 'photo' level has them (other levels draw no extra random numbers) */
  photo?: {
    /** page curvature: parabola depth as a fraction of the frame height */
    curve: [number, number];
    /** camera-shake blur length in output pixels */
    motion: [number, number];
    /** fraction of the contrast kept (washed-out light) */
    contrast: [number, number];
    /** chance of a strong glare patch right on the MRZ */
    mrzGlare: number;
  };
}

/** What each level means; documented in bench/mrz/README.md. */
export const LEVEL_PARAMS: Record<Level, LevelParams> = {
  clean: { width: [1100, 1500], fill: [0.72, 0.9], rotDeg: 0, shear: 0, keystone: 0, gradient: 0.05, shadow: [0, 0], glare: 0, blur: [0, 0], noise: [0, 1], jpeg: [92, 92] },
  mild: { width: [1000, 1400], fill: [0.62, 0.9], rotDeg: 3, shear: 0.02, keystone: 0.015, gradient: 0.2, shadow: [0, 0.1], glare: 0.15, blur: [0.6, 1.0], noise: [2, 5], jpeg: [60, 60] },
  hard: { width: [1200, 1400], fill: [0.72, 0.94], rotDeg: 7, shear: 0.08, keystone: 0.04, gradient: 0.5, shadow: [0.1, 0.35], glare: 0.4, blur: [0.6, 1.2], noise: [3, 7], jpeg: [55, 75], outWidth: 640 },
  photo: {
    width: [1200, 1400], fill: [0.72, 0.94], rotDeg: 6, shear: 0.06, keystone: 0.07, gradient: 0.5, shadow: [0.2, 0.5], glare: 0.3,
    blur: [0.4, 0.9], noise: [3, 8], jpeg: [50, 75], outWidth: 760,
    photo: { curve: [0, 0.025], motion: [1, 3.5], contrast: [0.35, 0.8], mrzGlare: 0.5 },
  },
};

/** Generate one page. Same options, same pixels. */
export async function generatePage(opts: PageOptions): Promise<GeneratedPage> {
  const rng = makeRng(`${opts.seed}/${opts.level}/${opts.index}`);
  const P = LEVEL_PARAMS[opts.level];
  const kind = opts.kind ?? pickKind(rng);
  const data = randomMrzData(rng, kind);
  const { lines, fields } = buildMrz(data);

  // Scene size and document scale; shrink until the rotated, sheared page fits the frame.
  const crop = opts.scene === 'crop';
  const size = DOC_SIZE_MM[kind];
  const W = rng.int(P.width[0], P.width[1]);
  const H = crop ? Math.round((W * size.h * rng.range(1.0, 1.06)) / size.w) : Math.round(W * rng.range(0.68, 0.8));
  const angle = (rng.range(-1, 1) * P.rotDeg * Math.PI) / 180;
  const shear = rng.range(-1, 1) * P.shear;
  let pxPerMm = (W * (crop ? rng.range(0.94, 1.0) : rng.range(P.fill[0], P.fill[1]))) / size.w;
  const bbox = (s: number): [number, number] => {
    const m = placementMatrix({ cx: 0, cy: 0, angle, shear }, size.w * s, size.h * s);
    const xs = [0, m[0] * size.w * s, m[2] * size.h * s, m[0] * size.w * s + m[2] * size.h * s];
    const ys = [0, m[1] * size.w * s, m[3] * size.h * s, m[1] * size.w * s + m[3] * size.h * s];
    return [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
  };
  const maxFill = crop ? 1.0 : 0.96;
  while (bbox(pxPerMm)[0] > W * maxFill || bbox(pxPerMm)[1] > H * maxFill) pxPerMm *= 0.97;
  const [bw, bh] = bbox(pxPerMm);
  const doc = renderDocument(rng, kind, data, lines, pxPerMm);
  const cx = W / 2 + rng.range(-0.5, 0.5) * (W - bw) * 0.9;
  const cy = H / 2 + rng.range(-0.5, 0.5) * (H - bh) * 0.9;
  const placement = { cx, cy, angle, shear };
  const booklet = kind === 'TD3' && rng.chance(0.6) && !crop;
  const scene = renderScene(rng, W, H, doc.canvas, placement, booklet);

  // MRZ corners through the placement affine
  const m = placementMatrix(placement, doc.canvas.width, doc.canvas.height);
  const [l, t, r, b] = doc.mrzBox;
  let quad = [[l, t], [r, t], [r, b], [l, b]].map(([x, y]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]);

  let px = fromCanvas(scene);
  const X = P.photo;
  if (X) {
    const amp = rng.range(X.curve[0], X.curve[1]) * H * (rng.chance(0.5) ? 1 : -1);
    const centre = rng.range(0.3, 0.7);
    px = curvePage(px, W, H, amp, centre);
    const u = (x: number): number => (x / W - centre) / Math.max(centre, 1 - centre);
    quad = quad.map(([x, y]) => [x, y + amp * u(x) ** 2]);
  }
  if (P.keystone > 0) {
    const k = P.keystone;
    const j = (): number => rng.range(0, k);
    const src = [[j() * W, j() * H], [W - j() * W, j() * H], [W - j() * W, H - j() * H], [j() * W, H - j() * H]];
    px = warpFromQuad(px, W, H, src);
    const fwd = homography(src, [[0, 0], [W, 0], [W, H], [0, H]]);
    quad = quad.map(([x, y]) => applyH(fwd, x, y));
  }
  unevenLight(px, W, H, rng, { gradient: rng.range(0, P.gradient), shadow: rng.range(P.shadow[0], P.shadow[1]), exposure: rng.range(0.9, 1.05) });
  if (rng.chance(P.glare)) {
    // glare somewhere on the page; on the MRZ it is kept weak enough to stay legible
    const gx = rng.range(0.1, 0.9) * W;
    const gy = rng.range(0.1, 0.9) * H;
    const mrzCy = (quad[0][1] + quad[3][1]) / 2;
    const onMrz = Math.abs(gy - mrzCy) < 0.12 * H;
    glare(px, W, H, gx, gy, rng.range(0.04, 0.12) * W, onMrz ? rng.range(0.2, 0.4) : rng.range(0.4, 0.8));
  }
  if (X) {
    lowContrast(px, rng.range(X.contrast[0], X.contrast[1]), rng.range(110, 200));
    if (rng.chance(X.mrzGlare)) {
      // a hot spot on the MRZ itself, strong enough to wash out a glyph or two
      const t = rng.range(0.1, 0.9);
      const gx = quad[0][0] + (quad[1][0] - quad[0][0]) * t;
      const gy = (quad[0][1] + quad[3][1]) / 2 + rng.range(-0.5, 0.5) * (quad[3][1] - quad[0][1]);
      glare(px, W, H, gx, gy, rng.range(0.015, 0.05) * W, rng.range(0.45, 0.8));
    }
  }
  const outW = opts.outWidth ?? P.outWidth ?? W;
  const outH = Math.round((H * outW) / W);
  const sigma = rng.range(P.blur[0], P.blur[1]);
  const finalCanvas = blurAndResize(toCanvas(px, W, H), sigma, outW, outH);
  // (sigma is given in output pixels: blurAndResize applies it after scaling)
  const scale = outW / W;
  quad = quad.map(([x, y]) => [x * scale, y * scale]);
  const fpx = fromCanvas(finalCanvas);
  if (X) motionBlur(fpx, outW, outH, rng.range(X.motion[0], X.motion[1]), rng.range(0, Math.PI));
  noise(fpx, rng, rng.range(P.noise[0], P.noise[1]));
  const { jpeg, px: decoded } = await jpegRoundTrip(toCanvas(fpx, outW, outH), rng.int(P.jpeg[0], P.jpeg[1]));
  return { image: { width: outW, height: outH, data: decoded }, jpeg, kind, lines, fields, mrzQuad: quad };
}
