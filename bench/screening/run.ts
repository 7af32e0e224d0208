// Screening benchmark: builds a WatchlistIndex over a seeded synthetic watchlist, screens
// re-written listed people (recall) and look-alike people not on the list (false alerts),
// times every screening, and compares with a brute-force Jaro-Winkler scan on a sample.
//   npm run bench:screening                      (1,000,000 names)
//   npm run bench:screening -- --names 50000     (quick)
// Writes bench/results/screening.json and bench/results/screening.md.
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { mulberry32 } from '../../src/domain/random';
import { WatchlistIndex, DEFAULT_THRESHOLD, DEFAULT_WEAK_THRESHOLD } from '../../src/domain/matching/index';
import { normaliseName } from '../../src/domain/matching/normalise';
import { jaroWinkler } from '../../src/domain/matching/similarity';
import type { Hit, ScreeningQuery } from '../../src/domain/matching/types';
import { generateWatchlist, makeLookalike, makeVariant, type VariantKind } from './generator';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}
const NAMES = arg('names', 1_000_000);
const QUERIES = arg('queries', 2000);
const LOOKALIKES = arg('lookalikes', 2000);
const BASELINE = arg('baseline', 50);
const SEED = arg('seed', 20261130);
const THRESHOLD = arg('threshold', DEFAULT_THRESHOLD);
const BASELINE_THRESHOLD = arg('baseline-threshold', 0.88);
const WEAK = arg('weak-threshold', DEFAULT_WEAK_THRESHOLD);

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
function memory() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, arrayBuffers: m.arrayBuffers };
}
function pct(xs: number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;

const mem0 = memory();
console.log(`building ${NAMES} names (seed ${SEED}) ...`);
const t0 = performance.now();
const index = new WatchlistIndex();
let dobKinds = new Uint8Array(1 << 20);
let nEntries = 0;
const gen = generateWatchlist(
  SEED,
  NAMES,
  (e) => {
    if (nEntries === dobKinds.length) {
      const b = new Uint8Array(dobKinds.length * 2);
      b.set(dobKinds);
      dobKinds = b;
    }
    const d = e.datesOfBirth?.[0];
    dobKinds[nEntries++] = !d ? 0 : d.length === 4 ? 1 : 2;
    index.add(e);
  },
  QUERIES,
);
const tAdded = performance.now();
index.build();
const buildMs = performance.now() - t0;
const mem1 = memory();
const indexBytes = mem1.heap + mem1.arrayBuffers - (mem0.heap + mem0.arrayBuffers);
console.log(`built in ${(buildMs / 1000).toFixed(1)} s (adding ${((tAdded - t0) / 1000).toFixed(1)} s): ${gen.entries} entries, ${gen.names} names, vocabulary ${index.vocabularySize}; heap+buffers ${mb(indexBytes)} MB, rss ${mb(mem1.rss)} MB`);

const entryNum = (id: string) => Number(id.slice(1));

// Variant queries of listed people.
const rng = mulberry32(SEED ^ 0xabcdef);
const variants = gen.sampled.slice(0, QUERIES).map(({ person, entry }) => ({ ...makeVariant(rng, person), id: entry.id }));
const lookalikes = Array.from({ length: LOOKALIKES }, () => makeLookalike(rng, gen.sampled.map((s) => s.person)));

// Warm-up (JIT), then forget the remembered query tokens so the timed pass starts cold.
for (const v of variants.slice(0, 200)) index.match(v.query, { weakThreshold: WEAK, threshold: THRESHOLD });
index.clearCaches();

const times: number[] = [];
const variantTimes: number[] = [];
let found = 0;
let foundStrong = 0;
const byKind = new Map<VariantKind | 'none', { n: number; found: number }>();
const misses: { query: ScreeningQuery; id: string; kinds: string[]; listed: string }[] = [];
for (const v of variants) {
  const s = performance.now();
  const hits = index.match(v.query, { weakThreshold: WEAK, threshold: THRESHOLD, limit: 20 });
  const dt = performance.now() - s;
  times.push(dt);
  variantTimes.push(dt);
  const hit = hits.find((h) => h.entity === v.id);
  if (hit) found++;
  if (hit?.strength === 'strong') foundStrong++;
  for (const k of v.kinds.length ? v.kinds : (['none'] as const)) {
    const c = byKind.get(k) ?? { n: 0, found: 0 };
    c.n++;
    if (hit) c.found++;
    byKind.set(k, c);
  }
  if (!hit && misses.length < 40) {
    const listed = gen.sampled.find((x) => x.entry.id === v.id)!.entry;
    misses.push({ query: v.query, id: v.id, kinds: v.kinds, listed: `${listed.names.join(' / ')} ${listed.datesOfBirth?.join(',') ?? ''}` });
  }
}

let alertFullDob = 0;
let anyAlert = 0;
let weak = 0;
let strongYearOnly = 0;
let weakNamesake = 0;
const weakExamples: { query: ScreeningQuery; hit: Hit }[] = [];
const tokenSet = (s: string) => s.split(' ').filter(Boolean).sort().join(' ');
const falseExamples: { query: ScreeningQuery; hit: Hit }[] = [];
for (const q of lookalikes) {
  const s = performance.now();
  const hits = index.match(q, { weakThreshold: WEAK, threshold: THRESHOLD });
  times.push(performance.now() - s);
  if (hits.length) anyAlert++;
  const full = hits.filter((h) => dobKinds[entryNum(h.entity)] === 2);
  if (full.length) {
    alertFullDob++;
    if (falseExamples.length < 10) falseExamples.push({ query: q, hit: full[0] });
  }
  const w = hits.find((h) => h.strength === 'weak');
  if (w) {
    weak++;
    const qName = normaliseName(q.names[0]).filter((t) => !t.particle).map((t) => t.text).join(' ');
    const hName = normaliseName(w.matchedName).filter((t) => !t.particle).map((t) => t.text).join(' ');
    if (tokenSet(qName) === tokenSet(hName)) weakNamesake++;
    else if (weakExamples.length < 15) weakExamples.push({ query: q, hit: w });
  }
  if (hits.some((h) => h.strength === 'strong' && dobKinds[entryNum(h.entity)] === 1)) strongYearOnly++;
}

// The machine is shared: a screening preempted by another process shows up as a slow one.
// Screen everything twice more and keep each query's fastest time as a second figure.
const bestTimes = times.slice();
const all = [...variants.map((v) => v.query), ...lookalikes];
for (let r = 0; r < 2; r++) {
  index.clearCaches(); // each pass starts as cold as the first
  all.forEach((q, i) => {
    const s = performance.now();
    index.match(q, { weakThreshold: WEAK, threshold: THRESHOLD, limit: i < variants.length ? 20 : 10 });
    bestTimes[i] = Math.min(bestTimes[i], performance.now() - s);
  });
}
const loadAvg = loadavg().map((x) => Math.round(x * 100) / 100);
const recall = found / variants.length;
const p50 = pct(times, 50);
const p99 = pct(times, 99);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`screening: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (best of 3: ${pct(bestTimes, 99).toFixed(2)} ms); recall ${r3(recall)}; false alerts (full DOB) ${r3(alertFullDob / lookalikes.length)}; weak ${r3(weak / lookalikes.length)}`);

// Brute-force baseline: Jaro-Winkler of the sorted-token name against every listed name.
console.log(`baseline over ${BASELINE} queries ...`);
const baseNames: string[] = [];
const baseEntry: number[] = [];
const keyOf = (n: Parameters<typeof normaliseName>[0]) =>
  normaliseName(n)
    .filter((t) => !t.particle)
    .map((t) => t.text)
    .sort()
    .join(' ');
generateWatchlist(SEED, NAMES, (e) => {
  const num = entryNum(e.id);
  for (const n of e.names) {
    baseNames.push(keyOf(n));
    baseEntry.push(num);
  }
});
const sample = variants.slice(0, BASELINE);
let baseFound = 0;
let ourFound = 0;
const baseTimes: number[] = [];
// Sinergi's times for the same queries come from the main pass above (steady state); timing
// them right after a one-second scan would measure cold caches and the scan's garbage.
const ourTimes: number[] = variantTimes.slice(0, sample.length);
for (const v of sample) {
  let s = performance.now();
  const q = keyOf(v.query.names[0]);
  const want = entryNum(v.id);
  let hit = false;
  for (let i = 0; i < baseNames.length; i++) {
    if (jaroWinkler(q, baseNames[i]) >= BASELINE_THRESHOLD && baseEntry[i] === want) hit = true;
  }
  baseTimes.push(performance.now() - s);
  if (hit) baseFound++;
  const hits = index.match(v.query, { weakThreshold: WEAK, threshold: THRESHOLD, limit: 20 });
  if (hits.some((h) => h.entity === v.id)) ourFound++;
}
const baseMean = baseTimes.reduce((a, b) => a + b, 0) / baseTimes.length;
const ourSampleMean = ourTimes.reduce((a, b) => a + b, 0) / ourTimes.length;
// A brute-force scan costs the same for any query, so its sample mean stands for all queries;
// Sinergi's cost varies by query, so its mean over every variant query is the fair comparison
// (a 30-query sample mean is dominated by one collector pause or preemption).
const ourMean = variantTimes.reduce((a, b) => a + b, 0) / variantTimes.length;
const speedup = baseMean / ourMean;

const targets = [
  { target: 'screening one person, p99 (one pass)', wanted: '< 5 ms', measured: `${p99.toFixed(2)} ms`, met: p99 < 5 },
  { target: 'screening one person, p99 (fastest of 3 passes)', wanted: '< 5 ms', measured: `${pct(bestTimes, 99).toFixed(2)} ms`, met: pct(bestTimes, 99) < 5 },
  { target: 'index build', wanted: '< 60 s', measured: `${(buildMs / 1000).toFixed(1)} s`, met: buildMs < 60_000 },
  { target: 'memory (process RSS after build)', wanted: '< 1 GB', measured: `${mb(mem1.rss)} MB`, met: mem1.rss < 1024 ** 3 },
  { target: 'recall over variants', wanted: '>= 0.98', measured: `${r3(recall)}`, met: recall >= 0.98 },
  { target: 'look-alikes alerting on a full-DOB entry', wanted: '<= 0.02', measured: `${r3(alertFullDob / lookalikes.length)}`, met: alertFullDob / lookalikes.length <= 0.02 },
  { target: 'speed vs brute-force Jaro-Winkler (sample)', wanted: '>= 100x', measured: `${Math.round(speedup)}x`, met: speedup >= 100 },
  { target: 'recall vs brute force (same sample)', wanted: 'equal or better', measured: `${r3(ourFound / sample.length)} vs ${r3(baseFound / sample.length)}`, met: ourFound >= baseFound },
];

const result = {
  command: `npm run bench:screening -- --names ${NAMES}`,
  machine: { cpus: cpus().length, node: process.version },
  seed: SEED,
  threshold: THRESHOLD,
  weakThreshold: WEAK,
  watchlist: { names: gen.names, entries: gen.entries, vocabulary: index.vocabularySize },
  build: { ms: Math.round(buildMs), addMs: Math.round(tAdded - t0) },
  memory: { rssMB: mb(mem1.rss), indexHeapAndBuffersMB: mb(indexBytes) },
  latencyMs: { screenings: times.length, mean: r3(mean), p50: r3(p50), p95: r3(pct(times, 95)), p99: r3(p99), max: r3(Math.max(...times)) },
  latencyBestOf3Ms: { mean: r3(bestTimes.reduce((a, b) => a + b, 0) / bestTimes.length), p50: r3(pct(bestTimes, 50)), p95: r3(pct(bestTimes, 95)), p99: r3(pct(bestTimes, 99)), max: r3(Math.max(...bestTimes)) },
  loadAverage1_5_15min: loadAvg,
  recall: { queries: variants.length, recall: r3(recall), strongShare: r3(foundStrong / variants.length), byKind: Object.fromEntries([...byKind].map(([k, c]) => [k, { n: c.n, recall: r3(c.found / c.n) }])) },
  lookalikes: {
    people: lookalikes.length,
    alertOnFullDobEntry: r3(alertFullDob / lookalikes.length),
    anyAlert: r3(anyAlert / lookalikes.length),
    weakHit: r3(weak / lookalikes.length),
    weakHitExactNamesake: r3(weakNamesake / lookalikes.length),
    strongOnYearOnlyEntry: r3(strongYearOnly / lookalikes.length),
  },
  baseline: { sample: sample.length, threshold: BASELINE_THRESHOLD, meanMs: r3(baseMean), sinergiMeanMs: r3(ourMean), sinergiSampleMeanMs: r3(ourSampleMean), speedup: Math.round(speedup), speedupOnSample: Math.round(baseMean / ourSampleMean), recall: r3(baseFound / sample.length), sinergiRecall: r3(ourFound / sample.length) },
  targets,
  misses,
  falseAlertExamples: falseExamples,
  weakHitExamples: weakExamples,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/screening.json', JSON.stringify(result, null, 2) + '\n');
const md = [
  '# Screening benchmark',
  '',
  `Command: \`${result.command}\` (seed ${SEED}, threshold ${THRESHOLD}, weak hits from ${WEAK}; ${cpus().length} CPUs, Node ${process.version}).`,
  `Watchlist: ${gen.names} names in ${gen.entries} entries, vocabulary ${index.vocabularySize} tokens.`,
  '',
  '| target | wanted | measured | met |',
  '| --- | --- | --- | --- |',
  ...targets.map((t) => `| ${t.target} | ${t.wanted} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`),
  '',
  `Latency over ${times.length} screenings (one pass, wall clock): mean ${r3(mean)} ms, p50 ${r3(p50)} ms, p95 ${r3(pct(times, 95))} ms, p99 ${r3(p99)} ms, max ${r3(Math.max(...times))} ms.`,
  `Each screening's fastest of three passes (filters out preemption by other processes): p50 ${r3(pct(bestTimes, 50))} ms, p95 ${r3(pct(bestTimes, 95))} ms, p99 ${r3(pct(bestTimes, 99))} ms, max ${r3(Math.max(...bestTimes))} ms. Load average during the run (1, 5, 15 min): ${loadAvg.join(', ')} on ${cpus().length} CPUs.`,
  `Build: ${(buildMs / 1000).toFixed(1)} s (normalising and adding ${((tAdded - t0) / 1000).toFixed(1)} s). Heap + array buffers held by the index: ${mb(indexBytes)} MB; process RSS ${mb(mem1.rss)} MB.`,
  '',
  `Look-alike people (${lookalikes.length}, not on the list): ${r3(anyAlert / lookalikes.length)} raise any hit; ${r3(alertFullDob / lookalikes.length)} against an entry with a full date of birth; ${r3(weak / lookalikes.length)} get a weak (name-only) hit (${r3(weakNamesake / lookalikes.length)} against an entry with exactly their name); ${r3(strongYearOnly / lookalikes.length)} a strong hit against a year-only entry.`,
  '',
  `Baseline (brute-force Jaro-Winkler of sorted name tokens >= ${BASELINE_THRESHOLD} against all ${baseNames.length} names, ${sample.length} queries): mean ${r3(baseMean)} ms per query vs Sinergi's ${r3(ourMean)} ms over all ${variantTimes.length} variant queries (${r3(ourSampleMean)} ms over the same ${sample.length}, ${Math.round(baseMean / ourSampleMean)}x); recall on the sample ${r3(baseFound / sample.length)} vs ${r3(ourFound / sample.length)}.`,
  '',
  '## Recall by kind of variant',
  '',
  '| variant | queries | recall |',
  '| --- | --- | --- |',
  ...[...byKind].sort().map(([k, c]) => `| ${k} | ${c.n} | ${r3(c.found / c.n)} |`),
  '',
].join('\n');
writeFileSync('bench/results/screening.md', md);
console.log(md);
