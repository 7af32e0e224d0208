// The server side of bench/checkin-throughput.ts, run as a child process so the load
// generator does not share its event loop. Mode `app`: the real app on a fresh database
// (SQLite file or a scratch PostgreSQL database), optionally with N stays already stored.
// Mode `bare`: the ceiling, a bare Fastify route with the same body schema and one SQLite insert.
// Tells the parent { port, ... } over IPC once listening; closes (and drops its database) on 'stop'.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp, prepareDatabase } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { checkInBody } from '../../src/server/features/stays/schemas';
import type { Kysely } from 'kysely';
import { createSession, SESSION_COOKIE } from '../../src/server/auth/sessions';
import type { Database } from '../../src/server/db/schema';
import { bulkStays } from './bulk';

/**
 * N dashboard sessions, each of its own officer (a user holds at most 5 streams): copies of
 * polres.soppeng, so every check-in at a Soppeng lodging reaches every dashboard.
 */
async function dashboardSessions(db: Kysely<Database>, n: number): Promise<string[]> {
  if (n === 0) return [];
  const model = await db.selectFrom('users').selectAll().where('username', '=', 'polres.soppeng').executeTakeFirstOrThrow();
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `bench-dashboard-${i}`;
    await db.insertInto('users').values({ ...model, id, username: `bench.dashboard.${i}`, email: null }).execute();
    cookies.push(`${SESSION_COOKIE}=${(await createSession(db, id, null)).token}`);
  }
  return cookies;
}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const mode = arg('mode', 'app');
const send = (msg: unknown) => process.send!(msg);
// the parent asks for this process's CPU time around the measured window: CPU per request is
// steadier than requests per second on a machine shared with other work
process.on('message', (msg) => { if (msg === 'cpu') send({ cpu: process.cpuUsage() }); });

if (mode === 'bare') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bare-'));
  const sqlite = new SQLite(path.join(dir, 'bare.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table stays (id text primary key, surname text not null, document text not null, arrival text not null, created_at text not null)');
  const insert = sqlite.prepare('insert into stays values (?, ?, ?, ?, ?)');
  const app = Fastify();
  app.post<{ Body: { guest: { surname: string; document: { number: string } }; arrivalDate: string } }>('/stays', { schema: { body: checkInBody } }, async (request, reply) => {
    const id = crypto.randomUUID();
    insert.run(id, request.body.guest.surname, request.body.guest.document.number, request.body.arrivalDate, new Date().toISOString());
    return reply.status(201).send({ id });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  send({ port: (app.server.address() as AddressInfo).port });
  process.on('message', async (msg) => {
    if (msg !== 'stop') return;
    await app.close();
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
} else {
  const kind = arg('db', 'sqlite') as 'sqlite' | 'postgres';
  const stays = Number(arg('stays', '0'));
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `sinergi_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = async (statement: string) => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      try { await c.query(statement); } finally { await c.end(); }
    };
    await admin(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    cleanup = () => admin(`drop database if exists ${name} with (force)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-'));
    databaseUrl = path.join(dir, 'bench.sqlite');
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const config = { ...loadConfig({ NODE_ENV: 'test', SINERGI_DEMO: 'true', SINERGI_LOG: process.env.BENCH_LOG ? 'true' : 'false' }), databaseUrl };
  const db = openDatabase({ databaseUrl, dataDir: os.tmpdir() });
  await prepareDatabase(db.kysely, config);
  let bulkMs = 0;
  if (stays > 0) {
    const start = performance.now();
    await bulkStays(db, stays);
    bulkMs = performance.now() - start;
  }
  const dashboards = await dashboardSessions(db.kysely, Number(arg('dashboards', '0')));
  const app = await buildApp(config, { db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  send({ port: (app.server.address() as AddressInfo).port, bulkMs, dashboards });
  process.on('message', async (msg) => {
    if (msg !== 'stop') return;
    await app.close();
    await db.close();
    await cleanup();
    process.exit(0);
  });
}
