import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/log';
import { importWatchlist } from '../../src/server/features/watchlists/import';
import { dialectMatrix, openScratchDatabase, type ScratchDb } from '../fixtures/scratch-db';

const run = promisify(execFile);

// Synthetic people only (names and documents invented). Version 1 of a DPO list, then version 2: one entry's aliases change,
// one leaves the list, one joins it.
const person = (id: string, properties: Record<string, string[]>) => JSON.stringify({ id, schema: 'Person', properties });
const V1 = [
  person('dpo-001', { name: ['Сергей Волков'], alias: ['Sergei Volkov'], birthDate: ['1981-07-14'], nationality: ['ru'], topics: ['wanted'] }),
  person('dpo-002', { name: ['Contoh Tiga Orang'], birthDate: ['1990'], nationality: ['my'] }),
  person('dpo-003', { name: ['Дмитрий Соколов'], birthDate: ['1972-02-02'], nationality: ['ua'] }),
  JSON.stringify({ id: 'co-1', schema: 'Company', properties: { name: ['PT Rekaan'] } }),
  '{not json',
].join('\n');
const V2 = [
  person('dpo-001', { name: ['Сергей Волков'], alias: ['Sergei Volkov', 'Sergey Volkoff'], birthDate: ['1981-07-14'], nationality: ['ru'], topics: ['wanted'] }),
  person('dpo-003', { name: ['Дмитрий Соколов'], birthDate: ['1972-02-02'], nationality: ['ua'] }),
  person('dpo-004', { name: ['Rekaan Keempat'], birthDate: ['1985-05-05'], nationality: ['nz'] }),
].join('\n');

describe.each(dialectMatrix())('watchlist import and screening (%s)', (kind) => {
  let scratch: ScratchDb;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-watch-'));
  beforeAll(async () => { scratch = await openScratchDatabase(kind); });
  afterAll(async () => { await scratch.dispose(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('imports a list, re-imports it as version 2 without duplicates, and keeps both versions', async () => {
    const db = scratch.db.kysely;
    const progress: [number, number][] = [];
    const first = await importWatchlist(db, V1, { list: 'DPO Bali', kind: 'dpo', source: 'Polda (synthetic)', sourceFile: 'v1.jsonl', onProgress: (d, t) => progress.push([d, t]) });
    expect(first).toEqual({ list: 'DPO Bali', version: 1, added: 3, updated: 0, removed: 0, skipped: 1, errors: [{ line: 5, reason: 'not valid JSON' }] });
    expect(progress.at(-1)).toEqual([3, 3]);

    const second = await importWatchlist(db, V2, { list: 'DPO Bali', sourceFile: 'v2.jsonl' });
    expect(second).toEqual({ list: 'DPO Bali', version: 2, added: 1, updated: 1, removed: 1, skipped: 0, errors: [] });

    const entries = await db.selectFrom('watchlist_entries').select(['external_id', 'names', 'version', 'removed_at']).orderBy('external_id').execute();
    expect(entries.map((e) => [e.external_id, Number(e.version), e.removed_at !== null])).toEqual([
      ['dpo-001', 2, false], ['dpo-002', 2, true], ['dpo-003', 1, false], ['dpo-004', 2, false],
    ]);
    expect(JSON.parse(entries[0]!.names)).toEqual(['Сергей Волков', 'Sergei Volkov', 'Sergey Volkoff']);
    const versions = await db.selectFrom('watchlist_versions').select(['version', 'added', 'updated', 'removed', 'source_file']).orderBy('version').execute();
    expect(versions.map((v) => [Number(v.version), Number(v.added), Number(v.updated), Number(v.removed), v.source_file]))
      .toEqual([[1, 3, 0, 0, 'v1.jsonl'], [2, 1, 1, 1, 'v2.jsonl']]);
    const list = await db.selectFrom('watchlists').selectAll().executeTakeFirstOrThrow();
    expect([list.kind, list.source]).toEqual(['dpo', 'Polda (synthetic)']);

    // the same file again changes nothing
    expect(await importWatchlist(db, V2, { list: 'DPO Bali' })).toMatchObject({ version: 3, added: 0, updated: 0, removed: 0 });
    // an entry back on the list is restored, not added twice
    expect(await importWatchlist(db, V1, { list: 'DPO Bali' })).toMatchObject({ version: 4, added: 1, updated: 1, removed: 1 });
    const rows = await db.selectFrom('watchlist_entries').select(['external_id', 'removed_at']).orderBy('external_id').execute();
    expect(rows.map((r) => [r.external_id, r.removed_at !== null])).toEqual([['dpo-001', false], ['dpo-002', false], ['dpo-003', false], ['dpo-004', true]]);
    await importWatchlist(db, V2, { list: 'DPO Bali' });

    const audit = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'watchlist.import').orderBy('seq').execute();
    expect(audit).toHaveLength(5);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ list: 'DPO Bali', version: 2, added: 1, updated: 1, removed: 1 });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('screens people from a CSV in a child process: the transliterated wanted person gets a hit, a stranger none', async () => {
    const env = { ...process.env, NODE_ENV: 'test', ...(kind === 'sqlite' ? { SINERGI_DATA_DIR: path.dirname(scratch.db.url), DATABASE_URL: scratch.db.url } : { DATABASE_URL: scratch.db.url }) };
    const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env })
      .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }), (err: { code: number; stdout: string; stderr: string }) => err);

    // import through the CLI too: a local list from CSV
    const listFile = path.join(dir, 'local.csv');
    fs.writeFileSync(listFile, '\uFEFFid,name,aliases,birthDate,nationality,passportNumber,reason\r\nL-1,"Rekaan, Kelima",Kelima Rekaan,1966,gb,,"overstay ""serious"""\r\nL-2,,,,,,\r\n');
    const imported = await cli(['watchlist', 'import', listFile, '--list', 'Local Denpasar', '--kind', 'local']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout.trim())).toEqual({ list: 'Local Denpasar', version: 1, added: 1, updated: 0, removed: 0, skipped: 0, errors: [{ line: 3, reason: 'missing name' }] });
    expect(imported.stderr).toContain('1/1');

    const people = path.join(dir, 'people.csv');
    fs.writeFileSync(people, 'id,surname,givenNames,dateOfBirth,nationality,documentNumber\r\nG-1,VOLKOV,SERGEY,1981-07-14,RUS,C01X00T47\r\nG-2,SANTOSO,WAHYU,1995-01-01,IDN,\r\nG-3,SOKOLOV,DMITRIY,1972-02-02,UKR,\r\n');
    const screened = await cli(['screen', people]);
    expect(screened.code).toBe(0);
    const lines = screened.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; hits: { entity: string; list: string; score: number; strength: string; explanation: string }[] });
    expect(lines.map((l) => l.id)).toEqual(['G-1', 'G-2', 'G-3']);
    const [volkov, stranger, sokolov] = lines;
    expect(volkov!.hits).toHaveLength(1);
    expect(volkov!.hits[0]).toMatchObject({ entity: 'dpo-001', list: 'DPO Bali', strength: 'strong' });
    expect(volkov!.hits[0]!.score).toBeGreaterThanOrEqual(0.85);
    expect(volkov!.hits[0]!.explanation).toMatch(/VOLKOV/);
    expect(volkov!.hits[0]!.explanation).toMatch(/birth date equal/);
    expect(stranger!.hits).toEqual([]);
    // only the Cyrillic name is on the list for this one: found through transliteration
    expect(sokolov!.hits.map((h) => h.entity)).toEqual(['dpo-003']);
    expect(sokolov!.hits[0]!.explanation).toMatch(/SOKOLOV/);
    const trace = await scratch.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'watchlist.screen').execute();
    expect(trace.map((t) => JSON.parse(t.detail))).toEqual([{ file: 'people.csv', people: 3, withHits: 2, errors: 0 }]);

    // bad arguments and unreadable files fail with a message
    const missing = await cli(['watchlist', 'import', path.join(dir, 'nope.csv'), '--list', 'X']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    const noList = await cli(['watchlist', 'import', listFile]);
    expect(noList.code).toBe(1);
    expect(noList.stderr).toContain('usage');
    const badKind = await cli(['watchlist', 'import', listFile, '--list', 'X', '--kind', 'secret']);
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toContain('unknown --kind');
  });
});
