// Quick evaluation of the MRZ reader (not the benchmark, which lives in bench/).
//   tsx scripts/mrz/train/eval.ts specimens            -> the 37 real specimens
//   tsx scripts/mrz/train/eval.ts synth <level> <n> [seed=tune]   (level photo: harsher phone photos)
//   add --legacy for the old acceptance rule of names, codes and sex, --from N to start at page N
import { readFileSync } from 'node:fs';
import { decodeImageFile } from '../decode-image';
import { readMrz } from '../../../src/domain/mrz/index';
import type { MrzFields } from '../../../src/domain/mrz/types';

const FIELDS = ['documentCode', 'issuingState', 'lastName', 'firstName', 'documentNumber', 'nationality', 'birthDate', 'sex', 'expirationDate', 'personalNumber'] as const;
function wrongFields(got: MrzFields | null, want: Record<string, string>): string[] {
  if (!got) return ['*'];
  return FIELDS.filter((k) => (got[k] ?? '') !== (want[k] ?? ''));
}

const [mode, a1, a2, a3] = process.argv.slice(2);
const verbose = process.argv.includes('-v');
const mc = process.argv.indexOf('--minconf');
// --legacy: only the 0.9 confidence rule for names, codes and sex (the reader before the
// per-character confirmation), for before/after comparisons
const legacy = process.argv.includes('--legacy') ? { maxRunnerUpRatio: Infinity, minShiftAgreement: 0, minSecondAgreement: 0, minRelativeContrast: 0 } : {};
const opts = { ...legacy, ...(mc > 0 ? { minCharConfidence: Number(process.argv[mc + 1]) } : {}) };
let right = 0, accWrong = 0, valid = 0, n = 0;
const times: number[] = [];
function record(name: string, r: ReturnType<typeof readMrz>, truthLines: string[], truthFields: Record<string, string>) {
  n++;
  const wrong = wrongFields(r.fields, truthFields);
  times.push(r.ms);
  if (wrong.length === 0) right++;
  if (r.valid) valid++;
  if (r.valid && wrong.length) accWrong++;
  if (verbose || (wrong.length && (mode === 'specimens' || r.valid))) {
    console.log(`${wrong.length ? 'WRONG' : 'ok   '} ${r.valid ? 'valid  ' : 'invalid'} ${name} ${Math.round(r.ms)}ms wrong=[${wrong}] unc=[${r.uncertain}] ${r.retake ?? ''}`);
    if (wrong.length) { console.log('   got  ', r.lines.join(' | ')); console.log('   want ', truthLines.join(' | ')); }
  }
}
if (mode === 'specimens') {
  const dir = '/work/shared/mrz-specimens/';
  const truth = JSON.parse(readFileSync(dir + 'truth.json', 'utf8'));
  for (const t of truth) record(t.file, readMrz(decodeImageFile(dir + t.file), opts), t.lines, t.fields);
} else {
  const { generatePage, SEEDS } = await import('../synth/index');
  type Level = import('../synth/index').Level;
  const level = (a1 ?? 'clean') as Level;
  const count = Number(a2 ?? 50);
  const seed = a3 === 'test' ? SEEDS.test : SEEDS.tune;
  // --from N: start at page N (pages 0-299 of the photo level were used to tune decode.ts)
  const fi = process.argv.indexOf('--from');
  const from = fi > 0 ? Number(process.argv[fi + 1]) : 0;
  for (let i = from; i < from + count; i++) {
    const page = await generatePage({ seed, index: i, level });
    record(`${level}#${i} ${page.kind}`, readMrz(page.image, opts), page.lines, page.fields as unknown as Record<string, string>);
  }
}
times.sort((x, y) => x - y);
console.log(`${mode} ${a1 ?? ''}: ${right}/${n} fully right, ${valid} valid, ${accWrong} accepted-but-wrong, median ${Math.round(times[times.length >> 1])} ms`);
