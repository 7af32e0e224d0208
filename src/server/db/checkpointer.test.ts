import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';

// The WAL under a steady write load: without restart points every checkpoint was overtaken by
// the next commits and the WAL file grew by everything written (24 MB here); with them it starts over.

const ROW = 'x'.repeat(1000);
const WRITES = 240;
const ROWS_PER_WRITE = 100; // about 100 KB a write, 24 MB for WRITES

function openWal(dir: string) {
  const file = path.join(dir, 'wal.sqlite');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('create table rows (id integer primary key, body text not null)');
  return { db, file, insert: db.prepare('insert into rows (body) values (?)') };
}

describe('SQLite checkpointer', () => {
  const dirs: string[] = [];
  const tempDir = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-wal-')); dirs.push(d); return d; };
  afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

  it('brings the WAL back to its start under steady writes, and keeps every row', async () => {
    const { db, file, insert } = openWal(tempDir());
    // no cap on the wait here: on a loaded CI machine a copy may take longer than the server's 50 ms
    const checkpointer = startCheckpointer(file, { restartEveryMs: 0, maxPauseMs: 60_000 });
    const write = db.transaction(() => { for (let i = 0; i < ROWS_PER_WRITE; i++) insert.run(ROW); });
    // writes as the write group makes them, each asking for a restart point first, until at
    // least WRITES are done and three restarts have happened; it stops right after the write
    // that followed a restart point
    let writes = 0;
    let restarts = 0;
    const deadline = Date.now() + 45_000;
    for (;;) {
      const pause = checkpointer.restartPoint();
      if (pause) { await pause; restarts++; }
      write();
      writes++;
      if ((pause && restarts >= 3 && writes >= WRITES) || Date.now() > deadline) break;
      await new Promise((turn) => setImmediate(turn)); // the worker's answers arrive between writes
    }
    expect(restarts).toBeGreaterThanOrEqual(3);
    // the WAL started over with the last write: it holds that write's pages (frames of 4 KiB), not all of them
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(log * 4096).toBeLessThan(3 * ROWS_PER_WRITE * ROW.length);
    expect(db.prepare('select count(*) as n from rows').get()).toEqual({ n: writes * ROWS_PER_WRITE });
    await checkpointer.stop();
    db.close();
  }, 60_000);

  it('catches up with a big commit while the writer does other work, so that its next write restarts the WAL', async () => {
    const { db, file, insert } = openWal(tempDir());
    const checkpointer = startCheckpointer(file, { restartEveryMs: 60_000, maxPauseMs: 60_000 });
    const bigWrite = db.transaction(() => { for (let i = 0; i < 20 * ROWS_PER_WRITE; i++) insert.run(ROW); }); // about 2 MB, as an import chunk
    for (let chunk = 0; chunk < 3; chunk++) {
      const pause = checkpointer.restartPoint();
      if (chunk > 0) expect(pause).not.toBeNull(); // the copy is done: only its last moments are left to wait for
      if (pause) await pause;
      bigWrite();
      await checkpointer.catchUp();
    }
    // each chunk after the first restarted the WAL: it holds one chunk, not three
    const walBytes = fs.statSync(`${file}-wal`).size;
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(log * 4096).toBeLessThan(1.5 * 20 * ROWS_PER_WRITE * ROW.length);
    expect(walBytes).toBeLessThan(1.5 * 4096 * log + 65_536);
    expect(db.prepare('select count(*) as n from rows').get()).toEqual({ n: 3 * 20 * ROWS_PER_WRITE });
    await checkpointer.stop();
    db.close();
  }, 60_000);

  it('stops while the writer waits at a restart point, and lets it go on', async () => {
    const { db, file, insert } = openWal(tempDir());
    const checkpointer = startCheckpointer(file, { restartEveryMs: 0 });
    insert.run(ROW);
    expect(checkpointer.restartPoint()).toBeNull(); // the first copy runs while writes go on
    let pause: Promise<void> | null = null;
    for (let i = 0; i < 200 && !pause; i++) {
      await new Promise((turn) => setTimeout(turn, 5));
      pause = checkpointer.restartPoint();
    }
    expect(pause).not.toBeNull();
    await Promise.all([checkpointer.stop(), pause]);
    expect(checkpointer.restartPoint()).toBeNull();
    db.close();
  }, 60_000);
});
