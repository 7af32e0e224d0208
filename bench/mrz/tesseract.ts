// Stock tesseract.js `eng` as the baseline, offline: traineddata from @tesseract.js-data/eng
// (its 4.0.0 folder holds both the legacy and the LSTM models), no cache, no downloads.
// Setup: bottom 30% of the image, scaled to 1300 px wide, MRZ whitelist, PSM 6, then the
// text lines are fitted to an MRZ shape and parsed with the `mrz` package (autocorrect on).
import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import { parse } from 'mrz';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { MrzFields, MrzKind, RgbaImage } from '../../src/domain/mrz/types';
import { fieldsFromLines } from './fields';

const require = createRequire(import.meta.url);
const engData = require('@tesseract.js-data/eng') as { langPath: string; gzip: boolean };

export type TessEngine = 'legacy' | 'lstm';

export interface TextReading {
  valid: boolean;
  kind: MrzKind | null;
  lines: string[];
  fields: MrzFields | null;
  ms: number;
}

export async function createTesseract(engine: TessEngine): Promise<Worker> {
  const oem = engine === 'legacy' ? OEM.TESSERACT_ONLY : OEM.LSTM_ONLY;
  const worker = await createWorker('eng', oem, {
    langPath: engData.langPath,
    gzip: engData.gzip,
    cacheMethod: 'none',
    legacyCore: engine === 'legacy',
    legacyLang: engine === 'legacy',
  });
  await worker.setParameters({
    tessedit_char_whitelist: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<',
    tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
  });
  return worker;
}

/** Bottom `frac` of the image, scaled to `width` px wide, as a PNG for tesseract. */
async function bottomCrop(img: RgbaImage, frac: number, width: number): Promise<Buffer> {
  const src = createCanvas(img.width, img.height);
  const sctx = src.getContext('2d');
  const id = sctx.createImageData(img.width, img.height);
  id.data.set(img.data);
  sctx.putImageData(id, 0, 0);
  const top = Math.floor(img.height * (1 - frac));
  const h = img.height - top;
  const scale = width / img.width;
  const out = createCanvas(width, Math.max(1, Math.round(h * scale)));
  const octx = out.getContext('2d');
  octx.imageSmoothingQuality = 'high';
  octx.drawImage(src, 0, top, img.width, h, 0, 0, out.width, out.height);
  return out.encode('png');
}

/** Fit OCR text to MRZ lines: keep MRZ characters, take the last 2-3 long lines, pad or cut
 * them to the nearest ICAO length (as PassportEye does). */
export function textToMrzLines(text: string): string[] {
  const rows = text.split('\n').map((r) => r.replace(/[^A-Z0-9<]/g, '')).filter((r) => r.length >= 20);
  if (rows.length < 2) return [];
  const fit = (r: string, n: number): string => (r.length >= n ? r.slice(0, n) : r + '<'.repeat(n - r.length));
  const last3 = rows.slice(-3);
  if (last3.length === 3 && last3.every((r) => Math.abs(r.length - 30) <= 3)) return last3.map((r) => fit(r, 30));
  const last2 = rows.slice(-2);
  const avg = (last2[0].length + last2[1].length) / 2;
  const n = avg >= 40 ? 44 : 36;
  return last2.map((r) => fit(r, n));
}

/** Raw OCR of the bottom crop, cached by the benchmark (tesseract is slow and fixed). */
export interface OcrText { text: string; ms: number }

export async function ocrBottom(worker: Worker, img: RgbaImage): Promise<OcrText> {
  const t0 = performance.now();
  const png = await bottomCrop(img, 0.3, 1300);
  const { data } = await worker.recognize(png);
  return { text: data.text, ms: performance.now() - t0 };
}

/** Fit the text to MRZ lines and parse it with `mrz` (autocorrect on: O/0 and the like
 * are fixed where a field admits only digits or only letters, as PassportEye also does). */
export function interpret(ocr: OcrText): TextReading {
  let lines = textToMrzLines(ocr.text);
  const shape = lines.length ? fieldsFromLines(lines) : null;
  let valid = false;
  if (shape) {
    const visa = shape.kind === 'MRVA' || shape.kind === 'MRVB';
    try {
      const r = parse(lines, { autocorrect: true });
      const chars = lines.map((l) => l.split(''));
      for (const d of r.details) {
        for (const c of d.autocorrect) {
          // visas share the TD3/TD2 layout only up to the expiry check digit
          if (!visa || (c.line === 1 && c.column < 28)) chars[c.line][c.column] = c.corrected;
        }
      }
      lines = chars.map((c) => c.join(''));
      valid = !visa && r.valid;
    } catch {
      valid = false;
    }
  }
  const parsed = lines.length ? fieldsFromLines(lines) : null;
  return { valid, kind: parsed?.kind ?? null, lines, fields: parsed?.fields ?? null, ms: ocr.ms };
}

export async function readWithTesseract(worker: Worker, img: RgbaImage): Promise<TextReading> {
  return interpret(await ocrBottom(worker, img));
}
