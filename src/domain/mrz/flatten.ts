// Evening out the light over a located MRZ band before its cells are read. A hand's or a
// phone's shadow darkens the paper multiplicatively, often with an edge running through a
// cell; the per-cell contrast normalisation (cells.ts) then takes the shadowed part of the
// paper for ink (an I with a shadow above it reads as T). The paper level around every
// pixel is estimated by a grey closing (largest value over a window about one pitch wide
// and one and a half capital heights tall, then the smallest of those over the same
// window: strokes vanish, a shadow's edge stays where it is), and the band is multiplied
// by the lit paper's level over it where it is darker (shadows are lifted; glare is not).
import type { Gray } from './image';
import type { MrzGrid } from './locate';

/** Running max (or min) over a window of 2r+1 samples of a[0..n), van Herk / Gil-Werman:
 * O(1) per sample. `pad`, `fw` and `bw` are scratch arrays of at least n + 4r + 1. */
function runFilter(a: Float32Array, out: Float32Array, n: number, r: number, max: boolean, pad: Float32Array, fw: Float32Array, bw: Float32Array): void {
  const k = 2 * r + 1;
  const L = Math.ceil((n + 2 * r) / k) * k;
  const fill = max ? -Infinity : Infinity;
  pad.fill(fill, 0, L);
  pad.set(a.subarray(0, n), r);
  if (max) {
    for (let b = 0; b < L; b += k) {
      let m = -Infinity;
      for (let j = b; j < b + k; j++) { const v = pad[j]; if (v > m) m = v; fw[j] = m; }
      m = -Infinity;
      for (let j = b + k - 1; j >= b; j--) { const v = pad[j]; if (v > m) m = v; bw[j] = m; }
    }
    for (let i = 0; i < n; i++) { const x = bw[i], y = fw[i + 2 * r]; out[i] = x > y ? x : y; }
  } else {
    for (let b = 0; b < L; b += k) {
      let m = Infinity;
      for (let j = b; j < b + k; j++) { const v = pad[j]; if (v < m) m = v; fw[j] = m; }
      m = Infinity;
      for (let j = b + k - 1; j >= b; j--) { const v = pad[j]; if (v < m) m = v; bw[j] = m; }
    }
    for (let i = 0; i < n; i++) { const x = bw[i], y = fw[i + 2 * r]; out[i] = x < y ? x : y; }
  }
}

/** Running max (or min) down the columns over 2r+1 rows, whole rows at a time (the same
 * block scheme as runFilter, kept row by row so that memory is read in order). */
function columnFilter(src: Float32Array, out: Float32Array, w: number, h: number, r: number, max: boolean): void {
  const k = 2 * r + 1;
  const L = Math.ceil((h + 2 * r) / k) * k;
  const fill = max ? -Infinity : Infinity;
  const fw = new Float32Array(L * w), bw = new Float32Array(L * w);
  const row = (j: number): Float32Array | null => (j >= r && j < h + r ? src.subarray((j - r) * w, (j - r + 1) * w) : null);
  for (let b = 0; b < L; b += k) {
    for (let j = b; j < b + k; j++) {
      const p = row(j), o = j * w;
      if (j === b) { if (p) fw.set(p, o); else fw.fill(fill, o, o + w); continue; }
      const q = o - w;
      if (!p) { fw.copyWithin(o, q, q + w); continue; }
      if (max) for (let x = 0; x < w; x++) { const v = p[x], m = fw[q + x]; fw[o + x] = v > m ? v : m; }
      else for (let x = 0; x < w; x++) { const v = p[x], m = fw[q + x]; fw[o + x] = v < m ? v : m; }
    }
    for (let j = b + k - 1; j >= b; j--) {
      const p = row(j), o = j * w;
      if (j === b + k - 1) { if (p) bw.set(p, o); else bw.fill(fill, o, o + w); continue; }
      const q = o + w;
      if (!p) { bw.copyWithin(o, q, q + w); continue; }
      if (max) for (let x = 0; x < w; x++) { const v = p[x], m = bw[q + x]; bw[o + x] = v > m ? v : m; }
      else for (let x = 0; x < w; x++) { const v = p[x], m = bw[q + x]; bw[o + x] = v < m ? v : m; }
    }
  }
  for (let i = 0; i < h; i++) {
    const o = i * w, q = (i + 2 * r) * w;
    if (max) for (let x = 0; x < w; x++) { const a = bw[o + x], c = fw[q + x]; out[o + x] = a > c ? a : c; }
    else for (let x = 0; x < w; x++) { const a = bw[o + x], c = fw[q + x]; out[o + x] = a < c ? a : c; }
  }
}

/** Separable max or min filter of a w x h image over a (2rx+1) x (2ry+1) window. */
function filter2d(src: Float32Array, w: number, h: number, rx: number, ry: number, max: boolean): Float32Array {
  const rows = new Float32Array(w * h);
  const m = w + 4 * rx + 2;
  const pad = new Float32Array(m), fw = new Float32Array(m), bw = new Float32Array(m);
  for (let y = 0; y < h; y++) runFilter(src.subarray(y * w, y * w + w), rows.subarray(y * w, y * w + w), w, rx, max, pad, fw, bw);
  const out = new Float32Array(w * h);
  columnFilter(rows, out, w, h, ry, max);
  return out;
}

/** Paper level (grey closing) of an image, over a window of (2rx+1) x (2ry+1) pixels. */
export function paperLevel(g: Gray, rx: number, ry: number): Float32Array {
  return filter2d(filter2d(g.data, g.width, g.height, rx, ry, true), g.width, g.height, rx, ry, false);
}

/**
 * The image with its shadows lifted: where the paper level is below the lit paper's (the
 * 90th percentile of the paper level), the pixels are multiplied by the ratio of the two,
 * at most 4. Lit paper keeps its grey, and so does a glare spot: glare fades the ink, and
 * lifting the paper around it would make a washed-out glyph look like a clean one.
 */
export function flattenLight(g: Gray, rx: number, ry: number): Gray {
  const bg = paperLevel(g, rx, ry);
  const hist = new Uint32Array(256);
  for (let i = 0; i < bg.length; i++) hist[Math.min(255, Math.max(0, bg[i] | 0))]++;
  let ref = 255;
  for (let v = 0, acc = 0; v < 256; v++) { acc += hist[v]; if (acc >= 0.9 * bg.length) { ref = v; break; } }
  const out = new Float32Array(g.data.length);
  for (let i = 0; i < out.length; i++) {
    const b = bg[i];
    out[i] = b >= ref ? g.data[i] : g.data[i] * Math.min(4, ref / Math.max(b, 1));
  }
  return { width: g.width, height: g.height, data: out };
}

export interface FlatBand {
  /** the evened-out crop around the band */
  gray: Gray;
  /** the grid in the crop's coordinates */
  grid: MrzGrid;
  /** crop origin in the image and window radii, for reuse by nearby grids */
  x0: number; y0: number; x1: number; y1: number; rx: number; ry: number;
}

function medianOf(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1] ?? 0;
}

/**
 * The band of `grid` with its light evened out, and the grid moved into the crop. The crop
 * reaches 6 pitches beyond the ends of the lines (the shifted grid variants fall inside)
 * and 2 capital heights above and below; `prev` is reused when the grid falls inside it.
 */
export function flatBand(g: Gray, grid: MrzGrid, prev?: FlatBand | null): FlatBand {
  const cells = grid.lines.flatMap((l) => l.cells);
  const pitch = medianOf(cells.map((c) => c.pitch));
  const charH = grid.charH;
  const rx = Math.max(2, Math.round(0.6 * pitch));
  const ry = Math.max(2, Math.round(0.75 * charH));
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const c of cells) {
    if (c.cx < minX) minX = c.cx; if (c.cx > maxX) maxX = c.cx;
    if (c.cy < minY) minY = c.cy; if (c.cy > maxY) maxY = c.cy;
  }
  const inside = (b: FlatBand) => b.rx === rx && b.ry === ry && minX - pitch >= b.x0 && maxX + pitch <= b.x1 && minY - charH >= b.y0 && maxY + charH <= b.y1;
  let band: Omit<FlatBand, 'grid'>;
  if (prev && inside(prev)) band = prev;
  else {
    const x0 = Math.max(0, Math.floor(minX - 6 * pitch)), x1 = Math.min(g.width, Math.ceil(maxX + 6 * pitch));
    const y0 = Math.max(0, Math.floor(minY - 2 * charH)), y1 = Math.min(g.height, Math.ceil(maxY + 2 * charH));
    const w = Math.max(1, x1 - x0), h = Math.max(1, y1 - y0);
    const crop = new Float32Array(w * h);
    for (let y = 0; y < h; y++) crop.set(g.data.subarray((y + y0) * g.width + x0, (y + y0) * g.width + x0 + w), y * w);
    band = { gray: flattenLight({ width: w, height: h, data: crop }, rx, ry), x0, y0, x1: x0 + w, y1: y0 + h, rx, ry };
  }
  const moved: MrzGrid = { ...grid, lines: grid.lines.map((l) => ({ cells: l.cells.map((c) => ({ ...c, cx: c.cx - band.x0, cy: c.cy - band.y0 })) })) };
  return { ...band, grid: moved };
}
