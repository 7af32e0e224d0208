// Seeded generator of photographed document pages with valid MRZs (ICAO 9303), for
// training the MRZ reader and for its benchmark. Deterministic for (seed, index, level).
import type { MrzFields, MrzKind, RgbaImage } from '../../../src/domain/mrz/types';
import { randomMrzData } from './data';
import { applyH, blurAndResize, curvePage, fromCanvas, glare, handShadow, homography, jpegRoundTrip, lowContrast, motionBlur, noise, toCanvas, unevenLight, warpFromQuad } from './degrade';
import { buildMrz } from './mrz-text';
import { DOC_SIZE_MM, renderDocument } from './render-doc';
import { LEVEL_PARAMS, type HandParams, type Level } from './levels';
import { makeRng, type Rng } from './rng';
import { placementMatrix, renderScene } from './scene';

export { renderMrzLines, type MrzLinesOptions } from './render-lines';
export { buildMrz, checkDigit } from './mrz-text';

/** Separate seeds, so the reader is never tuned or scored on pages it was trained on. */
export const SEEDS = { train: 1001, tune: 2002, test: 3003 } as const;

export { BENCH_LEVELS, DEGRADATIONS, LEVEL_PARAMS, LEVELS, type Level, type LevelParams } from './levels';

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
  if (P.curve) {
    const amp = rng.range(P.curve[0], P.curve[1]) * H * (rng.chance(0.5) ? 1 : -1);
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
  unevenLight(px, W, H, rng, { gradient: rng.range(0, P.gradient), shadow: rng.range(P.shadow[0], P.shadow[1]), exposure: rng.range(...(P.exposure ?? [0.9, 1.05])) });
  if (P.hand) handOverPage(px, W, H, rng, P.hand, quad, doc.canvas.width);
  if (rng.chance(P.glare)) {
    // glare somewhere on the page; on the MRZ it is kept weak enough to stay legible
    const gx = rng.range(0.1, 0.9) * W;
    const gy = rng.range(0.1, 0.9) * H;
    const mrzCy = (quad[0][1] + quad[3][1]) / 2;
    const onMrz = Math.abs(gy - mrzCy) < 0.12 * H;
    glare(px, W, H, gx, gy, rng.range(0.04, 0.12) * W, onMrz ? rng.range(0.2, 0.4) : rng.range(0.4, 0.8));
  }
  if (P.contrast) lowContrast(px, rng.range(...P.contrast.keep), rng.range(...P.contrast.level));
  const G = P.mrzGlare;
  if (G) {
    if (rng.chance(G.chance)) {
      // a hot spot on the MRZ itself, strong enough to wash out a glyph or two
      const t = rng.range(0.1, 0.9);
      const gx = quad[0][0] + (quad[1][0] - quad[0][0]) * t;
      const gy = (quad[0][1] + quad[3][1]) / 2 + rng.range(-0.5, 0.5) * (quad[3][1] - quad[0][1]);
      glare(px, W, H, gx, gy, rng.range(...G.radius) * W, rng.range(...G.strength));
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
  if (P.motion) motionBlur(fpx, outW, outH, rng.range(...P.motion), rng.range(0, Math.PI));
  noise(fpx, rng, rng.range(P.noise[0], P.noise[1]));
  const { jpeg, px: decoded } = await jpegRoundTrip(toCanvas(fpx, outW, outH), rng.int(P.jpeg[0], P.jpeg[1]));
  return { image: { width: outW, height: outH, data: decoded }, jpeg, kind, lines, fields, mrzQuad: quad };
}

/** A hand's shadow from a random side, its fingers on the MRZ band or elsewhere on the document. */
function handOverPage(px: Uint8ClampedArray, W: number, H: number, rng: Rng, p: HandParams, quad: number[][], docW: number): void {
  const onMrz = rng.chance(p.onMrz);
  const t = rng.range(0.1, 0.9);
  const top = [quad[0][0] + (quad[1][0] - quad[0][0]) * t, quad[0][1] + (quad[1][1] - quad[0][1]) * t];
  const bottom = [quad[3][0] + (quad[2][0] - quad[3][0]) * t, quad[3][1] + (quad[2][1] - quad[3][1]) * t];
  // the document lies above the MRZ: elsewhere is 1.5-6 MRZ heights above it
  const up = onMrz ? rng.range(0, 1) : rng.range(1.5, 6);
  const x = top[0] + (top[0] - bottom[0]) * up;
  const y = top[1] + (top[1] - bottom[1]) * up;
  const width = rng.range(...p.palm) * docW;
  handShadow(px, W, H, {
    x: Math.min(Math.max(x, 0), W), y: Math.min(Math.max(y, 0), H), angle: rng.range(0, Math.PI * 2), width,
    darkness: rng.range(...p.darkness), soft: rng.range(...p.soft) * width,
  });
}
