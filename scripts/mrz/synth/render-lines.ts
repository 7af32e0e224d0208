// Clean MRZ text lines in OCR-B, for glyph-classifier training: no page, no scene.
import { createCanvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../../../src/domain/mrz/types';
import { ensureFonts, MRZ_FONT } from './fonts';

export interface MrzLinesOptions {
  /** character pitch in pixels (ICAO: 2.54 mm); default 24 */
  pitch?: number;
  /** baseline-to-baseline distance in pixels; default 1.65 * pitch */
  linePitch?: number;
  /** margin around the text in pixels; default pitch */
  margin?: number;
  /** font size relative to the ICAO size; default 1 */
  fontScale?: number;
  /** ink and paper grey levels; defaults 20 and 240 */
  ink?: number;
  paper?: number;
}

/** Render the lines at an exact pitch. Character i of line j has its cell at
 * x = margin + i * pitch, baseline y = margin + capHeight + j * linePitch. */
export function renderMrzLines(lines: string[], opts: MrzLinesOptions = {}): RgbaImage {
  ensureFonts();
  const pitch = opts.pitch ?? 24;
  const linePitch = opts.linePitch ?? pitch * 1.65;
  const margin = opts.margin ?? pitch;
  const fontPx = (pitch / 0.723) * (opts.fontScale ?? 1);
  const capH = fontPx * 0.7;
  const len = Math.max(...lines.map((s) => s.length));
  const W = Math.ceil(2 * margin + len * pitch);
  const H = Math.ceil(2 * margin + capH + (lines.length - 1) * linePitch);
  const c = createCanvas(W, H);
  const ctx = c.getContext('2d');
  const paper = opts.paper ?? 240;
  const ink = opts.ink ?? 20;
  ctx.fillStyle = `rgb(${paper},${paper},${paper})`;
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = `rgb(${ink},${ink},${ink})`;
  ctx.font = `${fontPx}px ${MRZ_FONT}`;
  lines.forEach((line, j) => {
    for (let i = 0; i < line.length; i++) ctx.fillText(line[i], margin + i * pitch, margin + capH + j * linePitch);
  });
  const data = ctx.getImageData(0, 0, W, H).data;
  return { width: W, height: H, data: new Uint8ClampedArray(data) };
}
