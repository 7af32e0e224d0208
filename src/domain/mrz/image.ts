// Grey-level image helpers for the MRZ reader (pure, no I/O).
import type { RgbaImage } from './types';

export interface Gray { width: number; height: number; data: Float32Array }

/** Luma (0..255) of an RGBA image. */
export function toGray(img: RgbaImage): Gray {
  const { width, height, data } = img;
  const out = new Float32Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    out[i] = 0.299 * data[j] + 0.587 * data[j + 1] + 0.114 * data[j + 2];
  }
  return { width, height, data: out };
}

/** Area-average downscale by a real factor f >= 1 (output size = ceil(size / f)). */
export function downscale(g: Gray, f: number): Gray {
  if (f <= 1.0001) return g;
  const w = Math.max(1, Math.round(g.width / f));
  const h = Math.max(1, Math.round(g.height / f));
  const fx = g.width / w;
  const fy = g.height / h;
  const out = new Float32Array(w * h);
  // separable box average: first rows, then columns
  const tmp = new Float32Array(w * g.height);
  for (let y = 0; y < g.height; y++) {
    const row = y * g.width;
    for (let x = 0; x < w; x++) {
      const x0 = x * fx;
      const x1 = x0 + fx;
      let s = 0;
      let wsum = 0;
      for (let xi = Math.floor(x0); xi < Math.ceil(x1) && xi < g.width; xi++) {
        const wt = Math.min(x1, xi + 1) - Math.max(x0, xi);
        s += g.data[row + xi] * wt;
        wsum += wt;
      }
      tmp[y * w + x] = s / wsum;
    }
  }
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      const y0 = y * fy;
      const y1 = y0 + fy;
      let s = 0;
      let wsum = 0;
      for (let yi = Math.floor(y0); yi < Math.ceil(y1) && yi < g.height; yi++) {
        const wt = Math.min(y1, yi + 1) - Math.max(y0, yi);
        s += tmp[yi * w + x] * wt;
        wsum += wt;
      }
      out[y * w + x] = s / wsum;
    }
  }
  return { width: w, height: h, data: out };
}

/** Rotate by a multiple of 90 degrees clockwise (k = 0..3). */
export function rotate90(g: Gray, k: number): Gray {
  k = ((k % 4) + 4) % 4;
  if (k === 0) return g;
  const { width: w, height: h, data } = g;
  const nw = k === 2 ? w : h;
  const nh = k === 2 ? h : w;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number, ny: number;
      if (k === 1) { nx = h - 1 - y; ny = x; }
      else if (k === 2) { nx = w - 1 - x; ny = h - 1 - y; }
      else { nx = y; ny = w - 1 - x; }
      out[ny * nw + nx] = data[y * w + x];
    }
  }
  return { width: nw, height: nh, data: out };
}

/** Bilinear sample with edge clamping. */
export function sample(g: Gray, x: number, y: number): number {
  const { width: w, height: h, data } = g;
  if (x < 0) x = 0; else if (x > w - 1) x = w - 1;
  if (y < 0) y = 0; else if (y > h - 1) y = h - 1;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = x0 + 1 < w ? x0 + 1 : x0;
  const y1 = y0 + 1 < h ? y0 + 1 : y0;
  const ax = x - x0;
  const ay = y - y0;
  const a = data[y0 * w + x0] + (data[y0 * w + x1] - data[y0 * w + x0]) * ax;
  const b = data[y1 * w + x0] + (data[y1 * w + x1] - data[y1 * w + x0]) * ax;
  return a + (b - a) * ay;
}

/**
 * A copy with the grey levels between the 1st and 99th percentile stretched over 0..255,
 * for a dim, washed-out photo whose MRZ ink is too close to its paper for the band finder's
 * local threshold. Null when the image is flat, or already spans more than half the range
 * (synthetic pages in ordinary light span 150-240 levels, dim washed-out ones 60-125).
 */
export function stretchContrast(g: Gray): Gray | null {
  const hist = new Uint32Array(256);
  for (let i = 0; i < g.data.length; i++) hist[Math.min(255, Math.max(0, g.data[i] | 0))]++;
  const at = (q: number): number => {
    let acc = 0;
    for (let v = 0; v < 256; v++) { acc += hist[v]; if (acc > q * g.data.length) return v; }
    return 255;
  };
  const lo = at(0.01), hi = at(0.99);
  if (hi - lo < 8 || hi - lo > 128) return null;
  const k = 255 / (hi - lo);
  const out = new Float32Array(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(255, Math.max(0, (g.data[i] - lo) * k));
  return { width: g.width, height: g.height, data: out };
}
