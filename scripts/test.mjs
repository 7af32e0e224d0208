#!/usr/bin/env node
// npm test: type check, unit + integration tests (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set), then the browser journeys against a freshly built web app.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (label, cmd, args) => {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
};

if (!process.env.TEST_DATABASE_URL) {
  console.warn('\n' + '!'.repeat(78) + '\n!! TEST_DATABASE_URL is not set: the PostgreSQL suite is SKIPPED; only SQLite runs.\n'
    + '!! Set it, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test\n' + '!'.repeat(78) + '\n');
}
run('type check', 'npx', ['tsc', '--noEmit', '-p', '.']);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-test-'));
const vitest = (label, file, extra) =>
  run(label, 'npx', ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, file)}`]);
vitest('unit and integration tests', 'unit.json', []);
run('build web app', 'npx', ['vite', 'build', '--logLevel', 'warn']);
vitest('browser tests (Chromium)', 'e2e.json', ['--config', 'vitest.e2e.config.ts']);

// One closing line over both runs, in the plain form CI reads.
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of ['unit.json', 'e2e.json']) {
  const r = JSON.parse(fs.readFileSync(path.join(reports, file), 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}
if (!process.env.TEST_DATABASE_URL) console.warn('\nReminder: the PostgreSQL suite was SKIPPED (TEST_DATABASE_URL not set).');
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
