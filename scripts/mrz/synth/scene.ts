// The photographed scene: a desk or table texture, other printed papers, a pen, and the
// document placed on it with rotation and shear, so finding the MRZ band is not trivial.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { TEXT_FONTS } from './fonts';
import type { Rng } from './rng';

const WORDS = ('the of and to in for is on that by this with from at as are be was which or an it not report guest '
  + 'hotel check date room invoice total amount paid receipt address phone email number name order tax service '
  + 'jalan kota kabupaten nomor tanggal tamu kamar harga bayar lunas terima kasih').split(' ');

function line(rng: Rng, n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(rng.pick(WORDS));
  let s = parts.join(' ');
  if (rng.chance(0.3)) s = s.toUpperCase();
  if (rng.chance(0.2)) s += ` ${rng.int(10, 99999)}`;
  return s;
}

function deskTexture(ctx: SKRSContext2D, rng: Rng, W: number, H: number): void {
  const style = rng.int(0, 4);
  const bases: Array<[number, number, number]> = [[150, 105, 65], [95, 70, 45], [120, 120, 125], [215, 210, 200], [40, 40, 45]];
  const b = bases[style];
  const j = (): number => rng.int(-20, 20);
  const base: [number, number, number] = [b[0] + j(), b[1] + j(), b[2] + j()];
  ctx.fillStyle = `rgb(${base.join(',')})`;
  ctx.fillRect(0, 0, W, H);
  // grain (wood) or weave (cloth): many faint strokes of a slightly different tone
  const horizontal = rng.chance(0.5);
  const n = rng.int(80, 200);
  for (let i = 0; i < n; i++) {
    const d = rng.int(-35, 35);
    ctx.strokeStyle = `rgba(${base[0] + d},${base[1] + d},${base[2] + d},${rng.range(0.15, 0.5)})`;
    ctx.lineWidth = rng.range(0.5, 4);
    ctx.beginPath();
    const p = rng.range(0, horizontal ? H : W);
    const amp = rng.range(0, 15);
    const f = rng.range(0.002, 0.02);
    for (let t = 0; t <= (horizontal ? W : H); t += 20) {
      const q = p + amp * Math.sin(t * f + i);
      if (horizontal) { if (t === 0) ctx.moveTo(t, q); else ctx.lineTo(t, q); } else { if (t === 0) ctx.moveTo(q, t); else ctx.lineTo(q, t); }
    }
    ctx.stroke();
  }
}

/** A sheet of printed text lying on the desk, partly out of frame. */
function paper(ctx: SKRSContext2D, rng: Rng, W: number, H: number): void {
  ctx.save();
  ctx.translate(rng.range(-0.1, 1.1) * W, rng.range(-0.1, 1.1) * H);
  ctx.rotate(rng.range(-0.6, 0.6));
  const pw = rng.range(0.4, 0.8) * W;
  const ph = pw * 1.41;
  const g = rng.int(225, 250);
  ctx.fillStyle = `rgb(${g},${g},${g - rng.int(0, 12)})`;
  ctx.shadowColor = 'rgba(0,0,0,0.3)';
  ctx.shadowBlur = 8;
  ctx.fillRect(-pw / 2, -ph / 2, pw, ph);
  ctx.shadowBlur = 0;
  ctx.shadowColor = 'rgba(0,0,0,0)';
  const px = pw * rng.range(0.012, 0.025);
  ctx.font = `${px}px ${rng.pick(TEXT_FONTS)}`;
  ctx.fillStyle = 'rgba(25,25,25,0.9)';
  const rows = Math.floor((ph * 0.85) / (px * 1.6));
  for (let r = 0; r < rows; r++) {
    if (rng.chance(0.15)) continue;
    ctx.fillText(line(rng, rng.int(4, 12)), -pw * 0.42, -ph * 0.42 + r * px * 1.6, pw * 0.84);
  }
  ctx.restore();
}

function pen(ctx: SKRSContext2D, rng: Rng, W: number, H: number): void {
  ctx.save();
  ctx.translate(rng.range(0, W), rng.range(0, H));
  ctx.rotate(rng.range(0, Math.PI));
  const len = rng.range(0.2, 0.4) * W;
  const col = rng.pick(['20,40,140', '20,20,20', '160,20,20', '230,230,230']);
  ctx.fillStyle = `rgb(${col})`;
  ctx.shadowColor = 'rgba(0,0,0,0.4)';
  ctx.shadowBlur = 6;
  ctx.fillRect(-len / 2, -len * 0.03, len, len * 0.06);
  ctx.restore();
}

export interface Placement {
  /** document centre in scene pixels */
  cx: number;
  cy: number;
  /** rotation in radians */
  angle: number;
  /** horizontal shear factor */
  shear: number;
}

/** The 2x3 affine (a, b, c, d, e, f) that maps document pixels to scene pixels. */
export function placementMatrix(p: Placement, docW: number, docH: number): number[] {
  const cos = Math.cos(p.angle);
  const sin = Math.sin(p.angle);
  // scene = T(cx,cy) * R * Shear * T(-w/2,-h/2) * doc
  const a = cos, b = sin, c = cos * p.shear - sin, d = sin * p.shear + cos;
  const e = p.cx - (a * docW / 2 + c * docH / 2);
  const f = p.cy - (b * docW / 2 + d * docH / 2);
  return [a, b, c, d, e, f];
}

/** Render the scene with the document on it. */
export function renderScene(rng: Rng, W: number, H: number, doc: Canvas, p: Placement, booklet: boolean): Canvas {
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  deskTexture(ctx, rng, W, H);
  const nPapers = rng.int(0, 2);
  for (let i = 0; i < nPapers; i++) paper(ctx, rng, W, H);
  if (rng.chance(0.4)) pen(ctx, rng, W, H);

  const m = placementMatrix(p, doc.width, doc.height);
  ctx.save();
  ctx.setTransform(m[0], m[1], m[2], m[3], m[4], m[5]);
  ctx.shadowColor = 'rgba(0,0,0,0.45)';
  ctx.shadowBlur = rng.range(4, 20);
  ctx.shadowOffsetX = rng.range(-6, 6);
  ctx.shadowOffsetY = rng.range(0, 8);
  if (booklet) {
    // the facing page of a passport booklet, above the data page, and the cover edge
    const g = rng.int(215, 240);
    ctx.fillStyle = `rgb(${rng.int(60, 120)},${rng.int(20, 60)},${rng.int(20, 60)})`;
    ctx.fillRect(-doc.width * 0.02, -doc.height * 1.02, doc.width * 1.04, doc.height * 2.04);
    ctx.shadowColor = 'rgba(0,0,0,0)';
    ctx.fillStyle = `rgb(${g},${g - 5},${g - rng.int(5, 20)})`;
    ctx.fillRect(0, -doc.height, doc.width, doc.height);
    ctx.font = `${doc.width * 0.03}px ${rng.pick(TEXT_FONTS)}`;
    ctx.fillStyle = 'rgba(80,60,60,0.6)';
    ctx.fillText(rng.pick(['OBSERVATIONS', 'ENDORSEMENTS', 'AMENDEMENTS']), doc.width * 0.3, -doc.height * 0.5);
  }
  ctx.drawImage(doc, 0, 0);
  ctx.restore();
  return canvas;
}
