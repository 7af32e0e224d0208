// MRZ reader entry point: pure TypeScript, runs in Node and in a browser Web Worker.
//   readMrz(image) -> MrzReading
// Pipeline: grey -> locate the band (locate.ts) -> lift shadows on the band (flatten.ts)
// -> cut the fixed-pitch grid and classify each cell (reader.ts, model.ts) -> decode with
// charsets and check digits (decode.ts).
import { toGray, rotate90, stretchContrast, type Gray } from './image';
import { locateMrzCandidates, type MrzGrid } from './locate';
import { flatBand, flattenLight, type FlatBand } from './flatten';
import { readCells, cellEvidence, glyphModel, monoGlyphModel } from './reader';
import { decodeMrz, uncheckedPositions, type Decoded, type DecodeOptions } from './decode';
import { LAYOUTS } from './layouts';
import type { Mlp } from './model';
import type { MrzReading, RgbaImage } from './types';

export type { MrzReading, RgbaImage, MrzFields, MrzFieldName, MrzKind } from './types';
export { checkDigit, isCheckDigitValid, MRZ_ALPHABET } from './checkdigit';
export { LAYOUTS, detectLayout } from './layouts';
export { decodeMrz } from './decode';
export { voteMrz, type VoteResult, type VoteOptions } from './vote';

export interface ReadOptions extends DecodeOptions {
  /** when the upright reading is not valid, try the other orientations and a copy with the
   * light evened out (default true; a live camera skips these costlier retries while it has
   * the MRZ in view) */
  tryRotations?: boolean;
  /** read failing cells again with the second, multi-font model (default true) */
  secondOpinion?: boolean;
  /** clock for timing (performance.now in browsers) */
  now?: () => number;
}

interface Attempt { dec: Decoded; grid: MrzGrid; flat: FlatBand; score: number; conf: number }

/** Mean top-1 probability of the raw cells: how sure the glyph model is of what it saw. */
function meanConfidence(probs: Float32Array[][]): number {
  let conf = 0, n = 0;
  for (const line of probs) for (const p of line) { let m = 0; for (let c = 0; c < p.length; c++) if (p[c] > m) m = p[c]; conf += m; n++; }
  return n ? conf / n : 0;
}

/**
 * A reading that passes every check is confirmed before it is accepted: the cells no check
 * digit covers (names, codes, sex) are read again from shifted crops and by the other model,
 * and decoded with that evidence. Only readings about to be accepted pay for this.
 */
function confirmed(g: Gray, grid: MrzGrid, probs: Float32Array[][], dec: Decoded, opts: ReadOptions, model: Mlp, other: Mlp, otherWasRejected = false): Decoded {
  if (!dec.valid) return dec;
  const ev = { ...cellEvidence(g, grid, uncheckedPositions(dec.kind), model, other), secondRivals: otherWasRejected };
  return decodeMrz(probs, opts, dec.kind, ev) ?? dec;
}

function attempt(g: Gray, opts: ReadOptions): Attempt | null {
  const grids = locateMrzCandidates(g);
  let best: Attempt | null = null;
  let flat: FlatBand | null = null;
  const consider = (grid: MrzGrid, fb: FlatBand, probs: Float32Array[][], dec: Decoded) => {
    const conf = meanConfidence(probs);
    const a = { dec, grid, flat: fb, conf, score: (dec.valid ? 1000 : 0) + 100 * conf - 5 * dec.failing.length };
    if (!best || a.score > best.score) best = a;
  };
  for (const grid of grids) {
    // cells are read from the band with its shadows lifted (a hand's, uneven light)
    flat = flatBand(g, grid, flat);
    const probs = readCells(flat.gray, flat.grid, glyphModel());
    const raw = decodeMrz(probs, opts);
    if (!raw) continue;
    const dec = confirmed(flat.gray, flat.grid, probs, raw, opts, glyphModel(), monoGlyphModel());
    consider(grid, flat, probs, dec);
    if (dec.valid) return best;
  }
  if (opts.secondOpinion === false || !best) return best;
  // no valid reading: the MRZ may not be in true OCR-B; ask the model that has seen other
  // monospace faces, on the grid the primary model found most convincing. Its reading is
  // taken when it passes every check, or (both failing) has fewer failing and uncertain fields.
  const first: Attempt = best;
  const fb = first.flat;
  const probs2 = readCells(fb.gray, fb.grid, monoGlyphModel());
  const raw2 = decodeMrz(probs2, opts);
  const dec2 = raw2 && confirmed(fb.gray, fb.grid, probs2, raw2, opts, monoGlyphModel(), glyphModel(), true);
  const doubt = (d: Decoded) => 2 * d.failing.length + d.uncertain.length;
  if (dec2 && (dec2.valid || doubt(dec2) < doubt(first.dec))) {
    const conf = meanConfidence(probs2);
    return { dec: dec2, grid: first.grid, flat: fb, conf, score: (dec2.valid ? 1000 : 0) + 100 * conf - 5 * dec2.failing.length };
  }
  return best;
}

export function readMrz(image: RgbaImage, options: ReadOptions = {}): MrzReading {
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const t0 = now();
  const gray = toGray(image);
  // upright first; another orientation replaces it only when it reads valid, or when the
  // upright reading is unsure (a wrong band, or an upside-down or vertical MRZ)
  let best: Attempt | null = attempt(gray, options);
  if (!(best && best.dec.valid) && options.tryRotations !== false) {
    for (const k of [2, 1, 3]) {
      const a = attempt(rotate90(gray, k), options);
      if (!a) continue;
      if (a.dec.valid) { best = a; break; }
      if (!best || (best.conf < 0.8 && a.conf > best.conf)) best = a;
    }
  }
  if (!best) {
    // no band at all: in a dim, washed-out photo the ink may sit too close to the paper for
    // the local threshold; look once more (upright) with the contrast stretched
    const stretched = stretchContrast(gray);
    if (stretched) best = attempt(stretched, options);
  }
  if (options.tryRotations !== false && (!best || gridIsOff(best.dec))) {
    // a shadow with sharp edges across the band (a hand, a phone) fools the band finder's
    // local threshold: the band is not found, or glyphs at the ends of the lines are lost and
    // the grid is off. Look once more (upright) with the light evened out over the whole
    // image (strokes up to ~10 px at the band finder's scale vanish in the paper level,
    // shadows stay). Not for a reading on a plausible grid that is merely unsure: reading it
    // again from another copy of the image would be a second throw of the dice.
    const f = Math.max(1, Math.max(gray.width, gray.height) / 1100);
    const r = Math.round(5 * f);
    const a = attempt(flattenLight(gray, r, r), options);
    if (a && (a.dec.valid || !best || !gridIsOff(a.dec))) best = a;
  }
  const ms = now() - t0;
  if (!best) {
    return { valid: false, kind: null, lines: [], fields: null, uncertain: [], confidences: [], retake: retakeHint(gray, null), ms };
  }
  const d = best.dec;
  const reading: MrzReading = { valid: d.valid, kind: d.kind, lines: d.lines, fields: d.fields, uncertain: d.uncertain, confidences: d.confidences, doubtful: d.doubtful, ms };
  if (!d.valid) {
    const hint = retakeHint(gray, best.grid);
    // a sharp, confident reading that fails is the document's doing, not the photo's
    if (hint !== 'blurred' || best.conf < 0.9) reading.retake = hint;
  }
  return reading;
}

/** Over half of the reading's checks fail: the grid is not on the MRZ's characters (as in vote.ts). */
function gridIsOff(d: Decoded): boolean {
  return d.failing.length > LAYOUTS[d.kind].checks.length / 2;
}

function retakeHint(g: Gray, grid: MrzGrid | null): MrzReading['retake'] {
  let sum = 0;
  for (let i = 0; i < g.data.length; i += 7) sum += g.data[i];
  const mean = sum / Math.ceil(g.data.length / 7);
  if (mean < 45) return 'too_dark';
  if (!grid) return 'not_found';
  if (grid.charH < 8) return 'too_small';
  return 'blurred';
}
