// Per-character doubt signals (decode.ts charDoubt) of the cells no check digit covers, on
// readings that pass every check, labelled right or wrong against the truth: for choosing
// the thresholds of decode.ts on tune-seed pages (never the test seed).
//   tsx scripts/mrz/train/doubt-stats.ts photo 200 > /tmp/doubt.jsonl
//   tsx scripts/mrz/train/doubt-stats.ts specimens > /tmp/doubt-spec.jsonl
import { readFileSync } from 'node:fs';
import { decodeImageFile } from '../decode-image';
import { toGray } from '../../../src/domain/mrz/image';
import { locateMrzCandidates } from '../../../src/domain/mrz/locate';
import { readCells, cellEvidence, glyphModel, monoGlyphModel } from '../../../src/domain/mrz/reader';
import { charDoubt, decodeMrz, priorsFor, uncheckedPositions } from '../../../src/domain/mrz/decode';
import { LAYOUTS } from '../../../src/domain/mrz/layouts';
import { MRZ_ALPHABET } from '../../../src/domain/mrz/checkdigit';
import type { RgbaImage } from '../../../src/domain/mrz/types';

const NEVER = { minCharConfidence: 0, maxRunnerUpRatio: Infinity, minShiftAgreement: 0, minSecondAgreement: 0, minRelativeContrast: 0 };
const ALL = MRZ_ALPHABET.split('');

function probe(name: string, img: RgbaImage, truth: string[]): void {
  const g = toGray(img);
  for (const grid of locateMrzCandidates(g)) {
    const probs = readCells(g, grid, glyphModel());
    const dec = decodeMrz(probs, NEVER);
    if (!dec || !dec.valid) continue;
    if (dec.lines.length !== truth.length || dec.lines[0].length !== truth[0].length) return;
    const pos = uncheckedPositions(dec.kind);
    const ev = cellEvidence(g, grid, pos, glyphModel(), monoGlyphModel());
    const pri = priorsFor(LAYOUTS[dec.kind]);
    for (const [l, i] of pos) {
      const ch = dec.lines[l][i];
      const c = MRZ_ALPHABET.indexOf(ch);
      const reads = [...(ev.shifted[l][i] ?? []), ...(ev.second?.[l][i] ? [ev.second[l][i]!] : [])];
      const prior = pri[l][i];
      const d = charDoubt(probs[l][i], prior, c, ev.shifted[l][i], ev.second?.[l][i]);
      const shifts = d.shiftAgreement;
      const mono = d.secondAgreement;
      let second = '';
      let sp = -1;
      for (let k = 0; k < 37; k++) if (k !== c && probs[l][i][k] * prior[k] > sp) { sp = probs[l][i][k] * prior[k]; second = ALL[k]; }
      console.log(JSON.stringify({ name, l, i, ch, truth: truth[l][i], ok: ch === truth[l][i], conf: +d.conf.toFixed(5), runnerUp: +d.runnerUp.toExponential(2), shifts: +shifts.toFixed(4), mono: +mono.toFixed(4), second, contrast: Math.round(ev.contrast?.[l][i] ?? -1), code: pos.length > 0 && /^(issuingState|nationality)$/.test(LAYOUTS[dec.kind].fields.find((f) => f.line === l && i >= f.start && i < f.end)?.name ?? ''), reads: reads.map((r) => +charDoubt(r, prior, c).conf.toFixed(4)) }));
    }
    return;
  }
}

const [mode, a1] = process.argv.slice(2);
if (mode === 'specimens') {
  const dir = '/work/shared/mrz-specimens/';
  for (const t of JSON.parse(readFileSync(dir + 'truth.json', 'utf8'))) probe(t.file, decodeImageFile(dir + t.file), t.lines);
} else {
  const { generatePage, SEEDS } = await import('../synth/index');
  for (let i = 0; i < Number(a1 ?? 100); i++) {
    const page = await generatePage({ seed: SEEDS.tune, index: i, level: mode as 'photo' });
    probe(`${mode}#${i}`, page.image, page.lines);
  }
}
