// Benchmark: loading the reference data (38 provinces ... ~84k villages, ~280 countries)
// into an empty, migrated database. Target: under 10 s on SQLite and on PostgreSQL.
// Also times seedDemo() right after it (target: under 3 s, argon2 hashing included).
// PostgreSQL runs when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server (a fresh
// database is created and dropped there). Results: bench/results/reference-load.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadReferenceData } from '../src/server/db/reference';
import { seedDemo } from '../src/server/db/seed';
import { openScratchDatabase } from '../test/fixtures/scratch-db';
import type { DbKind } from '../src/server/db/database';

const TARGET_MS = 10_000;
const SEED_TARGET_MS = 3_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface DialectResult {
  runsMs: number[]; medianMs: number; secondCallMs: number; rows: number;
  seedRunsMs: number[]; seedMedianMs: number; pass: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function measure(kind: DbKind, serverUrl?: string): Promise<DialectResult> {
  const runsMs: number[] = [];
  let rows = 0;
  let secondCallMs = 0;
  const seedRunsMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const scratch = await openScratchDatabase(kind, serverUrl);
    try {
      const t0 = performance.now();
      const r = await loadReferenceData(scratch.db.kysely);
      runsMs.push(Math.round(performance.now() - t0));
      rows = r.regions.rows + r.countries.rows;
      const t1 = performance.now();
      await loadReferenceData(scratch.db.kysely); // the idempotent skip, as on every start-up
      secondCallMs = Math.round((performance.now() - t1) * 10) / 10;
      const t2 = performance.now();
      await seedDemo(scratch.db.kysely);
      seedRunsMs.push(Math.round(performance.now() - t2));
    } finally {
      await scratch.dispose();
    }
  }
  const medianMs = median(runsMs);
  const seedMedianMs = median(seedRunsMs);
  return { runsMs, medianMs, secondCallMs, rows, seedRunsMs, seedMedianMs, pass: medianMs < TARGET_MS && seedMedianMs < SEED_TARGET_MS };
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const results: Record<string, DialectResult | string> = { sqlite: await measure('sqlite') };
results.postgres = serverUrl ? await measure('postgres', serverUrl) : 'skipped: set BENCH_DATABASE_URL';

const report = {
  benchmark: 'reference-load',
  description: 'loadReferenceData() into an empty migrated database (regions from idn-area-data, countries); then seedDemo()',
  targetMs: TARGET_MS,
  seedTargetMs: SEED_TARGET_MS,
  runs: RUNS,
  results,
  machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` },
  at: new Date().toISOString(),
};
const out = path.join(import.meta.dirname, 'results', 'reference-load.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
const failed = Object.values(results).some((r) => typeof r !== 'string' && !r.pass);
process.exitCode = failed ? 1 : 0;
