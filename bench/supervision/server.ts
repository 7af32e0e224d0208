// The app side of bench/supervision/run.ts, a child process so its RSS is the server's alone and
// the load (requests, 1,000 event streams) runs in the parent. Opens the generated database,
// adds the bench officers (province, regency, tourist regency, and one per dashboard stream,
// copies of polres.soppeng with another area) with their sessions, listens, and tells the parent
// { port, cookies, streams, clerk, routes } over IPC. Samples its RSS every 100 ms.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/server/app';
import { createSession, SESSION_COOKIE } from '../../src/server/auth/sessions';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { dataDir, PG_URL, sqlitePath } from './generate';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1]! : fallback; };
const kind = arg('db', 'sqlite');
const streams = Number(arg('streams', '1000'));
const databaseUrl = kind === 'pg' ? PG_URL : sqlitePath();

let maxRss = 0;
const samples: number[] = [];
const sample = () => { const rss = process.memoryUsage().rss; maxRss = Math.max(maxRss, rss); samples.push(rss); };
setInterval(sample, 100).unref();

const db = openDatabase({ databaseUrl, dataDir: dataDir() });
// the hourly alert sweep over everyone present (145,000 at this size) is background work of its own: off while requests are timed
const config = { ...loadConfig({ NODE_ENV: 'test', SINERGI_DEMO: 'true', SINERGI_LOG: 'false', SINERGI_DATA_DIR: dataDir(), SINERGI_ALERT_SWEEP_MINUTES: '0' }), databaseUrl };
let t = performance.now();
const app = await buildApp(config, { db });
const startMs = performance.now() - t;
const k = db.kysely;

// officers: copies of polres.soppeng with another area (the role and agency stay)
const model = await k.selectFrom('users').selectAll().where('username', '=', 'polres.soppeng').executeTakeFirstOrThrow();
async function officer(username: string, area: string): Promise<string> {
  let row = await k.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!row) {
    row = { id: `bench-${username}` };
    await k.insertInto('users').values({ ...model, id: row.id, username, display_name: `Bench ${username}`, email: null, area_code: area }).execute();
  }
  return `${SESSION_COOKIE}=${(await createSession(k, row.id, null)).token}`;
}
t = performance.now();
const cookies = {
  province: await officer('bench.officer.province73', '73'),
  regency: await officer('bench.officer.soppeng', '73.12'),
  tourist: await officer('bench.officer.badung', '51.03'),
};
const streamCookies: string[] = [];
for (let i = 0; i < streams; i++) streamCookies.push(await officer(`bench.dashboard.${i}`, '73.12'));
const clerk = await k.selectFrom('users').select('id').where('username', '=', 'hotel.maryam').executeTakeFirstOrThrow();
const clerkCookie = `${SESSION_COOKIE}=${(await createSession(k, clerk.id, null)).token}`;
const sessionsMs = performance.now() - t;

await app.listen({ port: 0, host: '127.0.0.1' });
const routes = Object.fromEntries(['/api/v1/stats/present', '/api/v1/stats/area', '/api/v1/persons', '/api/v1/present']
  .map((url) => [url, app.hasRoute({ method: 'GET', url })]));
sample();
process.send!({ port: (app.server.address() as AddressInfo).port, cookies, streamCookies, clerkCookie, routes, startMs, sessionsMs, rssAtStart: process.memoryUsage().rss });

process.on('message', async (msg) => {
  if (msg === 'rss') { sample(); process.send!({ rss: process.memoryUsage().rss, maxRss }); return; }
  if (msg !== 'stop') return;
  sample();
  const sorted = [...samples].sort((a, b) => a - b);
  process.send!({ maxRss, medianRss: sorted[Math.floor(sorted.length / 2)] ?? 0 });
  await app.close();
  await db.close();
  process.exit(0);
});
