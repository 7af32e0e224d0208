// Draws one flat document (passport data page, ID card back, visa) with its visual zone,
// photo box, security pattern and the MRZ in OCR-B at the ICAO pitch (2.54 mm a character).
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { MrzKind } from '../../../src/domain/mrz/types';
import { ensureFonts, MRZ_FONT, TEXT_FONTS } from './fonts';
import type { MrzData } from './mrz-text';
import type { Rng } from './rng';

/** Physical size of each document kind in mm (ICAO 9303 parts 4-6). */
export const DOC_SIZE_MM: Record<MrzKind, { w: number; h: number }> = {
  TD3: { w: 125, h: 88 },
  TD2: { w: 105, h: 74 },
  TD1: { w: 85.6, h: 54 },
  MRVA: { w: 120, h: 80 },
  MRVB: { w: 105, h: 74 },
};

const PITCH_MM = 2.54;
/** OCR-B advance is 0.723 em, so this font size gives the 2.54 mm pitch. */
const OCRB_ADVANCE_EM = 0.723;

export interface DocRender {
  canvas: Canvas;
  /** MRZ text box in document pixels: left, top, right, bottom */
  mrzBox: [number, number, number, number];
}

function tint(rng: Rng): [number, number, number] {
  const palettes: Array<[number, number, number]> = [
    [236, 232, 220], [226, 236, 240], [238, 228, 236], [230, 238, 226], [244, 240, 230], [235, 235, 242],
  ];
  const p = rng.pick(palettes);
  return [p[0] + rng.int(-8, 8), p[1] + rng.int(-8, 8), p[2] + rng.int(-8, 8)];
}

function rgb(c: [number, number, number], a = 1): string {
  return `rgba(${c[0]},${c[1]},${c[2]},${a})`;
}

/** Guilloche-like sine rosettes: thin lines that a band finder must not take for text. */
function securityPattern(ctx: SKRSContext2D, rng: Rng, w: number, h: number, base: [number, number, number]): void {
  const col: [number, number, number] = [base[0] - 50, base[1] - 40, base[2] - 30];
  ctx.lineWidth = Math.max(0.6, w / 900);
  const n = rng.int(10, 22);
  for (let k = 0; k < n; k++) {
    ctx.strokeStyle = rgb(col, rng.range(0.15, 0.35));
    ctx.beginPath();
    const amp = rng.range(0.03, 0.12) * h;
    const freq = rng.range(2, 9) / w * Math.PI * 2;
    const y0 = rng.range(0, h);
    const ph = rng.range(0, 6.28);
    for (let x = 0; x <= w; x += 3) {
      const y = y0 + amp * Math.sin(x * freq + ph) + amp * 0.4 * Math.sin(x * freq * 2.7 + ph * 1.3);
      if (x === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  // a faint seal
  ctx.strokeStyle = rgb(col, 0.2);
  const cx = rng.range(0.3, 0.9) * w;
  const cy = rng.range(0.2, 0.6) * h;
  for (let r = 0.05 * h; r < 0.25 * h; r += 0.02 * h) {
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.stroke();
  }
}

function photoBox(ctx: SKRSContext2D, rng: Rng, x: number, y: number, w: number, h: number): void {
  const bg = rng.int(150, 225);
  ctx.fillStyle = `rgb(${bg},${bg + rng.int(-10, 10)},${bg + rng.int(-5, 15)})`;
  ctx.fillRect(x, y, w, h);
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  const skin = rng.pick([[224, 189, 160], [190, 140, 100], [140, 95, 65], [90, 60, 45], [235, 200, 175]]);
  const hair = rng.pick([[30, 25, 20], [90, 60, 30], [160, 130, 80], [60, 60, 60], [200, 190, 170]]);
  // shoulders, head, hair: enough of a face to be a dark blob with edges
  ctx.fillStyle = `rgb(${rng.int(20, 120)},${rng.int(20, 120)},${rng.int(20, 140)})`;
  ctx.beginPath();
  ctx.ellipse(x + w / 2, y + h * 1.02, w * 0.5, h * 0.3, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = `rgb(${skin[0]},${skin[1]},${skin[2]})`;
  ctx.beginPath();
  ctx.ellipse(x + w / 2, y + h * 0.45, w * 0.26, h * 0.27, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = `rgb(${hair[0]},${hair[1]},${hair[2]})`;
  ctx.beginPath();
  ctx.ellipse(x + w / 2, y + h * 0.28, w * 0.28, h * 0.14, 0, Math.PI, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = 'rgba(20,20,20,0.8)';
  ctx.fillRect(x + w * 0.4, y + h * 0.42, w * 0.05, h * 0.02);
  ctx.fillRect(x + w * 0.55, y + h * 0.42, w * 0.05, h * 0.02);
  ctx.restore();
}

const HEADERS: Record<MrzKind, string[]> = {
  TD3: ['PASSPORT', 'PASSEPORT', 'PASAPORTE', 'REISEPASS', 'PASPOR'],
  TD2: ['IDENTITY CARD', 'RESIDENCE PERMIT', 'CARTE DE SEJOUR'],
  TD1: ['IDENTITY CARD', 'RESIDENCE PERMIT', 'CARTE D\'IDENTITE', 'PERSONALAUSWEIS'],
  MRVA: ['VISA', 'VISA / VISA', 'ENTRY VISA'],
  MRVB: ['VISA', 'VISTO', 'VISA D'],
};

function fmtDate(yymmdd: string, future: boolean): string {
  const yy = Number(yymmdd.slice(0, 2));
  const year = future ? 2000 + yy : yy > 30 ? 1900 + yy : 2000 + yy;
  const mon = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][Number(yymmdd.slice(2, 4)) - 1];
  return `${yymmdd.slice(4, 6)} ${mon} ${year}`;
}

/** Visual zone: labels and values that repeat the MRZ data in ordinary fonts. */
function visualZone(ctx: SKRSContext2D, rng: Rng, d: MrzData, x: number, y: number, w: number, h: number, mm: number): void {
  const font = rng.pick(TEXT_FONTS);
  const labelPx = mm * rng.range(1.4, 1.8);
  const valuePx = mm * rng.range(2.4, 3.1);
  const rows: Array<[string, string]> = [
    ['Type / Type', d.documentCode], ['Code / Code', d.issuingState], ['Passport No. / No.', d.documentNumber],
    ['Surname / Nom', d.lastName], ['Given names / Prenoms', d.firstName || '-'], ['Nationality', d.nationality],
    ['Date of birth', fmtDate(d.birthDate, false)], ['Sex / Sexe', d.sex === '<' ? 'X' : d.sex],
    ['Date of expiry', fmtDate(d.expirationDate, true)], ['Authority', 'MINISTRY OF FOREIGN AFFAIRS'],
  ];
  let cy = y;
  const step = labelPx + valuePx * 1.25;
  let col = 0;
  for (const [label, value] of rows) {
    if (cy + step > y + h) {
      if (col === 1) break;
      col = 1;
      cy = y;
    }
    const cx = x + col * w * 0.55;
    ctx.fillStyle = 'rgba(60,60,90,0.85)';
    ctx.font = `${labelPx}px ${font}`;
    ctx.fillText(label, cx, cy + labelPx);
    ctx.fillStyle = 'rgba(15,15,25,0.95)';
    ctx.font = `${rng.chance(0.5) ? 'bold ' : ''}${valuePx}px ${font}`;
    ctx.fillText(value.toUpperCase(), cx, cy + labelPx + valuePx * 1.05, w * (col === 0 ? 0.9 : 0.45));
    cy += step;
  }
}

/**
 * Draw the document at `pxPerMm`. `lines` are the MRZ lines; `d` fills the visual zone.
 * Optional `mrzInk` darkness lets levels vary the print contrast.
 */
export function renderDocument(rng: Rng, kind: MrzKind, d: MrzData, lines: string[], pxPerMm: number): DocRender {
  ensureFonts();
  const size = DOC_SIZE_MM[kind];
  const W = Math.round(size.w * pxPerMm);
  const H = Math.round(size.h * pxPerMm);
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  const base = tint(rng);
  ctx.fillStyle = rgb(base);
  ctx.fillRect(0, 0, W, H);
  securityPattern(ctx, rng, W, H, base);

  const mm = pxPerMm;
  const lineLen = lines[0].length;
  const linePitch = (kind === 'TD1' ? rng.range(3.4, 3.8) : rng.range(3.9, 4.5)) * mm;
  const pitch = PITCH_MM * mm;
  const mrzW = lineLen * pitch;
  const left = (W - mrzW) / 2 + rng.range(-1, 1) * mm;
  const bottomMargin = rng.range(kind === 'TD1' ? 2.5 : 3.5, 5.5) * mm;
  // issuers print OCR-B at slightly different heights and weights for the same pitch
  const fontPx = (pitch / OCRB_ADVANCE_EM) * rng.range(0.88, 1.03);
  const capH = fontPx * 0.7;
  const firstBaseline = H - bottomMargin - (lines.length - 1) * linePitch;
  const mrzTop = firstBaseline - capH - 0.8 * mm;

  // the clear zone behind the MRZ is plain paper, as ICAO requires; many real documents
  // still print a faint pattern under it, so keep it on some pages
  if (rng.chance(0.7)) {
    ctx.fillStyle = rgb([Math.min(255, base[0] + 8), Math.min(255, base[1] + 8), Math.min(255, base[2] + 8)]);
    ctx.fillRect(0, mrzTop - 1.5 * mm, W, H - mrzTop + 1.5 * mm);
  }

  const header = rng.pick(HEADERS[kind]);
  ctx.fillStyle = rgb([base[0] - 120, base[1] - 110, base[2] - 90], 0.95);
  ctx.font = `bold ${rng.range(3.5, 5) * mm}px ${rng.pick(TEXT_FONTS)}`;
  ctx.fillText(header, rng.range(4, 30) * mm, rng.range(6, 9) * mm);
  ctx.font = `${rng.range(2, 3) * mm}px ${rng.pick(TEXT_FONTS)}`;
  ctx.fillText(`REPUBLIC OF ${d.issuingState}`, W * rng.range(0.55, 0.7), rng.range(4, 6) * mm, W * 0.28);

  // photo on the left, visual zone to its right (the TD1 back side has only text)
  const zoneTop = rng.range(11, 14) * mm;
  const zoneBottom = mrzTop - 2 * mm;
  const zoneH = zoneBottom - zoneTop;
  let textX = 5 * mm;
  if (kind !== 'TD1' || rng.chance(0.4)) {
    const pw = Math.min(zoneH * 0.78, W * 0.3);
    photoBox(ctx, rng, 5 * mm, zoneTop, pw, zoneH * 0.98);
    textX = 5 * mm + pw + 4 * mm;
  }
  visualZone(ctx, rng, d, textX, zoneTop, W - textX - 4 * mm, zoneH, mm);

  // signature scribble: a dark curve, another thing that is not MRZ text
  if (rng.chance(0.7)) {
    ctx.strokeStyle = 'rgba(20,20,80,0.8)';
    ctx.lineWidth = 0.35 * mm;
    ctx.beginPath();
    let sx = W * rng.range(0.55, 0.75);
    const sy = zoneBottom - 3 * mm;
    ctx.moveTo(sx, sy);
    for (let i = 0; i < 8; i++) {
      sx += rng.range(1.5, 4) * mm;
      ctx.quadraticCurveTo(sx - 2 * mm, sy + rng.range(-4, 4) * mm, sx, sy + rng.range(-2, 2) * mm);
    }
    ctx.stroke();
  }

  // the MRZ itself, one character at a time so the pitch is exact
  const ink = rng.chance(0.15) ? rng.int(60, 100) : rng.int(0, 45);
  const colour = `rgb(${ink},${ink},${ink + rng.int(0, 15)})`;
  ctx.fillStyle = colour;
  ctx.strokeStyle = colour;
  // some printers give bolder strokes (ink spread); stroking the outline thickens them
  const bold = rng.chance(0.35) ? fontPx * rng.range(0.02, 0.06) : 0;
  ctx.lineWidth = bold;
  ctx.font = `${fontPx}px ${MRZ_FONT}`;
  for (let li = 0; li < lines.length; li++) {
    const by = firstBaseline + li * linePitch;
    for (let i = 0; i < lines[li].length; i++) {
      ctx.fillText(lines[li][i], left + i * pitch, by);
      if (bold > 0) ctx.strokeText(lines[li][i], left + i * pitch, by);
    }
  }
  const mrzBox: [number, number, number, number] = [left, mrzTop + 0.8 * mm, left + mrzW, firstBaseline + (lines.length - 1) * linePitch];
  return { canvas, mrzBox };
}
