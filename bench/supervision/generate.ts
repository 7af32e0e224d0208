// Seeded supervision data for bench/supervision/run.ts (issue #8, Benchmarks): persons of many
// nationalities (some with a renewed second passport) and their stays over the two years ending
// today, spread over every province (weighted toward a few tourist regencies; Soppeng included),
// of all three report kinds, with realistic durations so a realistic share is present now, some
// overstaying and some expiring. The app's schema comes from its own migrations (and the Soppeng
// demo, whose accounts and lodgings the runner uses); the rows are then loaded directly:
// better-sqlite3 prepared inserts in big transactions, PostgreSQL multi-row unnest() inserts.
//   npm run bench:supervision -- --generate-only [--db sqlite|pg|both] [--persons N] [--stays N] [--seed S]
// A database that already holds the same seed and size (settings row bench.supervision) is kept.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { addDays } from '../../src/domain/dates';
import { personNameKey, personSearchTokens } from '../../src/domain/identity/name-index';
import type { PermitKind } from '../../src/domain/permits/kinds';
import { mulberry32, pick, randInt, type Rng } from '../../src/domain/random';
import { prepareDatabase } from '../../src/server/app';
import { openDatabase } from '../../src/server/db/database';
import { makePerson } from '../screening/generator';

export interface GenOptions { seed: number; persons: number; stays: number }
export const MARKER_KEY = 'bench.supervision';
export const PG_SERVER = process.env.BENCH_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
export const PG_URL = `${PG_SERVER}/sinergi_bench`;
export const dataDir = () => process.env.SINERGI_BENCH_DIR ?? '/tmp/sinergi-bench';
export const sqlitePath = () => path.join(dataDir(), 'supervision.sqlite');
const marker = (o: GenOptions) => JSON.stringify({ seed: o.seed, persons: o.persons, stays: o.stays });

/** Busy tourist and business regencies take about half the stays; the rest covers every province. */
export const HOT_REGENCIES: [string, number][] = [
  ['51.03', 14], ['51.71', 5], ['51.04', 5], ['51.02', 2], ['52.08', 3], ['52.01', 2], ['53.15', 2], ['31.71', 4], ['31.74', 4],
  ['34.71', 2], ['21.71', 3], ['12.71', 1], ['32.73', 1], ['35.78', 1], ['73.71', 1],
];
const SOPPENG = '73.12';
const ASEAN = new Set(['MYS', 'SGP', 'PHL', 'THA', 'VNM', 'BRN', 'TLS', 'LAO', 'KHM', 'MMR']);

// ---------- sinks: the same rows into SQLite and/or PostgreSQL ----------

type Row = unknown[];
interface Sink { add(table: string, cols: string[], row: Row): Promise<void>; flush(): Promise<void> }

function sqliteSink(sqlite: SQLite.Database): Sink {
  const stmts = new Map<string, SQLite.Statement>();
  let pending = 0;
  sqlite.exec('begin');
  return {
    async add(table, cols, row) {
      let s = stmts.get(table);
      if (!s) { s = sqlite.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`); stmts.set(table, s); }
      s.run(row);
      if (++pending >= 200_000) { sqlite.exec('commit; begin'); pending = 0; }
    },
    async flush() { sqlite.exec('commit'); sqlite.exec('begin'); pending = 0; },
  };
}

function pgSink(client: pg.Client, types: Map<string, string>): Sink {
  const buffers = new Map<string, { cols: string[]; rows: Row[] }>();
  const inflight: Promise<unknown>[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  const send = async (table: string) => {
    const b = buffers.get(table)!;
    if (b.rows.length === 0) return;
    const rows = b.rows;
    b.rows = [];
    const arrays = b.cols.map((_, j) => rows.map((r) => r[j]));
    const casts = b.cols.map((c, j) => `$${j + 1}::${types.get(`${table}.${c}`) ?? 'text'}[]`);
    // one query after another on the one connection (its session turns foreign keys off)
    chain = chain.then(() => client.query(`insert into ${table} (${b.cols.join(',')}) select * from unnest(${casts.join(',')})`, arrays));
    inflight.push(chain);
    // keep a few batches in flight: the generator runs while PostgreSQL inserts
    while (inflight.length > 3) await inflight.shift();
  };
  return {
    async add(table, cols, row) {
      let b = buffers.get(table);
      if (!b) { b = { cols, rows: [] }; buffers.set(table, b); }
      b.rows.push(row);
      if (b.rows.length >= 5000) await send(table);
    },
    async flush() { for (const t of buffers.keys()) await send(t); await Promise.all(inflight.splice(0)); },
  };
}

// ---------- schema, cache, index handling ----------

async function migrate(url: string, dir: string) {
  const db = openDatabase({ databaseUrl: url, dataDir: dir });
  await prepareDatabase(db.kysely, { demo: true });
  await db.close();
}

async function pgAdmin(statement: string) {
  const c = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await c.connect();
  try { return await c.query(statement); } finally { await c.end(); }
}

/** True when the database already holds this seed and size. */
export async function cached(kind: 'sqlite' | 'pg', o: GenOptions): Promise<boolean> {
  if (kind === 'sqlite') {
    if (!fs.existsSync(sqlitePath())) return false;
    const s = new SQLite(sqlitePath(), { readonly: true });
    try { return (s.prepare('select value from settings where key = ?').get(MARKER_KEY) as { value: string } | undefined)?.value === marker(o); } catch { return false; } finally { s.close(); }
  }
  const exists = await pgAdmin(`select 1 from pg_database where datname = 'sinergi_bench'`);
  if (exists.rowCount === 0) return false;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try { return (await c.query('select value from settings where key = $1', [MARKER_KEY])).rows[0]?.value === marker(o); } catch { return false; } finally { await c.end(); }
}

const TABLES = ['persons', 'person_documents', 'person_name_tokens', 'stays', 'stay_employments'];

// ---------- permits (as src/server/db/seed/guests.ts, on day offsets: no date parsing per row) ----------

function visitPermit(rng: Rng, asean: boolean): PermitKind {
  const r = rng() * 100;
  if (asean) return r < 70 ? 'visa_free_visit' : r < 80 ? 'visit_visa' : r < 95 ? 'itas' : r < 98 ? 'itap' : 'official';
  return r < 45 ? 'visa_on_arrival' : r < 65 ? 'visit_visa' : r < 90 ? 'itas' : r < 95 ? 'itap' : r < 97 ? 'diplomatic' : 'official';
}

function permitOf(rng: Rng, kind: PermitKind, arrival: number, day: (offset: number) => string): { kind: PermitKind; number: string | null; validFrom: string; validUntil: string | null } {
  const entry = arrival - randInt(rng, 0, 7);
  const n7 = String(randInt(rng, 0, 9_999_999)).padStart(7, '0');
  switch (kind) {
    case 'visa_free_visit': return { kind, number: null, validFrom: day(entry), validUntil: day(entry + 29) };
    case 'visa_on_arrival': return { kind, number: `B1${n7}${randInt(rng, 100, 999)}`, validFrom: day(entry), validUntil: day(entry + 29) };
    case 'visit_visa': return { kind, number: `C1${n7}${randInt(rng, 100, 999)}`, validFrom: day(entry), validUntil: day(entry + 59) };
    case 'itas': { const from = arrival - randInt(rng, 20, 300); return { kind, number: `2CAB${n7}`, validFrom: day(from), validUntil: day(from + 364) }; }
    case 'itap': return { kind, number: `2DAB${n7}`, validFrom: day(arrival - randInt(rng, 100, 1500)), validUntil: null };
    case 'diplomatic': return { kind, number: `DPL${n7}`, validFrom: day(arrival - randInt(rng, 10, 400)), validUntil: null };
    case 'official': return { kind, number: `DNS${n7}`, validFrom: day(arrival - randInt(rng, 10, 400)), validUntil: null };
  }
}

// ---------- the generator ----------

interface Org { id: string; kind: 'lodging' | 'company' | 'private'; village: string; user: string }
const uuid = (type: number, i: number) => `${type.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

export async function generate(kinds: ('sqlite' | 'pg')[], o: GenOptions, log = console.log): Promise<void> {
  const t0 = performance.now();
  const sinks: Sink[] = [];
  let sqlite: SQLite.Database | null = null;
  let client: pg.Client | null = null;
  const pgIndexes: string[] = [];
  const sqliteIndexes: string[] = [];
  if (kinds.includes('sqlite')) {
    fs.mkdirSync(dataDir(), { recursive: true });
    for (const f of ['', '-wal', '-shm']) fs.rmSync(sqlitePath() + f, { force: true });
    await migrate(sqlitePath(), dataDir());
    sqlite = new SQLite(sqlitePath());
    sqlite.pragma('journal_mode = OFF'); // a failed load is simply generated again
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('cache_size = -3000000'); // 3 GB: random-order index inserts stay in memory
    sqlite.pragma('temp_store = MEMORY');
    // secondary indexes are built after the load, as on PostgreSQL (constraint indexes have no sql and stay)
    for (const r of sqlite.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${TABLES.map(() => '?').join(',')})`).all(...TABLES) as { name: string; sql: string }[]) {
      sqliteIndexes.push(r.sql);
      sqlite.exec(`drop index "${r.name}"`);
    }
    sinks.push(sqliteSink(sqlite));
  }
  if (kinds.includes('pg')) {
    await pgAdmin('drop database if exists sinergi_bench with (force)');
    await pgAdmin('create database sinergi_bench');
    await migrate(PG_URL, dataDir());
    client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    // foreign keys and the changed_at trigger off for the load (every column is filled here)
    await client.query(`set session_replication_role = replica`);
    const types = new Map((await client.query(`select table_name || '.' || column_name as k, udt_name from information_schema.columns where table_schema = 'public'`)).rows
      .map((r: { k: string; udt_name: string }) => [r.k, r.udt_name]));
    // secondary indexes are built after the load (measured: far faster than maintaining them row by row)
    const idx = await client.query(`select i.indexname, i.indexdef from pg_indexes i where i.schemaname = 'public' and i.tablename = any($1)
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [TABLES]);
    for (const r of idx.rows as { indexname: string; indexdef: string }[]) { pgIndexes.push(r.indexdef); await client.query(`drop index ${r.indexname}`); }
    sinks.push(pgSink(client, types));
  }
  log(`schema ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // reference rows from the (SQLite or PostgreSQL) database just migrated
  const ref = openDatabase({ databaseUrl: sqlite ? sqlitePath() : PG_URL, dataDir: dataDir() });
  const villages = await ref.kysely.selectFrom('regions').select('code').where('level', '=', 4).orderBy('code').execute();
  const countries = new Set((await ref.kysely.selectFrom('countries').select('code').execute()).map((c) => c.code));
  const template = await ref.kysely.selectFrom('users').selectAll().where('username', '=', 'hotel.maryam').executeTakeFirstOrThrow();
  await ref.close();
  const byProvince = new Map<string, string[]>();
  const byRegency = new Map<string, string[]>();
  for (const { code } of villages) {
    const prov = code.slice(0, 2);
    const reg = code.slice(0, 5);
    (byProvince.get(prov) ?? byProvince.set(prov, []).get(prov)!).push(code);
    (byRegency.get(reg) ?? byRegency.set(reg, []).get(reg)!).push(code);
  }
  const provinces = [...byProvince.keys()];
  const rng: Rng = mulberry32(o.seed);
  const hotTotal = HOT_REGENCIES.reduce((s, [, w]) => s + w, 0);
  const pickVillage = (): string => {
    const r = rng();
    if (r < 0.5) { // hot regencies
      let x = rng() * hotTotal;
      for (const [reg, w] of HOT_REGENCIES) { x -= w; if (x < 0) return pick(rng, byRegency.get(reg)!); }
    }
    if (r < 0.51) return pick(rng, byRegency.get(SOPPENG)!);
    return pick(rng, byProvince.get(pick(rng, provinces))!);
  };
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const dayCache = new Map<number, string>();
  const day = (offset: number) => dayCache.get(offset) ?? dayCache.set(offset, addDays(today, offset)).get(offset)!;
  const at = (offset: number, minute: number) => `${day(offset)}T${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
  const createdAt = at(-740, 0);

  // 1. reporters: lodgings, companies (work reports) and private hosts, each with one clerk account
  const nOrgs = Math.max(50, Math.round(o.stays / 200));
  const orgs: Org[] = [];
  const orgCols = ['id', 'kind', 'lodging_type', 'name', 'address', 'village_code', 'phone', 'verified_at', 'verified_by', 'created_at'];
  const userCols = ['id', 'username', 'display_name', 'email', 'password_hash', 'role', 'agency_id', 'area_code', 'reporter_org_id', 'totp_secret', 'locale', 'active', 'failed_logins', 'locked_until', 'created_at', 'approval'];
  for (let i = 0; i < nOrgs; i++) {
    const r = rng();
    const kind: Org['kind'] = r < 0.8 ? 'lodging' : r < 0.9 ? 'company' : 'private';
    const org: Org = { id: uuid(0xb0000001, i), kind, village: pickVillage(), user: uuid(0xb0000002, i) };
    orgs.push(org);
    const name = kind === 'lodging' ? `${pick(rng, ['Hotel', 'Villa', 'Homestay', 'Wisma', 'Penginapan', 'Resort'])} Bench ${i}` : kind === 'company' ? `PT Bench Karya ${i}` : `Tuan Rumah Bench ${i}`;
    for (const s of sinks) {
      await s.add('reporter_orgs', orgCols, [org.id, kind, kind === 'lodging' ? 'hotel' : null, name, `Jalan Bench No. ${i}`, org.village, null, createdAt, null, createdAt]);
      await s.add('users', userCols, [org.user, `bench.reporter.${i}`, `Pelapor ${name}`, null, template.password_hash, 'reporter', null, null, org.id, null, 'id', 1, 0, null, createdAt, 'approved']);
    }
  }
  // a few popular lodgings take many guests: cumulative weights, picked by binary search
  const cumulative = new Float64Array(nOrgs);
  let acc = 0;
  for (let i = 0; i < nOrgs; i++) { acc += orgs[i]!.kind === 'lodging' ? 1 + 9 * rng() ** 3 : 0.6; cumulative[i] = acc; }
  const pickOrg = (): Org => {
    const x = rng() * acc;
    let lo = 0, hi = nOrgs - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid]! > x) hi = mid; else lo = mid + 1; }
    return orgs[lo]!;
  };
  log(`${nOrgs} reporters`);

  // 2. persons, their passports (5% renewed), name index, and their stays in time order
  const personCols = ['id', 'surname', 'given_names', 'sex', 'date_of_birth', 'nationality', 'created_at', 'updated_at', 'name_key'];
  const docCols = ['id', 'person_id', 'type', 'number', 'issuing_state', 'expiry_date', 'created_at'];
  const stayCols = ['id', 'receipt_number', 'receipt_group', 'person_id', 'document_id', 'lodging_id', 'region_code', 'arrival_date', 'arrival_time',
    'planned_departure', 'departure_date', 'room', 'permit_kind', 'permit_number', 'permit_valid_from', 'permit_valid_until', 'reported_by', 'created_at',
    'checked_out_at', 'checked_out_by', 'reported_surname', 'reported_given_names', 'reported_sex', 'reported_date_of_birth', 'reported_nationality',
    'reported_document_expiry', 'findings', 'audit_seq', 'cancelled_at', 'cancelled_by', 'cancel_reason', 'changed_at', 'report_kind'];
  const empCols = ['stay_id', 'position', 'worksite_address', 'worksite_village_code', 'lat', 'lng', 'work_permit_ref', 'period_from', 'period_until'];
  let stayNo = 0;
  let docNo = 0;
  let present = 0;
  const staysFor = (p: number) => {
    const left = o.stays - stayNo;
    const personsLeft = o.persons - p;
    if (personsLeft <= 1) return left;
    const mean = left / personsLeft;
    return Math.max(1, Math.min(left - (personsLeft - 1), Math.round(mean * (0.2 + 1.6 * rng()))));
  };
  // full names (with their key and search tokens) are drawn once into a pool the persons share:
  // names repeat, as common names do, and the normaliser runs once per pool entry
  const pool = Array.from({ length: Math.max(1000, Math.round(o.persons / 8)) }, () => {
    const person = makePerson(rng);
    const surname = person.parts.filter((x) => x.kind === 'surname' || x.kind === 'connector').map((x) => x.forms[0]).join(' ') || person.parts.at(-1)!.forms[0]!;
    const given = person.parts.filter((x) => x.kind === 'given' || x.kind === 'middle').map((x) => x.forms[0]).join(' ');
    const name = { surname, given_names: given };
    return { surname, given, nationality: countries.has(person.nationality) ? person.nationality : 'GBR', key: personNameKey(name), tokens: personSearchTokens(name) };
  });
  log(`${pool.length} distinct names drawn (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  let lastLog = performance.now();
  for (let p = 0; p < o.persons; p++) {
    const { surname, given, nationality, key, tokens } = pool[Math.floor(rng() * pool.length)]!;
    const child = rng() < 0.05;
    const dob = day(-((child ? randInt(rng, 2, 17) : randInt(rng, 19, 75)) * 365 + randInt(rng, 0, 364)));
    const sex = rng() < 0.56 ? 'M' : 'F';
    const pid = uuid(0xb0000003, p);
    for (const s of sinks) {
      await s.add('persons', personCols, [pid, surname, given, sex, dob, nationality, createdAt, createdAt, key]);
      for (const token of tokens) await s.add('person_name_tokens', ['token', 'person_id'], [token, pid]);
    }
    // passports: one, or an old one and its renewal (same person, new number)
    const docs: { id: string; expiry: string; from: number }[] = [];
    const renewed = rng() < 0.05;
    const renewalDay = renewed ? -randInt(rng, 30, 700) : 0;
    if (renewed) docs.push({ id: uuid(0xb0000004, docNo++), expiry: day(renewalDay + randInt(rng, 0, 30)), from: -10_000 });
    docs.push({ id: uuid(0xb0000004, docNo++), expiry: day(renewalDay + randInt(rng, 60, 3600)), from: renewed ? renewalDay : -10_000 });
    for (const [j, d] of docs.entries()) {
      const number = `${j === docs.length - 1 ? 'N' : 'O'}${String(docNo).padStart(9, '0')}`;
      for (const s of sinks) await s.add('person_documents', docCols, [d.id, pid, 'passport', number, nationality, d.expiry, createdAt]);
    }
    // stays one after another from a start within the two years; a person's last may be present now
    const n = staysFor(p);
    let arrival = -randInt(rng, 0, 729);
    for (let k = 0; k < n; k++) {
      const org = pickOrg();
      const reportKind = org.kind === 'lodging' ? 'lodging' : org.kind === 'company' ? 'work' : 'residence';
      const nights = reportKind === 'lodging' ? (rng() < 0.85 ? randInt(rng, 1, 6) : randInt(rng, 7, 30)) : randInt(rng, 60, 365);
      const planned = arrival + nights;
      const stillOpen = rng() < 0.003; // a forgotten check-out
      const departed = planned <= 0 && !stillOpen;
      const cancelled = rng() < 0.003;
      if (!departed && !cancelled) present++;
      const doc = docs.length > 1 && arrival >= docs[1]!.from ? docs[1]! : docs[0]!;
      const permitKind: PermitKind = reportKind === 'work' ? 'itas' : reportKind === 'residence' ? (rng() < 0.7 ? 'itas' : 'itap')
        : visitPermit(rng, ASEAN.has(nationality));
      const permit = permitOf(rng, permitKind, arrival, day);
      let validUntil = permit.validUntil;
      if (validUntil && validUntil < day(planned)) validUntil = day(planned + randInt(rng, 0, 60)); // extended to cover the stay
      if (!departed && !cancelled && validUntil && rng() < 0.03) validUntil = day(-randInt(rng, 1, 90)); // overstaying now
      const minute = randInt(rng, 6 * 60, 23 * 60);
      const created = at(arrival, minute);
      const out = departed ? at(planned, randInt(rng, 7 * 60, 13 * 60)) : null;
      const late = rng() < 0.02;
      const sid = uuid(0xb0000005, stayNo);
      const receipt = `STTP/BENCH/${String(stayNo).padStart(8, '0')}`;
      stayNo++;
      for (const s of sinks) {
        await s.add('stays', stayCols, [sid, receipt, receipt, pid, doc.id, org.id, org.village, day(arrival), created.slice(11, 16),
          day(planned), departed ? day(planned) : null, reportKind === 'lodging' ? String(randInt(rng, 101, 420)) : null, permit.kind, permit.number,
          permit.validFrom, validUntil, org.user, created, out, out ? org.user : null, surname, given, sex, dob, nationality, doc.expiry,
          late ? '["late_report"]' : '[]', null, cancelled ? created : null, cancelled ? org.user : null, cancelled ? 'salah input' : null,
          out ?? created, reportKind]);
        if (reportKind === 'work') {
          await s.add('stay_employments', empCols, [sid, pick(rng, ['Teknisi', 'Manajer', 'Pengawas', 'Insinyur', 'Juru masak']), `Lokasi kerja ${org.id.slice(-6)}`,
            org.village, -5 + rng(), 119 + rng(), `IMTA-${stayNo}`, day(arrival), day(planned)]);
        }
      }
      arrival = planned + randInt(rng, 3, 120);
      if (arrival > 0) arrival = -randInt(rng, 0, 729); // next visit: anywhere in the window
    }
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  ${p + 1} persons, ${stayNo} stays, ${present} present (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  for (const s of sinks) await s.flush();
  log(`rows stored in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${o.persons} persons, ${docNo} passports, ${stayNo} stays, ${present} present`);

  if (sqlite) {
    sqlite.exec('commit');
    for (const def of sqliteIndexes) sqlite.exec(def);
    log(`SQLite indexes built at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    sqlite.prepare('insert or replace into settings (key, value) values (?, ?)').run(MARKER_KEY, marker(o));
    sqlite.exec('analyze');
    sqlite.pragma('journal_mode = WAL');
    sqlite.close();
    log(`SQLite ready (${sqlitePath()}) at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (client) {
    await client.query('set maintenance_work_mem = \'512MB\'');
    for (const def of pgIndexes) await client.query(def);
    await client.query('insert into settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value', [MARKER_KEY, marker(o)]);
    await client.query('vacuum analyze'); // and the visibility map, so index-only scans work as on a settled database
    await client.end();
    log(`PostgreSQL ready (sinergi_bench) at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

/** Generates what is missing for the given databases. */
export async function ensureGenerated(kinds: ('sqlite' | 'pg')[], o: GenOptions, log = console.log): Promise<void> {
  const missing: ('sqlite' | 'pg')[] = [];
  for (const k of kinds) { if (await cached(k, o)) log(`${k}: generated data of seed ${o.seed} (${o.persons} persons, ${o.stays} stays) already there`); else missing.push(k); }
  if (missing.length) await generate(missing, o, log);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname;
if (isMain) {
  const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1]! : fallback; };
  const db = arg('db', 'both');
  const kinds = db === 'both' ? ['sqlite', 'pg'] as const : [db === 'pg' || db === 'postgres' ? 'pg' : 'sqlite'] as const;
  await ensureGenerated([...kinds], { seed: Number(arg('seed', '20261130')), persons: Number(arg('persons', '1000000')), stays: Number(arg('stays', '5000000')) });
}
