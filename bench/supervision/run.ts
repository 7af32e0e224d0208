// Supervision benchmark (issue #8, Benchmarks). On the seeded data of generate.ts (default
// 1,000,000 persons, 5,000,000 stays over two years, every province), the real app in a child
// process (server.ts) answers officers' requests, a few at a time (--concurrency 4), --samples
// each (default 200), and we time them over real HTTP:
//   dashboard figures (stats/present, and stats/area when the route exists) for a province and regencies,
//   name search over all persons (words in any order, with and without diacritics),
//   the present list of a regency filtered to overstays, paged (when the route exists),
//   a check-in reaching 1,000 dashboard event streams (SSE), and the server's RSS throughout.
//   npm run bench:supervision                        both databases, full size
//   npm run bench:supervision -- --db sqlite --persons 100000 --stays 500000   (smaller, quicker)
// Other flags: --seed, --samples, --concurrency, --streams, --checkins, --generate-only, --only <group> (one group, printed only).
// Writes bench/results/supervision-<db>.json and bench/results/supervision.md.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { addDays } from '../../src/domain/dates';
import { cached, PG_URL, sqlitePath, type GenOptions } from './generate';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1]! : fallback; };
const gen: GenOptions = { seed: Number(opt('seed', '20261130')), persons: Number(opt('persons', '1000000')), stays: Number(opt('stays', '5000000')) };
const SAMPLES = Number(opt('samples', '200'));
const CONCURRENCY = Number(opt('concurrency', '4'));
const STREAMS = Number(opt('streams', '1000'));
const CHECKINS = Number(opt('checkins', '30'));
const dbArg = opt('db', 'both');
/** --only search|dashboard|presentList: one group of cases, printed only (no fan-out, no results written) */
const only = opt('only', '');
const kinds: ('sqlite' | 'pg')[] = dbArg === 'both' ? ['sqlite', 'pg'] : [dbArg === 'postgres' || dbArg === 'pg' ? 'pg' : 'sqlite'];
const TARGETS = { dashboardP95: 300, searchP95: 200, presentListP95: 200, sseP99: 200, rssMB: 1024 };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const r1 = (v: number) => Math.round(v * 10) / 10;

interface Info { port: number; cookies: Record<'province' | 'regency' | 'tourist', string>; streamCookies: string[]; clerkCookie: string; routes: Record<string, boolean>; startMs: number; sessionsMs: number; rssAtStart: number }
interface Case { name: string; group: 'dashboard' | 'search' | 'presentList'; route: string; who: keyof Info['cookies']; urls: string[]; target: number }
interface CaseResult { name: string; group: string; samples: number; statuses: Record<string, number>; p50: number | null; p95: number | null; p99: number | null; max: number | null; target: number; met: boolean | null; note?: string }

function startServer(kind: string): Promise<{ child: ChildProcess; info: Info }> {
  const child = fork(new URL('./server.ts', import.meta.url).pathname, ['--db', kind, '--streams', String(STREAMS)],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (info) => resolve({ child, info: info as Info }));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}
const ask = <T>(child: ChildProcess, msg: string) => new Promise<T>((resolve) => { child.once('message', (m) => resolve(m as T)); child.send(msg); });

/** Names to search for, the same on both databases: persons picked by id (ids are sequential). */
async function searchQueries(kind: 'sqlite' | 'pg'): Promise<string[]> {
  const ids = Array.from({ length: 40 }, (_, i) => `b0000003-0000-4000-8000-${((i * 7919 * 13) % gen.persons).toString(16).padStart(12, '0')}`);
  let rows: { surname: string; given_names: string }[];
  if (kind === 'sqlite') {
    const s = new SQLite(sqlitePath(), { readonly: true });
    rows = s.prepare(`select surname, given_names from persons where id in (${ids.map(() => '?').join(',')}) order by id`).all(...ids) as typeof rows;
    s.close();
  } else {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    rows = (await c.query('select surname, given_names from persons where id = any($1) order by id', [ids])).rows;
    await c.end();
  }
  const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
  return rows.flatMap((r, i) => {
    const given = r.given_names.split(' ')[0] ?? '';
    // full name in passport order, reversed order in lower case, and a surname prefix without diacritics
    const forms = [`${given} ${r.surname}`, `${r.surname} ${given}`.toLowerCase(), plain(r.surname).slice(0, Math.max(3, r.surname.length - 2))];
    return [forms[i % 3]!.trim()];
  });
}

async function measureCase(base: string, cookie: string, c: Case): Promise<number[] & { statuses?: Record<string, number> }> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const one = async (i: number) => {
    const url = c.urls[i % c.urls.length]!;
    const t = performance.now();
    const res = await fetch(base + url, { headers: { cookie } });
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    return performance.now() - t;
  };
  for (let i = 0; i < Math.min(5, SAMPLES); i++) await one(i); // warm-up
  for (const k of Object.keys(statuses)) delete statuses[k];
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < SAMPLES) times.push(await one(next++));
  }));
  return Object.assign(times, { statuses });
}

/** A dashboard's event stream that only notes when each stay.checked_in frame arrives (cheap for 1,000 of them). */
function stream(url: string, cookie: string): Promise<{ arrivals: number[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const arrivals: number[] = [];
    const req = http.get(url, { headers: { cookie, accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { const now = performance.now(); for (let i = chunk.indexOf('event: stay.checked_in'); i >= 0; i = chunk.indexOf('event: stay.checked_in', i + 1)) arrivals.push(now); });
      res.once('data', () => resolve({ arrivals, close: () => req.destroy() }));
    });
    req.on('error', (err) => { if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err); });
  });
}

async function measureFanout(base: string, info: Info) {
  const t = performance.now();
  const streams = [];
  for (let i = 0; i < info.streamCookies.length; i += 50) streams.push(...await Promise.all(info.streamCookies.slice(i, i + 50).map((c) => stream(`${base}/api/v1/events`, c))));
  const openMs = performance.now() - t;
  const today = new Date().toISOString().slice(0, 10);
  const run = Date.now().toString(36).toUpperCase();
  const delivery: number[] = [];
  const post: number[] = [];
  let missing = 0;
  for (let i = 0; i < CHECKINS; i++) {
    const body = JSON.stringify({
      guest: { surname: 'PENGUJI', givenNames: `TAMU ${i}`, sex: 'F', dateOfBirth: '1988-03-01', nationality: 'NLD',
        document: { type: 'passport', number: `BS${run}${i}`, issuingState: 'NLD', expiryDate: addDays(today, 2000) },
        permit: { kind: 'visa_on_arrival', validFrom: today, validUntil: addDays(today, 29) } },
      arrivalDate: today, plannedDeparture: addDays(today, 2), room: '7',
    });
    const start = performance.now();
    const res = await fetch(`${base}/api/v1/stays`, { method: 'POST', headers: { cookie: info.clerkCookie, 'content-type': 'application/json' }, body });
    post.push(performance.now() - start);
    if (res.status !== 201) throw new Error(`check-in: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    const deadline = performance.now() + 5000;
    while (streams.some((s) => s.arrivals.length <= i) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    for (const s of streams) { if (s.arrivals.length > i) delivery.push(s.arrivals[i]! - start); else { missing++; s.arrivals[i] = NaN; } }
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const s of streams) s.close();
  delivery.sort((a, b) => a - b);
  post.sort((a, b) => a - b);
  const p99 = pct(delivery, 99);
  return {
    streams: streams.length, checkins: CHECKINS, deliveries: delivery.length, missing, openStreamsMs: Math.round(openMs),
    deliveryMs: { p50: r1(pct(delivery, 50)), p95: r1(pct(delivery, 95)), p99: r1(p99), max: r1(delivery.at(-1) ?? NaN) },
    checkinMs: { p50: r1(pct(post, 50)), p99: r1(pct(post, 99)) }, target: TARGETS.sseP99, met: p99 < TARGETS.sseP99 && missing === 0,
  };
}

async function measure(kind: 'sqlite' | 'pg') {
  console.log(`\n== ${kind}`);
  const { child, info } = await startServer(kind);
  const base = `http://127.0.0.1:${info.port}`;
  console.log(`app started in ${(info.startMs / 1000).toFixed(1)} s; routes ${JSON.stringify(info.routes)}`);
  const names = await searchQueries(kind);
  const cases: Case[] = [
    { name: 'stats/present, province 73 (Sulawesi Selatan)', group: 'dashboard', route: '/api/v1/stats/present', who: 'province', urls: ['/api/v1/stats/present?region=73'], target: TARGETS.dashboardP95 },
    { name: 'stats/present, regency 73.12 (Soppeng)', group: 'dashboard', route: '/api/v1/stats/present', who: 'regency', urls: ['/api/v1/stats/present?region=73.12'], target: TARGETS.dashboardP95 },
    { name: 'stats/present, regency 51.03 (Badung, busiest)', group: 'dashboard', route: '/api/v1/stats/present', who: 'tourist', urls: ['/api/v1/stats/present?region=51.03'], target: TARGETS.dashboardP95 },
    { name: 'stats/area, province 73', group: 'dashboard', route: '/api/v1/stats/area', who: 'province', urls: ['/api/v1/stats/area?region=73'], target: TARGETS.dashboardP95 },
    { name: 'stats/area, regency 73.12', group: 'dashboard', route: '/api/v1/stats/area', who: 'regency', urls: ['/api/v1/stats/area?region=73.12'], target: TARGETS.dashboardP95 },
    { name: 'stats/area, regency 51.03', group: 'dashboard', route: '/api/v1/stats/area', who: 'tourist', urls: ['/api/v1/stats/area?region=51.03'], target: TARGETS.dashboardP95 },
    { name: `persons?q= name search (${names.length} names, any order, with/without diacritics), province officer`, group: 'search', route: '/api/v1/persons', who: 'province',
      urls: names.map((q) => `/api/v1/persons?q=${encodeURIComponent(q)}`), target: TARGETS.searchP95 },
    { name: 'present?region=73.12&status=overstaying, pages 1-3', group: 'presentList', route: '/api/v1/present', who: 'regency',
      urls: [1, 2, 3].map((p) => `/api/v1/present?region=73.12&status=overstaying&page=${p}`), target: TARGETS.presentListP95 },
    { name: 'present?region=51.03&status=overstaying, pages 1-3', group: 'presentList', route: '/api/v1/present', who: 'tourist',
      urls: [1, 2, 3].map((p) => `/api/v1/present?region=51.03&status=overstaying&page=${p}`), target: TARGETS.presentListP95 },
  ];
  const results: CaseResult[] = [];
  const rssDuring: number[] = [];
  for (const c of cases) {
    if (only && c.group !== only) continue;
    if (!info.routes[c.route]) {
      results.push({ name: c.name, group: c.group, samples: 0, statuses: {}, p50: null, p95: null, p99: null, max: null, target: c.target, met: null, note: `route ${c.route} not in this build` });
      console.log(`${c.name}: skipped, no route`);
      continue;
    }
    const times = await measureCase(base, info.cookies[c.who], c);
    rssDuring.push((await ask<{ rss: number }>(child, 'rss')).rss);
    const sorted = [...times].sort((a, b) => a - b);
    const ok = Object.keys(times.statuses!).every((s) => s === '200');
    const r: CaseResult = { name: c.name, group: c.group, samples: times.length, statuses: times.statuses!, p50: r1(pct(sorted, 50)), p95: r1(pct(sorted, 95)), p99: r1(pct(sorted, 99)),
      max: r1(sorted.at(-1)!), target: c.target, met: ok && pct(sorted, 95) < c.target, ...(ok ? {} : { note: `statuses ${JSON.stringify(times.statuses)}` }) };
    results.push(r);
    console.log(`${c.name}: p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms ${JSON.stringify(r.statuses)}`);
  }
  if (only) { child.send('stop'); await new Promise((r) => child.once('exit', r)); return null; }
  const fanout = await measureFanout(base, info);
  console.log(`fan-out to ${fanout.streams} streams: ${JSON.stringify(fanout.deliveryMs)} missing ${fanout.missing}`);
  const end = await ask<{ maxRss: number; medianRss: number }>(child, 'stop');
  await new Promise((r) => child.once('exit', r));
  const maxRssMB = Math.round(end.maxRss / 2 ** 20);
  return { kind, appStartMs: Math.round(info.startMs), cases: results, fanout,
    rss: { maxMB: maxRssMB, medianMB: Math.round(end.medianRss / 2 ** 20), atStartMB: Math.round(info.rssAtStart / 2 ** 20), target: TARGETS.rssMB, met: maxRssMB < TARGETS.rssMB } };
}

const machine = () => `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`;
// generation is CPU-heavy and runs niced in its own process; the measured server and clients are not niced
// (a niced server on a busy machine measures the scheduler, not the app)
const summaryOnly = argv.includes('--summary-only'); // rewrite supervision.md from the JSON results
const missing = [];
if (!summaryOnly) for (const k of kinds) if (!(await cached(k, gen))) missing.push(k);
if (missing.length) {
  const db = missing.length === 2 ? 'both' : missing[0]!;
  const code = await new Promise<number | null>((resolve) => spawn('nice', ['-n', '10', process.execPath, '--max-old-space-size=4096', '--import', 'tsx',
    new URL('./generate.ts', import.meta.url).pathname, '--db', db, '--seed', String(gen.seed), '--persons', String(gen.persons), '--stays', String(gen.stays)],
  { stdio: 'inherit' }).on('exit', resolve));
  if (code !== 0) throw new Error(`generation failed (${code})`);
} else if (!summaryOnly) console.log(`generated data of seed ${gen.seed} (${gen.persons} persons, ${gen.stays} stays) already there`);
if (argv.includes('--generate-only')) process.exit(0);
const command = `npm run bench:supervision -- ${argv.join(' ')}`.trim();
fs.mkdirSync('bench/results', { recursive: true });
for (const kind of summaryOnly ? [] : kinds) {
  const machineAtStart = machine();
  const r = await measure(kind);
  if (!r) continue;
  const out = { benchmark: 'supervision', date: new Date().toISOString(), command, machine: machineAtStart, machineAtEnd: machine(), node: process.version, data: gen,
    samples: SAMPLES, concurrency: CONCURRENCY, targets: TARGETS, ...r };
  fs.writeFileSync(`bench/results/supervision-${kind}.json`, JSON.stringify(out, null, 2) + '\n');
}

if (only) process.exit(0);
// the summary covers whatever results exist for either database
const mark = (m: boolean | null) => (m === null ? 'skipped' : m ? 'met' : '**not met**');
const sections = (['sqlite', 'pg'] as const).filter((k) => fs.existsSync(`bench/results/supervision-${k}.json`)).map((k) => {
  const r = JSON.parse(fs.readFileSync(`bench/results/supervision-${k}.json`, 'utf8'));
  const rows = r.cases.map((c: CaseResult) => `| ${c.name} | ${c.samples} | ${c.p50 ?? '-'} | ${c.p95 ?? '-'} | ${c.p99 ?? '-'} | p95 < ${c.target} ms | ${mark(c.met)}${c.note ? ` (${c.note.replace(' (skipped)', '')})` : ''} |`);
  rows.push(`| check-in reaching ${r.fanout.streams} dashboard streams (${r.fanout.checkins} check-ins, ${r.fanout.missing} missing) | ${r.fanout.deliveries} | ${r.fanout.deliveryMs.p50} | ${r.fanout.deliveryMs.p95} | ${r.fanout.deliveryMs.p99} | p99 < ${r.fanout.target} ms | ${mark(r.fanout.met)} |`);
  rows.push(`| server RSS, max over the run (median ${r.rss.medianMB} MB, ${r.rss.atStartMB} MB after start) | | | | ${r.rss.maxMB} MB | < 1 GB | ${mark(r.rss.met)} |`);
  const full = r.data.persons >= 1_000_000 && r.data.stays >= 5_000_000;
  const load = Number(String(r.machine).split('load ')[1]?.split(' ')[0]);
  const caveat = [...(full ? [] : [`**Preliminary: ${r.data.persons.toLocaleString('en')} persons and ${r.data.stays.toLocaleString('en')} stays, not the issue's 1,000,000 and 5,000,000.**`]),
    ...(load > os.cpus().length ? [`**Preliminary: measured on a busy machine (load ${load} on ${os.cpus().length} cores); rerun on a quiet one.**`] : [])].join(' ');
  return `## ${k === 'pg' ? 'PostgreSQL' : 'SQLite'}

${caveat}

${r.date} · \`${r.command}\` · ${r.data.persons.toLocaleString('en')} persons, ${r.data.stays.toLocaleString('en')} stays, seed ${r.data.seed} · ${r.samples} samples per case, ${r.concurrency} at a time
Machine: ${r.machine} (load at the end: ${r.machineAtEnd.split('load ')[1]})

| figure | samples | p50 ms | p95 ms | p99 ms | target | |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
});
fs.writeFileSync('bench/results/supervision.md', `# Supervision benchmark (issue #8)

Seeded data (bench/supervision/generate.ts): persons of many nationalities (5% with a renewed passport), stays of the
two years ending on the run's date over every province (half in busy tourist regencies; Soppeng included), lodging,
work and residence reports, about 3% present now, 3% of those overstaying. The app runs in a child process; requests
come over real HTTP from officers of a province (73), Soppeng (73.12) and Badung (51.03).
Run: \`npm run bench:supervision\` (both databases, 1,000,000 persons and 5,000,000 stays; the data is generated once
per seed and size under SINERGI_BENCH_DIR, default /tmp/sinergi-bench, and PostgreSQL database sinergi_bench).
Query plans and the indexes / query shapes the targets need: bench/supervision/README.md.

${sections.join('\n')}`);
console.log('written bench/results/supervision-*.json and bench/results/supervision.md');
