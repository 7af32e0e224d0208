// Benchmark: check-in throughput over HTTP, as hotel software sends it (an API key, 50
// connections), against the ceiling of a bare Fastify route that validates the same body and
// does one SQLite insert, measured in the same run. Servers run as child processes; the
// load generator (autocannon) and the dashboards' SSE readers run here.
//
//   npm run bench:checkin                        SQLite, empty database
//   npm run bench:checkin -- --stays 1000000     with a million stays already stored
//   npm run bench:checkin -- --dashboards 50     with 50 dashboards on the event stream
//   npm run bench:checkin -- --db postgres       PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
//   npm run bench:checkin -- --all               all four, one after the other
// Other flags: --duration 20 (seconds measured), --connections 50, --auth key|cookie, --permit voa|itas (itas raises no alert),
// --idempotency (an Idempotency-Key on each check-in), --profile (CPU profile of the app server).
// Writes bench/results/checkin-throughput.{json,md}; each scenario keeps its latest run.
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import { addDays } from '../src/domain/dates';
import { SERVER_NODE_FLAGS } from '../scripts/server-node-flags.mjs';
import { machineSpeedProbe } from './machine-speed';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string, fallback: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1]! : fallback; };
const DURATION = Number(opt('duration', '20'));
const WARMUP = Number(opt('warmup', '3'));
const CONNECTIONS = Number(opt('connections', '50'));
const AUTH = opt('auth', 'key');
// voa: a 30-day visa on arrival, as most tourists; itas: a year's limited stay permit (neither
// raises a rule alert on arrival: permit_expiring warns visitors in their last 7 days only)
const PERMIT = opt('permit', 'voa');
// each check-in with its own Idempotency-Key, as a careful PMS sends them
const IDEMPOTENCY = flag('idempotency');
const TARGETS = {
  sqlite: { perSec: 1000, p99Ms: 50, ratio: 0.3 },
  postgres: { perSec: 500 },
};

interface Scenario { name: string; db: 'sqlite' | 'postgres'; stays: number; dashboards: number }
const scenarios: Scenario[] = flag('all')
  ? [
    { name: 'sqlite', db: 'sqlite', stays: 0, dashboards: 0 },
    { name: 'sqlite, 1000000 stays stored', db: 'sqlite', stays: 1_000_000, dashboards: 0 },
    { name: 'sqlite, 50 dashboards', db: 'sqlite', stays: 0, dashboards: 50 },
    { name: 'postgres', db: 'postgres', stays: 0, dashboards: 0 },
  ]
  : [(() => {
    const db = opt('db', 'sqlite') as Scenario['db'];
    const stays = Number(opt('stays', '0'));
    const dashboards = Number(opt('dashboards', '0'));
    const parts = [db, ...(stays ? [`${stays} stays stored`] : []), ...(dashboards ? [`${dashboards} dashboards`] : [])];
    return { name: parts.join(', '), db, stays, dashboards };
  })()];

// a run with other flags is another scenario in the results, not a replacement
const variant = [...(PERMIT !== 'voa' ? [`${PERMIT} guests`] : []), ...(IDEMPOTENCY ? ['Idempotency-Key'] : []), ...(AUTH !== 'key' ? ['cookie'] : [])];
if (variant.length) for (const s of scenarios) s.name += ` (${variant.join(', ')})`;

const today = new Date().toISOString().slice(0, 10);
const run = Date.now().toString(36).toUpperCase();
let serial = 0;
function body(): string {
  serial++;
  return JSON.stringify({
    guest: {
      surname: 'BENCHMARK', givenNames: `GUEST ${serial}`, sex: serial % 2 ? 'M' : 'F', dateOfBirth: '1985-06-01', nationality: 'AUS',
      document: { type: 'passport', number: `P${run}${serial}`, issuingState: 'AUS', expiryDate: addDays(today, 2000) },
      permit: PERMIT === 'itas'
        ? { kind: 'itas', number: `2CAB${String(serial).padStart(7, '0')}`, validFrom: addDays(today, -30), validUntil: addDays(today, 335) }
        : { kind: 'visa_on_arrival', validFrom: today, validUntil: addDays(today, 30) },
    },
    arrivalDate: today, plannedDeparture: addDays(today, 3), room: String(100 + (serial % 50)),
  });
}

function startServer(args: string[], profile = false): Promise<{ child: ChildProcess; info: { port: number; bulkMs?: number; dashboards?: string[] } }> {
  // both servers run with the flags npm start gives the app
  const execArgv = [...SERVER_NODE_FLAGS, '--import', 'tsx', ...(profile ? ['--cpu-prof', '--cpu-prof-dir', 'bench/results/profiles'] : [])];
  const child = fork(new URL('./throughput/server.ts', import.meta.url).pathname, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (info) => resolve({ child, info: info as { port: number } }));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}
const cpuOf = (child: ChildProcess) => new Promise<number>((done) => {
  const on = (msg: unknown) => { const m = msg as { cpu?: NodeJS.CpuUsage }; if (m.cpu) { child.off('message', on); done(m.cpu.user + m.cpu.system); } };
  child.on('message', on);
  child.send('cpu');
});
/** the load, and the server's CPU time per request during it (µs) */
async function measured(child: ChildProcess, url: string, headers: Record<string, string>, seconds: number) {
  const before = await cpuOf(child);
  const result = await load(url, headers, seconds);
  const cpu = await cpuOf(child) - before;
  return { ...result, serverCpuUsPerRequest: Math.round(cpu / Math.max(1, result.total)) };
}
const stopServer = (child: ChildProcess) => new Promise<void>((done) => { child.once('exit', () => done()); child.send('stop'); });

async function load(url: string, headers: Record<string, string>, seconds: number) {
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: seconds, method: 'POST', headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (req) => ({ ...req, body: body(), ...(IDEMPOTENCY ? { headers: { ...req.headers, 'idempotency-key': `bench-${run}-${serial}` } } : {}) }) }],
  });
  return {
    perSec: Math.round(result.requests.average), total: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count])),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  };
}

/** Opens a dashboard's SSE stream; counts events without parsing them (the reader must stay cheap). */
function dashboard(url: string, cookie: string): Promise<{ count(): number; close(): void }> {
  return new Promise((resolve, reject) => {
    let events = 0;
    const req = http.get(url, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`dashboard stream: ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { for (let i = chunk.indexOf('event: stay.'); i >= 0; i = chunk.indexOf('event: stay.', i + 1)) events++; });
      res.once('data', () => resolve({ count: () => events, close: () => req.destroy() }));
    });
    req.on('error', (err) => { if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err); });
  });
}

/** The events the streams have received, once no more arrived for 300 ms (5 s at most). */
async function quietCount(streams: { count(): number }[]): Promise<number> {
  const total = () => streams.reduce((n, d) => n + d.count(), 0);
  let last = total();
  for (let quiet = 0, waited = 0; quiet < 3 && waited < 5000; waited += 100) {
    await new Promise((done) => setTimeout(done, 100));
    const now = total();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

async function credentials(base: string): Promise<Record<string, string>> {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hotel.maryam', password: 'sinergi-demo' }) });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const cookie = /sinergi_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  if (AUTH === 'cookie') return { cookie };
  const created = await fetch(`${base}/api/v1/api-keys`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'benchmark' }) });
  if (created.status !== 201) throw new Error(`api key: ${created.status} ${await created.text()}`);
  return { authorization: `Bearer ${((await created.json()) as { key: string }).key}` };
}

async function measure(s: Scenario) {
  const machineProbeMs = machineSpeedProbe();
  console.log(`\n== ${s.name} (machine probe ${machineProbeMs} ms)`);
  const bare = await startServer(['--mode', 'bare']);
  await load(`http://127.0.0.1:${bare.info.port}/stays`, {}, WARMUP);
  const ceiling = await measured(bare.child, `http://127.0.0.1:${bare.info.port}/stays`, {}, DURATION);
  await stopServer(bare.child);
  console.log('bare route', JSON.stringify(ceiling));

  const app = await startServer(['--mode', 'app', '--db', s.db, '--stays', String(s.stays), '--dashboards', String(s.dashboards)], flag('profile'));
  const base = `http://127.0.0.1:${app.info.port}`;
  if (app.info.bulkMs) console.log(`stored ${s.stays} stays in ${(app.info.bulkMs / 1000).toFixed(1)} s`);
  const headers = await credentials(base);
  const streams = await Promise.all((app.info.dashboards ?? []).map((c) => dashboard(`${base}/api/v1/events`, c)));
  await load(`${base}/api/v1/stays`, headers, WARMUP);
  // the relay publishes after each commit and the hub sends in flushes: the warm-up's last events
  // must have arrived before counting starts (they were counted as delivered before), as must the run's before it ends
  const before = await quietCount(streams);
  const checkIn = await measured(app.child, `${base}/api/v1/stays`, headers, DURATION);
  const delivered = (await quietCount(streams)) - before;
  for (const d of streams) d.close();
  await stopServer(app.child);
  console.log('check-in', JSON.stringify(checkIn));

  const ratio = Math.round((checkIn.perSec / ceiling.perSec) * 100) / 100;
  // the same ratio from CPU time per request: steadier when other work shares the machine
  const cpuRatio = Math.round((ceiling.serverCpuUsPerRequest / Math.max(1, checkIn.serverCpuUsPerRequest)) * 100) / 100;
  const ok = checkIn.non2xx === 0 && checkIn.errors === 0;
  const pass = s.db === 'postgres'
    ? { perSec: ok && checkIn.perSec >= TARGETS.postgres.perSec }
    : { perSec: ok && checkIn.perSec >= TARGETS.sqlite.perSec, p99: checkIn.latencyMs.p99 < TARGETS.sqlite.p99Ms, ratio: ratio >= TARGETS.sqlite.ratio };
  return {
    scenario: s, date: new Date().toISOString(), machineProbeMs, durationSec: DURATION, connections: CONNECTIONS, auth: AUTH, permit: PERMIT, idempotency: IDEMPOTENCY, bulkInsertSec: app.info.bulkMs ? Math.round(app.info.bulkMs / 100) / 10 : undefined,
    checkIn, ceiling, ratio, cpuRatio,
    // expected: every answered check-in's event on every stream; up to one a connection more arrive, from the
    // check-ins still in flight when the run ended (stored, but not counted by autocannon)
    dashboards: s.dashboards ? { streams: s.dashboards, eventsDelivered: delivered, eventsExpected: checkIn.total * s.dashboards, inFlightAtEnd: CONNECTIONS } : undefined,
    pass,
  };
}

const file = 'bench/results/checkin-throughput.json';
const out = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { benchmark: 'checkin-throughput', targets: TARGETS, results: {} };
out.targets = TARGETS;
out.machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ''}`.trim();
for (const s of scenarios) {
  out.results[s.name] = await measure(s);
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  fs.writeFileSync('bench/results/checkin-throughput.md', markdown(out));
}
console.log(`\nwritten ${file} and bench/results/checkin-throughput.md`);

function markdown(o: { machine: string; results: Record<string, Awaited<ReturnType<typeof measure>>> }): string {
  const yes = (b: boolean | undefined) => (b === undefined ? '' : b ? 'pass' : 'FAIL');
  const rows = Object.values(o.results).map((r) => `| ${r.scenario.name} | ${r.checkIn.perSec} | ${r.checkIn.latencyMs.p50} | ${r.checkIn.latencyMs.p99} | ${r.checkIn.serverCpuUsPerRequest} | ${r.ceiling.perSec} | ${r.ceiling.serverCpuUsPerRequest} | ${r.ratio} | ${r.checkIn.non2xx} | ${r.dashboards ? `${r.dashboards.eventsDelivered}/${r.dashboards.eventsExpected}` : ''} | ${Object.entries(r.pass).map(([k, v]) => `${k} ${yes(v)}`).join(', ')} | ${r.machineProbeMs ?? '—'} | ${r.date.slice(0, 16)} |`);
  return `# Check-in throughput

Check-in over HTTP as hotel software sends it (\`Authorization: Bearer\` API key), ${CONNECTIONS} connections,
against the ceiling: a bare Fastify route with the same body schema and one SQLite insert, measured in the same run.
Machine: ${o.machine}. Reproduce with \`npm run bench:checkin -- --all\` (or one scenario: \`--stays 1000000\`, \`--dashboards 50\`, \`--db postgres\`).

"dashboard events" is delivered/expected: every answered check-in's event on every stream, counted once the
warm-up's events have arrived; up to one a connection more come from check-ins still in flight when the run ended.

Guests hold a 30-day visa on arrival unless the scenario says "itas guests" (a year's
permit: it raises no alert on arrival). The check-ins of one API key that arrive together are stored in one pass (src/server/db/write-group.ts). "server CPU" is the app
process's CPU time per request during the run: on a machine shared with other work it is steadier than
requests per second, and ceiling CPU / check-in CPU is the ratio a quiet machine would show.
"machine probe" is the time of a fixed piece of work just before the scenario (bench/machine-speed.ts, lower is faster):
the same code runs up to twice as slow when the shared machine is busy, so read each row against it.

Targets: SQLite at least ${TARGETS.sqlite.perSec}/s with p99 under ${TARGETS.sqlite.p99Ms} ms and at least ${TARGETS.sqlite.ratio} of the ceiling
(also with 1,000,000 stays stored and with 50 dashboards on the event stream); PostgreSQL at least ${TARGETS.postgres.perSec}/s.

| scenario | check-ins/s | p50 ms | p99 ms | server CPU µs/check-in | ceiling/s | ceiling CPU µs/request | ratio | non-2xx | dashboard events | targets | machine probe ms | run (UTC) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
}
