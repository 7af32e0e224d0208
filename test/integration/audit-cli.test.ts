import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';

const run = promisify(execFile);

// `npm run cli -- audit verify` as an operator runs it: a separate process on the data directory.
describe('audit verify command', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-audit-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const cli = () => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify'], { env: { ...process.env, SINERGI_DATA_DIR: dataDir } });

  it('passes on an intact chain and fails naming the first edited entry', async () => {
    const app = await buildApp(loadConfig({ NODE_ENV: 'test', SINERGI_DATA_DIR: dataDir, SINERGI_LOG: 'false' }));
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hotel.maryam', password: 'sinergi-demo' } });
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hotel.maryam', password: 'wrong' } });
    await app.close();

    const ok = await cli();
    expect(ok.stdout).toMatch(/audit chain ok: \d+ entries verified/);

    const db = new SQLite(path.join(dataDir, 'sinergi.sqlite'));
    db.prepare("update audit_log set actor_username = 'someone-else' where seq = 2").run();
    db.close();
    const failed = await cli().then(() => null, (err: { code: number; stderr: string }) => err);
    expect(failed).not.toBeNull();
    expect(failed!.code).toBe(1);
    expect(failed!.stderr).toContain('BROKEN at entry 2');
  });
});
