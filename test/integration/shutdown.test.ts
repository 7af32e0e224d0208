import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Stopping cleanly. The SQLite checkpointer and read workers are unref'd threads: a close that
// waited for them with nothing else keeping the process alive ended with Node's "unsettled
// await" (exit code 13) before the close had finished, and every bench exited with 13.

const freePort = () => new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
});

describe('server shutdown', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-shutdown-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('closes the app and its database with nothing else alive in the process', async () => {
    const closing = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/close-server.ts'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    closing.stdout.on('data', (d) => { out += d; });
    closing.stderr.on('data', (d) => { out += d; });
    expect(await new Promise((resolve) => closing.on('exit', resolve)), out).toBe(0);
    expect(out).toContain('closed');
  }, 60_000);

  it('stops on SIGTERM with exit code 0 (the server as an operator runs it)', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, SINERGI_DATA_DIR: dataDir, PORT: String(port), SINERGI_LOG: 'false', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    let up = false;
    for (let i = 0; i < 300 && !up; i++) {
      await new Promise((r) => setTimeout(r, 100));
      up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    }
    expect(up, stderr).toBe(true);
    server.kill('SIGTERM');
    expect(await exited, stderr).toBe(0);
  }, 60_000);
});
