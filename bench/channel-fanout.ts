// Benchmark: a team-channel message reaching every connected member. 200 members of the Soppeng
// team hold the live stream (/api/v1/events) open over real HTTP; the chair posts messages one after
// another; for each message and each member we time from the start of the POST to the moment that
// member's stream delivers channel.message_posted. Target: p99 under 200 ms.
// The 200 clients run in the same process as the server (one machine, shared CPU), so the figures
// include the clients' own parsing; a quiet machine gives the fair number.
// Run: npm run bench:channel   (BENCH_DATABASE_URL=postgres://... adds PostgreSQL; CHANNEL_MESSAGES=n)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createSession } from '../src/server/auth/sessions';
import type { DbKind } from '../src/server/db/database';
import { startTestServer } from '../test/fixtures/server';
import { openEventStream } from '../test/fixtures/sse';

const TARGETS = { deliveryP99Ms: 200 };
const MEMBERS = 200;
const MESSAGES = Number(process.env.CHANNEL_MESSAGES ?? 50);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (v: number) => Math.round(v * 10) / 10;

async function measure(kind: DbKind) {
  if (kind === 'postgres') process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const server = await startTestServer({ kind, listen: true });
  const db = server.db;
  const team = await db.selectFrom('teams').select(['id', 'sk_date']).where('region_code', '=', '73.12').executeTakeFirstOrThrow();
  const template = await db.selectFrom('users').selectAll().where('username', '=', 'polres.soppeng').executeTakeFirstOrThrow();
  const existing = await db.selectFrom('team_memberships').innerJoin('users', 'users.id', 'team_memberships.user_id').select('user_id')
    .where('team_id', '=', team.id).where('users.role', 'in', ['timpora_member', 'immigration_officer']).execute();
  // members beyond the demo's officers: synthetic officers of the team, each with its own session
  const userIds = existing.map((m) => m.user_id);
  for (let i = userIds.length; i < MEMBERS; i++) {
    const id = randomUUID();
    await db.insertInto('users').values({ ...template, id, username: `bench.member${i}`, display_name: `Anggota Bench ${i}`, email: null }).execute();
    await db.insertInto('team_memberships').values({ id: randomUUID(), team_id: team.id, user_id: id, agency_id: template.agency_id, position: 'anggota', joined_on: team.sk_date, left_on: null }).execute();
    userIds.push(id);
  }
  const streams: Awaited<ReturnType<typeof openEventStream>>[] = [];
  for (const userId of userIds) {
    const { token } = await createSession(db, userId, null);
    streams.push(await openEventStream(`${server.url}/api/v1/events`, `sinergi_session=${token}`));
  }
  if (streams.some((s) => s.status !== 200)) throw new Error('a stream was refused');
  const chair = await server.login('imigrasi.parepare');

  const delivery: number[] = [];
  const post: number[] = [];
  let missing = 0;
  for (let i = 0; i < MESSAGES; i++) {
    const start = Date.now();
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/teams/${team.id}/channel/messages`, {
      method: 'POST', headers: { cookie: chair, 'content-type': 'application/json' }, body: JSON.stringify({ text: `Pesan uji ${i}` }),
    });
    post.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`post failed: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    const deadline = Date.now() + 5000;
    const arrived = () => streams.map((s) => s.events.find((e) => e.event === 'channel.message_posted' && (e.data as { messageId: string }).messageId === id));
    let got = arrived();
    while (got.some((e) => !e) && Date.now() < deadline) { await new Promise((r) => setTimeout(r, 5)); got = arrived(); }
    for (const e of got) { if (e) delivery.push(e.receivedAt - start); else missing++; }
    for (const s of streams) s.events.length = 0;
  }
  for (const s of streams) s.close();
  await server.close();
  delivery.sort((a, b) => a - b);
  post.sort((a, b) => a - b);
  return {
    members: streams.length, messages: MESSAGES, deliveries: delivery.length, missing,
    deliveryMs: { p50: round(pct(delivery, 50)), p95: round(pct(delivery, 95)), p99: round(pct(delivery, 99)), max: round(delivery.at(-1)!) },
    postMs: { p50: round(pct(post, 50)), p99: round(pct(post, 99)) },
    pass: { deliveryP99: pct(delivery, 99) < TARGETS.deliveryP99Ms && missing === 0 },
  };
}

const kinds: DbKind[] = process.env.BENCH_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
for (const kind of kinds) {
  results[kind] = await measure(kind);
  console.log(kind, JSON.stringify(results[kind]));
}
const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg()[0]!.toFixed(1)} at start (shared)`;
const out = { benchmark: 'channel-fanout', date: new Date().toISOString(), machine, members: MEMBERS, messages: MESSAGES, targets: TARGETS, results };
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/channel-fanout.json', JSON.stringify(out, null, 2) + '\n');
const rows = Object.entries(results).map(([k, r]) => `| ${k} | ${r.members} | ${r.messages} | ${r.deliveryMs.p50} | ${r.deliveryMs.p95} | ${r.deliveryMs.p99} | ${r.deliveryMs.max} | ${r.missing} | ${r.postMs.p50} | ${r.pass.deliveryP99 ? 'yes' : 'NO'} |`);
fs.writeFileSync('bench/results/channel-fanout.md', `# Team channel fan-out

A message posted in the team channel, timed from the start of the POST until each of ${MEMBERS} members'
live streams (SSE, real HTTP) delivers \`channel.message_posted\`. Target: p99 < ${TARGETS.deliveryP99Ms} ms.
Clients and server share one process and one machine (${machine}); re-run on a quiet machine for the fair figure.

| database | members | messages | p50 ms | p95 ms | p99 ms | max ms | missing | POST p50 ms | p99 < ${TARGETS.deliveryP99Ms} ms |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Run: \`npm run bench:channel\` (\`BENCH_DATABASE_URL=postgres://...\` adds PostgreSQL). ${new Date().toISOString()}
`);
console.log('written bench/results/channel-fanout.{json,md}');
