// Reading the cells of a located MRZ grid with the glyph model.
import { extractCell, CELL_W, CELL_H } from './cells';
import { forward, unpackModel, type Mlp } from './model';
import type { Gray } from './image';
import type { MrzGrid } from './locate';
import type { CellEvidence } from './decode';
import { MRZ_MODEL_B64 } from './model/weights';
import { MRZ_MODEL_B64 as MRZ_MONO_MODEL_B64 } from './model/weights-mono';

let cached: Mlp | null = null;
let cachedMono: Mlp | null = null;
/** The primary glyph model, trained on OCR-B only. */
export function glyphModel(): Mlp {
  if (!cached) cached = unpackModel(MRZ_MODEL_B64);
  return cached;
}
/** The second opinion, trained on OCR-B and other monospace faces (some MRZs are not OCR-B). */
export function monoGlyphModel(): Mlp {
  if (!cachedMono) cachedMono = unpackModel(MRZ_MONO_MODEL_B64);
  return cachedMono;
}

/** Class probabilities of every cell: [line][index] -> Float32Array(37). */
export function readCells(g: Gray, grid: MrzGrid, model: Mlp = glyphModel(), shifts = [0, -0.12, 0.12]): Float32Array[][] {
  const patch = new Float32Array(CELL_W * CELL_H);
  return grid.lines.map((ln) => {
    const row: Float32Array[] = [];
    for (const c of ln.cells) {
      const cos = Math.cos(c.angle), sin = Math.sin(c.angle);
      let best: Float32Array | null = null;
      let bestMax = -1;
      for (const s of shifts) {
        const t = s * c.pitch;
        extractCell(g, { ...c, cx: c.cx + t * cos, cy: c.cy + t * sin }, patch);
        const p = forward(model, patch);
        let mx = 0;
        for (let c = 0; c < p.length; c++) if (p[c] > mx) mx = p[c];
        if (mx > bestMax) { bestMax = mx; best = p; }
        if (mx > 0.995) break;
      }
      row.push(best!);
    }
    return row;
  });
}

/**
 * Further reads of the given cells: the primary model on crops shifted by +-0.12 pitch
 * (all of them; the centred read is the cell's own), the other model as readCells reads
 * (first confident shift), and the centred crop's contrast. A glyph read the same way
 * from slightly different crops and by both models is a glyph the reader can vouch for.
 */
export function cellEvidence(g: Gray, grid: MrzGrid, positions: Array<[number, number]>, primary: Mlp, other: Mlp, shifts = [0, -0.12, 0.12]): CellEvidence {
  const shifted: CellEvidence['shifted'] = grid.lines.map((ln) => new Array(ln.cells.length));
  const second: NonNullable<CellEvidence['second']> = grid.lines.map((ln) => new Array(ln.cells.length));
  const contrast: NonNullable<CellEvidence['contrast']> = grid.lines.map((ln) => new Array(ln.cells.length));
  const patch = new Float32Array(CELL_W * CELL_H);
  const info = { contrast: 0 };
  for (const [l, i] of positions) {
    const c = grid.lines[l]?.cells[i];
    if (!c) continue;
    const cos = Math.cos(c.angle), sin = Math.sin(c.angle);
    const out: Float32Array[] = [];
    let best: Float32Array | null = null;
    let bestMax = -1;
    for (const s of shifts) {
      const t = s * c.pitch;
      extractCell(g, { ...c, cx: c.cx + t * cos, cy: c.cy + t * sin }, patch, info);
      if (s === 0) contrast[l][i] = info.contrast;
      else out.push(forward(primary, patch));
      if (bestMax > 0.995) continue;
      const q = forward(other, patch);
      let mx = 0;
      for (let k = 0; k < q.length; k++) if (q[k] > mx) mx = q[k];
      if (mx > bestMax) { bestMax = mx; best = q; }
    }
    shifted[l][i] = out;
    second[l][i] = best!;
  }
  return { shifted, second, contrast };
}
