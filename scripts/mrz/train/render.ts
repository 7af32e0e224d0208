// Renders training patches: short multi-line blocks of random MRZ text in OCR-B with
// print jitter, boldness, slight rotation, uneven light, blur and noise, then cuts every
// cell with the reader's own extractCell and small geometry errors (like a real grid fit).
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { MRZ_ALPHABET } from '../../../src/domain/mrz/checkdigit';
import { CELL_W, CELL_H, extractCell } from '../../../src/domain/mrz/cells';
import type { Gray } from '../../../src/domain/mrz/image';
import { mulberry32, type Rng } from '../../../src/domain/random';

export const OCRB_PATH = '/usr/share/fonts/opentype/ocr-b/OCRB.otf';
GlobalFonts.registerFromPath(OCRB_PATH, 'OCRBTrain');
const CAP_RATIO = 0.71; // capital height / font size for this OCR-B

/** Other monospace faces, for a share of the blocks: real MRZs are not all true OCR-B. */
const OTHER_FONTS: Array<[string, string]> = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', 'TrainDejaVuMono'],
  ['/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf', 'TrainLiberationMono'],
  ['/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf', 'TrainNotoMono'],
  ['/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf', 'TrainNimbusMono'],
];
const fonts: Array<{ family: string; cap: number }> = [];
for (const [path, family] of OTHER_FONTS) {
  try { if (existsSync(path)) { GlobalFonts.registerFromPath(path, family); fonts.push({ family, cap: 0 }); } } catch { /* skip */ }
}
/** Share of blocks rendered in another monospace face (0 = OCR-B only). */
export let OTHER_FONT_SHARE = 0;
export function setOtherFontShare(x: number) { OTHER_FONT_SHARE = x; }

export { mulberry32, type Rng };
const U = (r: Rng, a: number, b: number) => a + (b - a) * r();
function gauss(r: Rng): number {
  return Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function randomLine(r: Rng, n: number): string {
  let s = '';
  while (s.length < n) {
    const k = r();
    const len = 1 + Math.floor(r() * 8);
    const set = k < 0.4 ? DIGITS : k < 0.75 ? LETTERS : k < 0.9 ? '<' : MRZ_ALPHABET;
    for (let i = 0; i < len; i++) s += set[Math.floor(r() * set.length)];
  }
  return s.slice(0, n);
}

function boxBlur(g: Gray, radius: number): void {
  const r = Math.round(radius);
  if (r < 1) return;
  // three passes of a box filter ~ gaussian
  const { width: w, height: h, data } = g;
  const tmp = new Float32Array(data.length);
  for (let pass = 0; pass < 3; pass++) {
    for (let y = 0; y < h; y++) {
      let s = 0;
      const row = y * w;
      for (let x = -r; x <= r; x++) s += data[row + Math.min(w - 1, Math.max(0, x))];
      for (let x = 0; x < w; x++) {
        tmp[row + x] = s / (2 * r + 1);
        s += data[row + Math.min(w - 1, x + r + 1)] - data[row + Math.max(0, x - r)];
      }
    }
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let y = -r; y <= r; y++) s += tmp[Math.min(h - 1, Math.max(0, y)) * w + x];
      for (let y = 0; y < h; y++) {
        data[y * w + x] = s / (2 * r + 1);
        s += tmp[Math.min(h - 1, y + r + 1) * w + x] - tmp[Math.max(0, y - r) * w + x];
      }
    }
  }
}

/** sigma-controlled blur: box radius ~ sigma */
function blur(g: Gray, sigma: number): void {
  if (sigma < 0.35) return;
  boxBlur(g, sigma * 0.8);
}

let shared: { canvas: Canvas; w: number; h: number } | null = null;
/** One reused canvas (napi canvases are freed late; a new one per block grows memory). */
function sharedCtx(W: number, H: number) {
  if (!shared || shared.w < W || shared.h < H) {
    const w = Math.max(W, shared?.w ?? 0, 1000), h = Math.max(H, shared?.h ?? 0, 420);
    shared = { canvas: createCanvas(w, h), w, h };
  }
  const ctx = shared!.canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return ctx;
}

export interface Sample { x: Float32Array; y: number }

/** One rendered block; returns its cell samples. */
export function renderBlock(r: Rng, hard = 1): Sample[] {
  const capH = Math.exp(U(r, Math.log(5.5), Math.log(34)));
  let family = 'OCRBTrain';
  let capRatio = CAP_RATIO;
  if (fonts.length && r() < OTHER_FONT_SHARE) {
    const f = fonts[Math.floor(r() * fonts.length)];
    if (!f.cap) {
      const c = sharedCtx(200, 200);
      c.font = `100px ${f.family}`;
      f.cap = c.measureText('H').actualBoundingBoxAscent / 100 || 0.72;
    }
    family = f.family;
    capRatio = f.cap;
  }
  const fontPx = capH / capRatio;
  let pitch = capH * U(r, 0.88, 1.22);
  if (family !== 'OCRBTrain') {
    // other faces at their own advance (wider or narrower than OCR-B's), a little spaced
    const c = sharedCtx(200, 200);
    c.font = `${fontPx}px ${family}`;
    pitch = c.measureText('M').width * U(r, 0.97, 1.12);
  }
  const nLines = 3;
  const nChars = 16;
  const lineGap = capH * U(r, 1.5, 2.3);
  const margin = Math.ceil(capH * 2);
  const W = Math.ceil(nChars * pitch + 2 * margin);
  const H = Math.ceil((nLines - 1) * lineGap + capH + 2 * margin);
  const ctx = sharedCtx(W, H);
  const bg = U(r, 140, 255);
  const fg = U(r, 0, Math.min(110, bg - 50));
  ctx.fillStyle = `rgb(${bg},${bg},${bg})`;
  ctx.fillRect(0, 0, W, H);
  const angle = U(r, -0.025, 0.025) * hard;
  ctx.translate(W / 2, H / 2);
  ctx.rotate(angle);
  ctx.translate(-W / 2, -H / 2);
  ctx.font = `${fontPx}px ${family}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = `rgb(${fg},${fg},${fg})`;
  ctx.strokeStyle = ctx.fillStyle;
  const bold = r() < 0.35 ? U(r, 0.02, 0.09) * capH : 0;
  ctx.lineWidth = bold;
  const lines: string[] = [];
  const centres: Array<Array<[number, number]>> = [];
  for (let l = 0; l < nLines; l++) {
    const text = randomLine(r, nChars);
    lines.push(text);
    const row: Array<[number, number]> = [];
    const baseY = margin + capH + l * lineGap;
    for (let i = 0; i < nChars; i++) {
      const x = margin + (i + 0.5) * pitch + gauss(r) * 0.03 * pitch;
      const y = baseY + gauss(r) * 0.025 * capH;
      ctx.fillText(text[i], x, y);
      if (bold > 0) ctx.strokeText(text[i], x, y);
      row.push([margin + (i + 0.5) * pitch, baseY - capH / 2]);
    }
    centres.push(row);
  }
  const id = ctx.getImageData(0, 0, W, H);
  const g: Gray = { width: W, height: H, data: new Float32Array(W * H) };
  for (let i = 0, j = 0; i < W * H; i++, j += 4) g.data[i] = id.data[j];
  // uneven light: linear ramp + a soft blob
  if (r() < 0.6) {
    const gx = U(r, -0.4, 0.4) * hard;
    const gy = U(r, -0.4, 0.4) * hard;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      const f = 1 + gx * (x / W - 0.5) + gy * (y / H - 0.5);
      g.data[y * W + x] *= f;
    }
  }
  blur(g, r() < 0.3 ? 0 : U(r, 0, 0.11 * capH) * hard);
  const noise = r() < 0.3 ? 0 : U(r, 0, 18) * hard;
  if (noise > 0) for (let i = 0; i < g.data.length; i++) g.data[i] += gauss(r) * noise;
  // coarse quantisation / clipping like a camera
  for (let i = 0; i < g.data.length; i++) g.data[i] = Math.max(0, Math.min(255, g.data[i]));

  const out: Sample[] = [];
  const cos = Math.cos(angle), sin = Math.sin(angle);
  for (let l = 0; l < nLines; l++) {
    for (let i = 0; i < nChars; i++) {
      const [x0, y0] = centres[l][i];
      // rotate the nominal centre with the canvas rotation
      const dx = x0 - W / 2, dy = y0 - H / 2;
      const cx = W / 2 + dx * cos - dy * sin;
      const cy = H / 2 + dx * sin + dy * cos;
      const ex = Math.max(-0.2, Math.min(0.2, gauss(r) * 0.07)) * pitch * hard;
      const ey = Math.max(-0.15, Math.min(0.15, gauss(r) * 0.05)) * capH * hard;
      const x = extractCell(g, {
        cx: cx + ex, cy: cy + ey,
        pitch: pitch * U(r, 0.92, 1.08),
        charH: capH * U(r, 0.87, 1.15),
        angle: angle + gauss(r) * 0.012 * hard,
      });
      out.push({ x: new Float32Array(x), y: MRZ_ALPHABET.indexOf(lines[l][i]) });
    }
  }
  return out;
}

export const PATCH = CELL_W * CELL_H;
