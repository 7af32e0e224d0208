// Harvests labelled cells from synthetic pages of the TRAIN seed, cut by the reader's own
// band finder and grid (so the model learns the real pipeline's crops: blur, JPEG,
// perspective, grid errors). A page is used only when the grid is aligned with the truth.
//   tsx scripts/mrz/train/harvest.ts <out.bin> [--pages 1500] [--start 0]
// Output: records of 1 label byte + CELL_W*CELL_H bytes (ink 0..255).
import { writeFileSync } from 'node:fs';
import { generatePage, SEEDS, type Level } from '../synth/index';
import { toGray } from '../../../src/domain/mrz/image';
import { locateMrzCandidates } from '../../../src/domain/mrz/locate';
import { readCells, glyphModel } from '../../../src/domain/mrz/reader';
import { extractCell, CELL_W, CELL_H } from '../../../src/domain/mrz/cells';
import { MRZ_ALPHABET } from '../../../src/domain/mrz/checkdigit';
import { mulberry32 } from './render';

const args = process.argv.slice(2);
const arg = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const out = args[0];
const pages = Number(arg('--pages', '1500'));
const start = Number(arg('--start', '0'));
const PATCH = CELL_W * CELL_H;
const r = mulberry32(99);
const chunks: Buffer[] = [];
let used = 0, skipped = 0, samples = 0;
const t0 = Date.now();
for (let i = start; i < start + pages; i++) {
  const u = r();
  const level: Level = u < 0.1 ? 'clean' : u < 0.45 ? 'mild' : 'hard';
  const crop = r() < 0.15;
  const page = await generatePage({ seed: SEEDS.train, index: i, level, ...(crop ? { scene: 'crop' as const, outWidth: Math.round(280 + r() * 420) } : {}) });
  const g = toGray(page.image);
  const grid = locateMrzCandidates(g).find((c) => c.nChars === page.lines[0].length && c.lines.length === page.lines.length);
  if (!grid) { skipped++; continue; }
  const probs = readCells(g, grid, glyphModel());
  let match = 0, total = 0;
  probs.forEach((line, l) => line.forEach((p, k) => {
    let b = 0;
    for (let c = 1; c < 37; c++) if (p[c] > p[b]) b = c;
    total++;
    if (MRZ_ALPHABET[b] === page.lines[l][k]) match++;
  }));
  if (match < 0.85 * total) { skipped++; continue; }
  used++;
  grid.lines.forEach((ln, l) => ln.cells.forEach((c, k) => {
    const label = MRZ_ALPHABET.indexOf(page.lines[l][k]);
    for (let v = 0; v < 2; v++) {
      const jx = v === 0 ? 0 : (r() - 0.5) * 0.24 * c.pitch;
      const jy = v === 0 ? 0 : (r() - 0.5) * 0.16 * c.charH;
      const patch = extractCell(g, { ...c, cx: c.cx + jx * Math.cos(c.angle) - jy * Math.sin(c.angle), cy: c.cy + jx * Math.sin(c.angle) + jy * Math.cos(c.angle), charH: c.charH * (1 + (r() - 0.5) * 0.1 * v) });
      const rec = Buffer.alloc(1 + PATCH);
      rec[0] = label;
      for (let q = 0; q < PATCH; q++) rec[1 + q] = Math.round(patch[q] * 255);
      chunks.push(rec);
      samples++;
    }
  }));
  if ((i - start + 1) % 100 === 0) console.log(`${i - start + 1} pages, used ${used}, skipped ${skipped}, ${samples} samples, ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}
writeFileSync(out, Buffer.concat(chunks));
console.log(`wrote ${samples} samples from ${used} pages (${skipped} skipped) to ${out}`);
