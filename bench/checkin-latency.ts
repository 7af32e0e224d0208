// Benchmark: the core loop's latency. A lodging checks guests in over HTTP while a Timpora
// member's SSE stream is open; we time the POST and the moment the event reaches the stream.
// Then autocannon measures check-in throughput with 10 concurrent clients.
// Run: npm run bench:checkin   (BENCH_DATABASE_URL=postgres://... adds PostgreSQL)
import fs from 'node:fs';
import autocannon from 'autocannon';
import { addDays } from '../src/domain/dates';
import { startTestServer } from '../test/fixtures/server';
import { openEventStream } from '../test/fixtures/sse';
import type { DbKind } from '../src/server/db/database';

const TARGETS = { deliveryP95Ms: 1000, checkInP95Ms: 250, throughputPerSec: 50 };
const SEQUENTIAL = 200;
const today = new Date().toISOString().slice(0, 10);
let serial = 0;

function body() {
  serial++;
  return JSON.stringify({
    guest: {
      surname: 'BENCHMARK', givenNames: `GUEST ${serial}`, sex: serial % 2 ? 'M' : 'F', dateOfBirth: '1985-06-01', nationality: 'AUS',
      document: { type: 'passport', number: `PB${String(serial).padStart(7, '0')}`, issuingState: 'AUS', expiryDate: addDays(today, 2000) },
      permit: { kind: 'visa_on_arrival', validFrom: today, validUntil: addDays(today, 30) },
    },
    arrivalDate: today, plannedDeparture: addDays(today, 3), room: String(100 + (serial % 50)),
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(kind: DbKind) {
  if (kind === 'postgres') process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const server = await startTestServer({ kind, listen: true });
  const hotel = await server.login('hotel.maryam');
  const polres = await server.login('polres.soppeng');
  const stream = await openEventStream(`${server.url}/api/v1/events`, polres);
  const post: number[] = [];
  const delivery: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const start = performance.now();
    const res = await fetch(`${server.url}/api/v1/stays`, { method: 'POST', headers: { cookie: hotel, 'content-type': 'application/json' }, body: body() });
    const posted = performance.now();
    if (res.status !== 201) throw new Error(`check-in failed: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    const event = await stream.next(5000);
    if (!event || (event.data as { stayId: string }).stayId !== id) throw new Error('event missing or out of order');
    post.push(posted - start);
    delivery.push(performance.now() - start);
  }
  stream.close();

  const cannon = await autocannon({
    url: `${server.url}/api/v1/stays`, connections: 10, duration: 10, method: 'POST',
    headers: { cookie: hotel, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  });
  await server.close();
  post.sort((a, b) => a - b);
  delivery.sort((a, b) => a - b);
  const r = {
    checkInMs: { p50: pct(post, 50), p95: pct(post, 95), p99: pct(post, 99) },
    deliveryMs: { p50: pct(delivery, 50), p95: pct(delivery, 95), p99: pct(delivery, 99), max: delivery[delivery.length - 1] },
    throughput: { perSec: cannon.requests.average, non2xx: cannon.non2xx, errors: cannon.errors, latencyP99Ms: cannon.latency.p99 },
  };
  const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 10) / 10]));
  return {
    checkInMs: round(r.checkInMs), deliveryMs: round(r.deliveryMs), throughput: round(r.throughput),
    pass: {
      deliveryP95: r.deliveryMs.p95 < TARGETS.deliveryP95Ms,
      checkInP95: r.checkInMs.p95 < TARGETS.checkInP95Ms,
      throughput: r.throughput.perSec >= TARGETS.throughputPerSec && r.throughput.non2xx === 0,
    },
  };
}

const kinds: DbKind[] = process.env.BENCH_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const results: Record<string, unknown> = {};
for (const kind of kinds) {
  results[kind] = await measure(kind);
  console.log(kind, JSON.stringify(results[kind]));
}
const out = { benchmark: 'checkin-latency', date: new Date().toISOString(), machine: '2 cores, 24 GiB (node-svc)', sequentialCheckIns: SEQUENTIAL, targets: TARGETS, results };
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/checkin-latency.json', JSON.stringify(out, null, 2) + '\n');
console.log('written bench/results/checkin-latency.json');
