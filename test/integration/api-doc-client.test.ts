import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '../fixtures/server';

// docs/api.md promises "a complete client in curl": hotel software's developer copies it and runs
// it. This runs that block as written (bash, curl, jq) against a listening server, stopping at the
// first command that fails, and checks what each step prints.

const run = promisify(execFile);

/** The first ```sh block after the heading line that introduces the curl client. */
function curlClient(): string {
  const doc = fs.readFileSync('docs/api.md', 'utf8');
  const from = doc.indexOf('A complete client in curl');
  expect(from, 'docs/api.md introduces its curl client').toBeGreaterThan(0);
  const block = /```sh\n([\s\S]*?)```/.exec(doc.slice(from));
  expect(block, 'the curl client is a ```sh block').not.toBeNull();
  return block![1]!;
}

describe('the curl client of docs/api.md, run as written', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer({ listen: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-curl-'));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('signs in, makes a key, checks a guest and a family in, replays, reconciles, checks out, fetches the PDF and revokes the key', async () => {
    const script = curlClient();
    expect(script.split('\n')[0]).toBe('S=http://localhost:3000');
    // and, as the doc says, the revoked key no longer works
    const body = `${script.replace(/^S=.*$/m, `S=${server.url}`)}curl -s -o /dev/null -w '%{http_code}\\n' -H "$A" $S/api/v1/stays\n`;
    const { stdout } = await run('bash', ['-e', '-o', 'pipefail', '-c', body], { cwd: dir, timeout: 60_000 });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('true'); // stays:validate: no problem
    expect(lines[1]).toBe('1'); // the batch stored its one item, the family
    expect(lines[2]).toMatch(/^"STTP\/73\.12\/\d{8}\/\d{6}"$/); // the family's receipt
    expect(lines[3]).toMatch(/^idempotent-replayed: true/i); // the replay
    expect(lines[4]).toBe('409'); // the same key with another body
    const since = JSON.parse(lines.slice(5, lines.indexOf('false')).join('\n')) as { items: { receiptNumber: string }[]; nextCursor: unknown };
    const family = JSON.parse(lines[2]!) as string;
    // the reconciliation lists the guest and the three of the family, each member under the family's receipt
    expect(since.items.map((i) => i.receiptNumber)).toEqual(expect.arrayContaining([family, `${family}-2`, `${family}-3`]));
    expect(since.nextCursor).toBeNull();
    expect(lines.at(-3)).toBe('false'); // checked out: no longer present
    expect(lines.at(-2)).toMatch(/^"\d{4}-\d{2}-\d{2}T/); // the key's revokedAt
    expect(lines.at(-1)).toBe('401'); // the revoked key
    expect(fs.readFileSync(path.join(dir, 'receipt.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 90_000);
});
