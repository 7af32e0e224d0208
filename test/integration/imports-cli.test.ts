import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { guestRows, HEADERS, toCsv, withBadRows } from '../fixtures/guest-file';

const run = promisify(execFile);

// `npm run cli -- import stays` as an operator runs it: a separate process on the data directory.
describe('import stays command', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-import-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'stays', ...args], { env: { ...process.env, SINERGI_DATA_DIR: dataDir, NODE_ENV: 'test' } })
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }), (err: { code: number; stdout: string; stderr: string }) => err);

  it('dry-runs, imports, and stores nothing the second time; a bad file fails', async () => {
    const app = await buildApp(loadConfig({ NODE_ENV: 'test', SINERGI_DATA_DIR: dataDir, SINERGI_LOG: 'false' }));
    await app.close();
    const db = new SQLite(path.join(dataDir, 'sinergi.sqlite'));
    const lodging = (db.prepare("select id from reporter_orgs where name = 'Villa Lejja Indah'").get() as { id: string }).id;
    const count = () => (db.prepare('select count(*) as n from stays where lodging_id = ?').get(lodging) as { n: number }).n;
    const before = count();

    const file = withBadRows(100, { prefix: 'CL' });
    // the "already present" guest is not checked in here: that row is stored, 19 are refused
    const csv = path.join(dataDir, 'tamu.csv');
    // one header renamed: the mapping flag names it (by header) and another by column number
    const headers = HEADERS.map((h) => (h === 'Kamar' ? 'Unit' : h));
    fs.writeFileSync(csv, toCsv(headers, file.rows, ','));

    const dry = await cli([csv, '--lodging', lodging, '--dry-run', '--mapping', 'Unit=room,1=surname', '--lang', 'en']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, rows: 100, wouldStore: 81, failed: 19 });
    expect(dry.stderr).toContain('as villa.lejja');
    expect(dry.stderr).toContain('Unit→room');
    expect(dry.stderr).toMatch(/row \d+, Kewarganegaraan: Unknown country/);
    expect(count()).toBe(before);

    const done = await cli([csv, '--lodging', lodging, '--mapping', 'Unit=room']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ stored: 81, failed: 19, skipped: 0 });
    expect(done.stderr).toContain('importing: 100/100 (100%)');
    expect(count()).toBe(before + 81);
    const audit = db.prepare("select actor_username, detail from audit_log where action = 'import.upload' order by seq desc limit 1").get() as { actor_username: string; detail: string };
    expect(audit.actor_username).toBe('villa.lejja');
    expect(JSON.parse(audit.detail).via).toMatch(/^cli/);

    const again = await cli([csv, '--lodging', lodging, '--mapping', 'Unit=room']);
    expect(JSON.parse(again.stdout)).toMatchObject({ stored: 0, skipped: 81 });
    expect(count()).toBe(before + 81);

    // an officer of another area may not import for this lodging; an empty file fails naming it
    const makassar = await cli([csv, '--lodging', lodging, '--as', 'hotel.makassar']);
    expect(makassar.code).toBe(1);
    const empty = path.join(dataDir, 'kosong.csv');
    fs.writeFileSync(empty, '');
    const failed = await cli([empty, '--lodging', lodging, '--lang', 'en']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('kosong.csv: file: The file is empty');
    fs.writeFileSync(csv, toCsv(HEADERS, guestRows(2, { prefix: 'CM' })));
    expect((await cli([csv, '--lodging', lodging, '--mapping', 'Nope=surname'])).code).toBe(1);

    // a workbook is read on a worker thread: the command still stores it and exits
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Tamu');
    sheet.addRow(HEADERS);
    for (const r of guestRows(3, { prefix: 'CX' })) sheet.addRow(r);
    const xlsx = path.join(dataDir, 'tamu.xlsx');
    fs.writeFileSync(xlsx, Buffer.from(await book.xlsx.writeBuffer()));
    const workbook = await cli([xlsx, '--lodging', lodging]);
    expect(workbook.code, workbook.stderr).toBe(0);
    expect(JSON.parse(workbook.stdout)).toMatchObject({ stored: 3, failed: 0 });
    db.close();
  }, 120_000);
});
