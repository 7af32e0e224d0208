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

describe('users create-admin and audit checkpoints', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bootstrap-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const cli = (args: string[], stdin = '') => {
    const pending = run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, SINERGI_DATA_DIR: dataDir, NODE_ENV: 'test' } });
    pending.child.stdin!.end(stdin);
    return pending.then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }), (err: { code: number; stdout: string; stderr: string }) => err);
  };

  it('creates the first administrator once, then proves the log still holds each signed checkpoint', async () => {
    expect((await cli(['users', 'create-admin', 'kepala.admin'], 'short\n')).code).toBe(1);
    const created = await cli(['users', 'create-admin', 'kepala.admin'], 'a-long-password\n');
    expect(created.code).toBe(0);
    const again = await cli(['users', 'create-admin', 'kedua.admin'], 'a-long-password\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('an administrator already exists');

    const checkpoint = await cli(['audit', 'checkpoint']);
    expect(checkpoint.code).toBe(0);
    const line = checkpoint.stdout.trim();
    expect(JSON.parse(line)).toMatchObject({ seq: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.any(String) });
    const file = path.join(dataDir, 'checkpoints.jsonl');
    fs.writeFileSync(file, `${line}\n`);
    expect((await cli(['audit', 'verify', '--checkpoints', file])).stdout).toContain('all 1 checkpoints contained');

    // remove the whole log and its head: the chain alone has nothing to complain about
    const db = new SQLite(path.join(dataDir, 'sinergi.sqlite'));
    db.prepare('delete from audit_log').run();
    db.prepare("delete from settings where key = 'audit_head'").run();
    db.close();
    expect((await cli(['audit', 'verify'])).code).toBe(0);
    const failed = await cli(['audit', 'verify', '--checkpoints', file]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('checkpoint 1 (entry 1) NOT CONTAINED');
  });
});
