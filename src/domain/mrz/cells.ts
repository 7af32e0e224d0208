// Cutting one MRZ cell out of a grey image into the normalised patch the glyph model reads.
// Used alike by the reader and by the training script, so both see the same patches.
import { sample, type Gray } from './image';

export const CELL_W = 16;
export const CELL_H = 24;
/** Patch width and height relative to the character pitch and the capital height. */
export const CELL_SPAN_X = 1.0;
export const CELL_SPAN_Y = 1.4;

export interface CellGeometry {
  /** centre of the cell in image pixels */
  cx: number;
  cy: number;
  /** character pitch (distance between neighbouring cell centres) in pixels */
  pitch: number;
  /** capital height in pixels */
  charH: number;
  /** text direction angle, radians (0 = horizontal, positive = clockwise in image coordinates) */
  angle: number;
}

/**
 * Samples the cell into `out` (CELL_W*CELL_H floats, ink = 1, paper = 0), normalising
 * contrast within the patch. Supersamples when the source is larger than the patch.
 */
export function extractCell(g: Gray, c: CellGeometry, out: Float32Array = new Float32Array(CELL_W * CELL_H), info?: { contrast: number }): Float32Array {
  const cos = Math.cos(c.angle);
  const sin = Math.sin(c.angle);
  const sx = (c.pitch * CELL_SPAN_X) / CELL_W;
  const sy = (c.charH * CELL_SPAN_Y) / CELL_H;
  const ss = Math.max(1, Math.min(4, Math.ceil(Math.max(sx, sy) / 1.5)));
  const inv = 1 / (ss * ss);
  for (let v = 0; v < CELL_H; v++) {
    for (let u = 0; u < CELL_W; u++) {
      let s = 0;
      for (let j = 0; j < ss; j++) {
        const dy = (v + (j + 0.5) / ss - CELL_H / 2) * sy;
        for (let i = 0; i < ss; i++) {
          const dx = (u + (i + 0.5) / ss - CELL_W / 2) * sx;
          s += sample(g, c.cx + dx * cos - dy * sin, c.cy + dx * sin + dy * cos);
        }
      }
      out[v * CELL_W + u] = s * inv;
    }
  }
  const contrast = normalisePatch(out);
  if (info) info.contrast = contrast;
  return out;
}

const sortBuf = new Float32Array(CELL_W * CELL_H);

/** Maps the patch to ink 0..1: paper level (85th percentile) -> 0, darkest ink -> 1.
 * Returns the paper-to-ink grey difference found (a washed-out or glared cell has little). */
export function normalisePatch(p: Float32Array): number {
  sortBuf.set(p);
  sortBuf.sort();
  const n = p.length;
  const paper = sortBuf[Math.floor(n * 0.85)];
  const ink = sortBuf[Math.floor(n * 0.02)];
  const range = Math.max(paper - ink, 12);
  for (let i = 0; i < n; i++) {
    let v = (paper - p[i]) / range;
    if (v < 0) v = 0; else if (v > 1) v = 1;
    p[i] = v;
  }
  return paper - ink;
}
