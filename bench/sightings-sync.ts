// Benchmark: a field officer's phone comes back online with 1,000 sightings queued. It sends
// them over HTTP one after another (as src/web/features/sightings/queue.ts does), each with the
// Idempotency-Key made when it was queued; then the whole sync is replayed (a phone that never
// heard the answers). Targets: stored exactly 1,000; the first sync under 10 s.
// Run: npm run bench:sightings   (BENCH_DATABASE_URL=postgres://... adds PostgreSQL)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import type { DbKind } from '../src/server/db/database';
import { startTestServer } from '../test/fixtures/server';

const TARGETS = { stored: 1000, firstSyncMs: 10_000 };
const N = 1000;
const VILLAGES = ['73.12.04.1001', '73.12.04.1002', '73.12.04.1003'];
const CATEGORIES = ['working', 'trading', 'tourism', 'other'];

function queued(i: number) {
  return {
    key: `sgt-${randomUUID()}`,
    body: JSON.stringify({
      observedAt: new Date(Date.now() - (i % 1440) * 60_000 - 60_000).toISOString(),
      location: { lat: -4.35 + (i % 100) / 10_000, lon: 119.88 + (i % 97) / 10_000, villageCode: VILLAGES[i % VILLAGES.length], rw: String(1 + (i % 9)), rt: String(1 + (i % 12)) },
      subject: { name: `Orang asing ${i}`, nationality: 'CHN', description: 'sintetis (benchmark)' },
      activity: { category: CATEGORIES[i % CATEGORIES.length], note: `laporan antrean ${i}` },
    }),
  };
}

async function sync(url: string, cookie: string, queue: ReturnType<typeof queued>[]): Promise<{ ms: number; ids: string[] }> {
  const ids: string[] = [];
  const start = performance.now();
  for (const q of queue) {
    const res = await fetch(`${url}/api/v1/sightings`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json', 'idempotency-key': q.key }, body: q.body,
    });
    if (res.status !== 201) throw new Error(`sync failed: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return { ms: performance.now() - start, ids };
}

async function measure(kind: DbKind) {
  if (kind === 'postgres') process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const server = await startTestServer({ kind, listen: true });
  try {
    const cookie = await server.login('desa.lalabata');
    const queue = Array.from({ length: N }, (_, i) => queued(i));
    const first = await sync(server.url, cookie, queue);
    const replay = await sync(server.url, cookie, queue);
    const stored = Number((await server.db.selectFrom('sightings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const sameAnswers = first.ids.every((id, i) => replay.ids[i] === id);
    return {
      queued: N, stored, sameAnswersOnReplay: sameAnswers, firstSyncMs: Math.round(first.ms), replaySyncMs: Math.round(replay.ms),
      perReportMs: +(first.ms / N).toFixed(2),
      pass: stored === TARGETS.stored && sameAnswers && first.ms < TARGETS.firstSyncMs,
    };
  } finally {
    await server.close();
  }
}

const kinds: DbKind[] = process.env.BENCH_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
for (const kind of kinds) {
  results[kind] = await measure(kind);
  console.log(kind, JSON.stringify(results[kind]));
}
const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg()[0]!.toFixed(1)} when done`;
const out = { benchmark: 'sightings-sync', date: new Date().toISOString(), machine, targets: TARGETS, results };
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/sightings-sync.json', JSON.stringify(out, null, 2) + '\n');
const rows = Object.entries(results).map(([k, r]) =>
  `| ${k} | ${r.queued} | ${r.stored} | ${r.sameAnswersOnReplay ? 'yes' : 'no'} | ${r.firstSyncMs} | ${r.replaySyncMs} | ${r.perReportMs} | ${r.pass ? 'pass' : 'FAIL'} |`);
fs.writeFileSync('bench/results/sightings-sync.md', [
  '# Sightings: offline queue sync', '',
  `${out.date} · ${machine}`, '',
  `A phone comes back online with ${N} queued sightings and sends them one after another over HTTP, each with its`,
  'Idempotency-Key; then the same sync is replayed. Targets: exactly 1,000 stored, first sync under 10 s.', '',
  '| database | queued | stored | replay answered the same ids | first sync (ms) | replay (ms) | per report (ms) | result |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows, '',
].join('\n'));
console.log('written bench/results/sightings-sync.{json,md}');
