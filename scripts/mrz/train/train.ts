// Trains the MRZ glyph model (an MLP over normalised cell patches) on rendered OCR-B text.
//   npm run mrz:train -- [--samples 600000] [--hidden 256,128] [--seed 1]
// Writes src/domain/mrz/model/weights.ts. Single-threaded; run under `nice`.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderBlock, mulberry32, PATCH, setOtherFontShare, type Sample } from './render';
import { forward, packModel, unpackModel, type Mlp } from '../../../src/domain/mrz/model';

const args = process.argv.slice(2);
const arg = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const TOTAL = Number(arg('--samples', '600000'));
const HIDDEN = arg('--hidden', '256,128').split(',').map(Number);
const SEED = Number(arg('--seed', '1'));          // train seed
const TUNE_SEED = 777;                             // tune seed (evaluation only)
const OUT = arg('--out', 'src/domain/mrz/model/weights.ts');
const NCLASS = 37;
const OTHER_FONTS = Number(arg('--other-fonts', '0.2'));

const INIT = arg('--init', '');           // start from a packed model (weights.ts)
const CELLS = arg('--cells', '');         // harvested cells (harvest.ts), comma-separated files
const CELL_SHARE = Number(arg('--cell-share', '0.5'));
const LR = Number(arg('--lr', '1e-3'));
const rng = mulberry32(SEED);

function loadInit(path: string): Mlp {
  const src = readFileSync(path, 'utf8');
  const m = /'([A-Za-z0-9+/=]+)'/.exec(src);
  if (!m) throw new Error('no model in ' + path);
  return unpackModel(m[1]);
}

const harvested: Sample[] = [];
if (CELLS) {
  for (const file of CELLS.split(',')) {
    const buf = readFileSync(file);
    const rec = 1 + PATCH;
    for (let o = 0; o + rec <= buf.length; o += rec) {
      const x = new Float32Array(PATCH);
      for (let q = 0; q < PATCH; q++) x[q] = buf[o + 1 + q] / 255;
      harvested.push({ x, y: buf[o] });
    }
  }
  console.log(`${harvested.length} harvested cells`);
}
function init(): Mlp {
  const sizes = [PATCH, ...HIDDEN, NCLASS];
  return {
    layers: sizes.slice(1).map((nOut, k) => {
      const nIn = sizes[k];
      const w = new Float32Array(nIn * nOut);
      const sd = Math.sqrt(2 / nIn);
      for (let i = 0; i < w.length; i++) w[i] = (rng() * 2 - 1) * sd * Math.sqrt(3);
      return { nIn, nOut, w, b: new Float32Array(nOut) };
    }),
  };
}

const model = INIT ? loadInit(INIT) : init();
const L = model.layers.length;
const gW = model.layers.map((l) => new Float32Array(l.w.length));
const gB = model.layers.map((l) => new Float32Array(l.b.length));
const mW = model.layers.map((l) => new Float32Array(l.w.length));
const vW = model.layers.map((l) => new Float32Array(l.w.length));
const mB = model.layers.map((l) => new Float32Array(l.b.length));
const vB = model.layers.map((l) => new Float32Array(l.b.length));
const acts: Float32Array[] = [new Float32Array(PATCH), ...model.layers.map((l) => new Float32Array(l.nOut))];
const deltas = model.layers.map((l) => new Float32Array(l.nOut));
let step = 0;

function trainSample(s: Sample): number {
  acts[0] = s.x;
  for (let l = 0; l < L; l++) {
    const { w, b, nIn, nOut } = model.layers[l];
    const a = acts[l], z = acts[l + 1];
    for (let o = 0; o < nOut; o++) {
      let v = b[o];
      const row = o * nIn;
      for (let i = 0; i < nIn; i++) v += w[row + i] * a[i];
      z[o] = l < L - 1 ? (v > 0 ? v : 0) : v;
    }
  }
  const out = acts[L];
  let max = -Infinity;
  for (let i = 0; i < NCLASS; i++) max = Math.max(max, out[i]);
  let sum = 0;
  for (let i = 0; i < NCLASS; i++) { out[i] = Math.exp(out[i] - max); sum += out[i]; }
  for (let i = 0; i < NCLASS; i++) out[i] /= sum;
  const loss = -Math.log(out[s.y] + 1e-9);
  const dOut = deltas[L - 1];
  for (let i = 0; i < NCLASS; i++) dOut[i] = out[i] - (i === s.y ? 1 : 0);
  for (let l = L - 1; l >= 0; l--) {
    const { w, nIn, nOut } = model.layers[l];
    const d = deltas[l], a = acts[l], gw = gW[l], gb = gB[l];
    const prev = l > 0 ? deltas[l - 1] : null;
    if (prev) prev.fill(0);
    for (let o = 0; o < nOut; o++) {
      const dv = d[o];
      if (dv === 0) continue;
      gb[o] += dv;
      const row = o * nIn;
      for (let i = 0; i < nIn; i++) gw[row + i] += dv * a[i];
      if (prev) for (let i = 0; i < nIn; i++) prev[i] += dv * w[row + i];
    }
    if (prev) { const ap = acts[l]; for (let i = 0; i < nIn; i++) if (ap[i] <= 0) prev[i] = 0; }
  }
  return loss;
}

function adam(lr: number, batch: number): void {
  step++;
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  const c1 = 1 - Math.pow(b1, step), c2 = 1 - Math.pow(b2, step);
  for (let l = 0; l < L; l++) {
    const upd = (p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array) => {
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] / batch;
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        p[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
        g[i] = 0;
      }
    };
    upd(model.layers[l].w, gW[l], mW[l], vW[l]);
    upd(model.layers[l].b, gB[l], mB[l], vB[l]);
  }
}

function makeSet(r: () => number, n: number, hard: number): Sample[] {
  const out: Sample[] = [];
  while (out.length < n) out.push(...renderBlock(r, hard));
  return out;
}

function evaluate(m: Mlp, set: Sample[]): number {
  let ok = 0;
  for (const s of set) {
    const p = forward(m, s.x);
    let best = 0;
    for (let i = 1; i < NCLASS; i++) if (p[i] > p[best]) best = i;
    if (best === s.y) ok++;
  }
  return ok / set.length;
}

const tuneSet = makeSet(mulberry32(TUNE_SEED), 8000, 1); // OCR-B only
setOtherFontShare(OTHER_FONTS);
const CHUNK = 24000;
const BATCH = 32;
const t0 = Date.now();
let seen = 0;
while (seen < TOTAL) {
  const hard = 0.5 + 0.7 * Math.min(1, seen / (TOTAL * 0.4));
  const nCells = harvested.length ? Math.round(CHUNK * CELL_SHARE) : 0;
  const chunk = makeSet(rng, CHUNK - nCells, INIT ? 1.2 : hard);
  for (let k = 0; k < nCells; k++) chunk.push(harvested[Math.floor(rng() * harvested.length)]);
  for (let i = chunk.length - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); [chunk[i], chunk[j]] = [chunk[j], chunk[i]]; }
  const lr = LR * (seen < TOTAL * 0.7 ? 1 : 0.3);
  let loss = 0;
  for (let i = 0; i < chunk.length; i++) {
    loss += trainSample(chunk[i]);
    if ((i + 1) % BATCH === 0) adam(lr, BATCH);
  }
  seen += chunk.length;
  const acc = evaluate(model, tuneSet);
  console.log(`${seen} samples  loss ${(loss / chunk.length).toFixed(4)}  tune acc ${(acc * 100).toFixed(2)}%  ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}

const packed = packModel(model);
const q = unpackModel(packed);
console.log(`quantised tune acc ${(evaluate(q, tuneSet) * 100).toFixed(2)}%  size ${packed.length} chars`);
writeFileSync(OUT, `// Generated by scripts/mrz/train/train.ts (npm run mrz:train). Do not edit.\n// MLP ${[PATCH, ...HIDDEN, NCLASS].join('-')}, int8 weights, trained on rendered OCR-B cells.\nexport const MRZ_MODEL_B64 =\n  '${packed}';\n`);
console.log('wrote', OUT);
