// Camera-like degradations on RGBA pixels: perspective, uneven light, glare, blur,
// downscale, sensor noise and JPEG re-encoding. Geometry first, then optics, then sensor.
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type { Rng } from './rng';

export type Mat3 = number[]; // row-major 3x3

/** Homography mapping the 4 points `src` onto `dst` (direct linear solve, h33 = 1). */
export function homography(src: number[][], dst: number[][]): Mat3 {
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i];
    const [u, v] = dst[i];
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8x9 augmented matrix
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const k = A[r][c] / A[c][c];
      for (let k2 = c; k2 < 9; k2++) A[r][k2] -= k * A[c][k2];
    }
  }
  const h = A.map((row, i) => row[8] / row[i]);
  return [...h, 1];
}

export function applyH(H: Mat3, x: number, y: number): [number, number] {
  const w = H[6] * x + H[7] * y + H[8];
  return [(H[0] * x + H[1] * y + H[2]) / w, (H[3] * x + H[4] * y + H[5]) / w];
}

/** Rectify the quadrilateral `quad` of the source onto the whole output (keystone effect). */
export function warpFromQuad(src: Uint8ClampedArray, W: number, H: number, quad: number[][]): Uint8ClampedArray {
  const inv = homography([[0, 0], [W, 0], [W, H], [0, H]], quad); // output -> source
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const w = inv[6] * (x + 0.5) + inv[7] * (y + 0.5) + inv[8];
      let sx = (inv[0] * (x + 0.5) + inv[1] * (y + 0.5) + inv[2]) / w - 0.5;
      let sy = (inv[3] * (x + 0.5) + inv[4] * (y + 0.5) + inv[5]) / w - 0.5;
      sx = Math.min(Math.max(sx, 0), W - 1.001);
      sy = Math.min(Math.max(sy, 0), H - 1.001);
      const x0 = sx | 0, y0 = sy | 0;
      const fx = sx - x0, fy = sy - y0;
      const i00 = (y0 * W + x0) * 4, i10 = i00 + 4, i01 = i00 + W * 4, i11 = i01 + 4;
      const o = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) {
        const top = src[i00 + c] + (src[i10 + c] - src[i00 + c]) * fx;
        const bot = src[i01 + c] + (src[i11 + c] - src[i01 + c]) * fx;
        out[o + c] = top + (bot - top) * fy;
      }
      out[o + 3] = 255;
    }
  }
  return out;
}

export interface LightOptions {
  /** strength of the linear gradient, 0..1 */
  gradient: number;
  /** a soft shadow edge across the frame, darkening by this fraction (0 = none) */
  shadow: number;
  /** overall exposure multiplier */
  exposure: number;
}

/** Multiply by a smooth illumination field: gradient, vignette and an optional soft shadow. */
export function unevenLight(px: Uint8ClampedArray, W: number, H: number, rng: Rng, o: LightOptions): void {
  const ang = rng.range(0, Math.PI * 2);
  const gx = Math.cos(ang), gy = Math.sin(ang);
  const sAng = rng.range(0, Math.PI * 2);
  const sx = Math.cos(sAng), sy = Math.sin(sAng);
  const sOff = rng.range(-0.3, 0.3);
  const soft = rng.range(0.03, 0.15);
  const vig = rng.range(0, 0.25);
  for (let y = 0; y < H; y++) {
    const ny = y / H - 0.5;
    for (let x = 0; x < W; x++) {
      const nx = x / W - 0.5;
      let l = o.exposure * (1 + o.gradient * (nx * gx + ny * gy)) * (1 - vig * (nx * nx + ny * ny));
      if (o.shadow > 0) {
        const t = (nx * sx + ny * sy - sOff) / soft;
        l *= 1 - o.shadow / (1 + Math.exp(-t));
      }
      const i = (y * W + x) * 4;
      px[i] *= l; px[i + 1] *= l; px[i + 2] *= l;
    }
  }
}

/** A specular highlight: pixels pushed toward white inside a soft elliptic blob. */
export function glare(px: Uint8ClampedArray, W: number, H: number, cx: number, cy: number, r: number, strength: number): void {
  const x0 = Math.max(0, Math.floor(cx - 3 * r)), x1 = Math.min(W, Math.ceil(cx + 3 * r));
  const y0 = Math.max(0, Math.floor(cy - 3 * r)), y1 = Math.min(H, Math.ceil(cy + 3 * r));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const d2 = ((x - cx) ** 2 + ((y - cy) * 1.6) ** 2) / (r * r);
      const g = strength * Math.exp(-d2 / 2);
      if (g < 0.004) continue;
      const i = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) px[i + c] += (255 - px[i + c]) * g;
    }
  }
}

/** Additive Gaussian noise, mostly on luminance, with a little chroma noise. */
export function noise(px: Uint8ClampedArray, rng: Rng, sigma: number): void {
  if (sigma <= 0) return;
  for (let i = 0; i < px.length; i += 4) {
    const l = rng.gauss() * sigma;
    px[i] += l + rng.gauss() * sigma * 0.3;
    px[i + 1] += l + rng.gauss() * sigma * 0.3;
    px[i + 2] += l + rng.gauss() * sigma * 0.3;
  }
}

export function toCanvas(px: Uint8ClampedArray, W: number, H: number): Canvas {
  const c = createCanvas(W, H);
  const ctx = c.getContext('2d');
  const id = ctx.createImageData(W, H);
  id.data.set(px);
  ctx.putImageData(id, 0, 0);
  return c;
}

export function fromCanvas(c: Canvas): Uint8ClampedArray {
  return c.getContext('2d').getImageData(0, 0, c.width, c.height).data as Uint8ClampedArray;
}

/** Resize with Gaussian blur of `sigma` output pixels, done by Skia (the canvas filter
 * works in destination space). */
export function blurAndResize(src: Canvas, sigma: number, outW: number, outH: number): Canvas {
  const c = createCanvas(outW, outH);
  const ctx = c.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  if (sigma > 0.05) ctx.filter = `blur(${sigma}px)`;
  ctx.drawImage(src, 0, 0, outW, outH);
  return c;
}

/** Encode as JPEG at `quality` (0-100) and decode again, so the pixels carry the artefacts. */
export async function jpegRoundTrip(c: Canvas, quality: number): Promise<{ jpeg: Buffer; px: Uint8ClampedArray }> {
  const jpeg = await c.encode('jpeg', quality);
  const img = await loadImage(jpeg);
  const d = createCanvas(c.width, c.height);
  d.getContext('2d').drawImage(img, 0, 0);
  return { jpeg, px: fromCanvas(d) };
}

// ---- phone-photo extras (the 'photo' level): single-glyph confusions come from these ----

/** Page curvature (a booklet that will not lie flat): rows bend by a parabola across x. */
export function curvePage(src: Uint8ClampedArray, W: number, H: number, amp: number, centre: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(W * H * 4);
  for (let x = 0; x < W; x++) {
    const u = (x / W - centre) / Math.max(centre, 1 - centre);
    const dy = amp * u * u;
    for (let y = 0; y < H; y++) {
      const sy = Math.min(Math.max(y - dy, 0), H - 1.001);
      const y0 = sy | 0, fy = sy - y0;
      const i0 = (y0 * W + x) * 4, i1 = i0 + W * 4, o = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = src[i0 + c] + (src[i1 + c] - src[i0 + c]) * fy;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** Linear motion blur: the mean of `len` pixels along direction `angle` (camera shake). */
export function motionBlur(px: Uint8ClampedArray, W: number, H: number, len: number, angle: number): void {
  const n = Math.max(2, Math.round(len * 2));
  const dx = Math.cos(angle) * len, dy = Math.sin(angle) * len;
  const src = px.slice();
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let r = 0, g = 0, b = 0;
      for (let k = 0; k < n; k++) {
        const t = k / (n - 1) - 0.5;
        const sx = Math.min(W - 1, Math.max(0, Math.round(x + t * dx)));
        const sy = Math.min(H - 1, Math.max(0, Math.round(y + t * dy)));
        const i = (sy * W + sx) * 4;
        r += src[i]; g += src[i + 1]; b += src[i + 2];
      }
      const o = (y * W + x) * 4;
      px[o] = r / n; px[o + 1] = g / n; px[o + 2] = b / n;
    }
  }
}

/** Washed-out contrast: every pixel pulled toward `level` (0..255) keeping `k` of its distance. */
export function lowContrast(px: Uint8ClampedArray, k: number, level: number): void {
  for (let i = 0; i < px.length; i += 4) for (let c = 0; c < 3; c++) px[i + c] = level + (px[i + c] - level) * k;
}

export interface HandShadow {
  /** palm centre in pixels */
  x: number;
  y: number;
  /** direction from the palm to the wrist, in radians: the forearm runs out of the frame that way */
  angle: number;
  /** palm width in pixels */
  width: number;
  /** fraction of the light taken away at the shadow's core, 0..1 */
  darkness: number;
  /** width of the soft edge in pixels */
  soft: number;
}

/** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax, vy = by - ay;
  const t = Math.min(1, Math.max(0, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy || 1)));
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

/** The shadow of a hand held over the page: forearm, palm and four fingers as rounded
 * strokes, darkening with a soft edge (a sigmoid of the distance to the outline), a little
 * less in blue (shadows are lit by the bluish ambient light). */
export function handShadow(px: Uint8ClampedArray, W: number, H: number, s: HandShadow): void {
  const ux = Math.cos(s.angle), uy = Math.sin(s.angle); // palm -> wrist
  const nx = -uy, ny = ux;
  const w = s.width;
  const far = 3 * (W + H);
  // [ax, ay, bx, by, radius]
  const parts: number[][] = [
    [s.x + ux * 0.3 * w, s.y + uy * 0.3 * w, s.x + ux * far, s.y + uy * far, 0.36 * w], // forearm
    [s.x + ux * 0.15 * w, s.y + uy * 0.15 * w, s.x - ux * 0.15 * w, s.y - uy * 0.15 * w, 0.45 * w], // palm
  ];
  const fingers = [[-0.33, 0.75], [-0.11, 0.95], [0.11, 0.9], [0.33, 0.7]]; // offset across, length
  for (const [o, len] of fingers) {
    const bx = s.x - ux * 0.3 * w + nx * o * w, by = s.y - uy * 0.3 * w + ny * o * w;
    const spread = o * 0.25;
    const dx = -ux * Math.cos(spread) + nx * Math.sin(spread), dy = -uy * Math.cos(spread) + ny * Math.sin(spread);
    parts.push([bx, by, bx + dx * len * w, by + dy * len * w, 0.1 * w]);
  }
  const reach = 6 * s.soft;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let d = Infinity;
      for (const [ax, ay, bx, by, r] of parts) d = Math.min(d, segDist(x, y, ax, ay, bx, by) - r);
      if (d > reach) continue;
      const cover = 1 / (1 + Math.exp(d / Math.max(s.soft, 0.5)));
      const l = 1 - s.darkness * cover;
      const i = (y * W + x) * 4;
      px[i] *= l; px[i + 1] *= l; px[i + 2] *= 1 - s.darkness * 0.85 * cover;
    }
  }
}
