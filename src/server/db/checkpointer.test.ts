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
const ROWS_PER_WRITE = 100; // about 100 KB a write, 24 MB in all

function openWal(dir: string) {
  const file = path.join(dir, 'wal.sqlite');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('create table rows (id integer primary key, body text not null)');
  return { db, file, insert: db.prepare('insert into rows (body) values (?)') };
}

/** Writes as the write group does: each write asks for a restart point first. */
async function steadyWrites(db: SQLite.Database, insert: SQLite.Statement, restartPoint: () => Promise<void> | null) {
  const write = db.transaction(() => { for (let i = 0; i < ROWS_PER_WRITE; i++) insert.run(ROW); });
  for (let w = 0; w < WRITES; w++) {
    const pause = restartPoint();
    if (pause) await pause;
    write();
    await new Promise((turn) => setImmediate(turn)); // the worker's answers arrive between writes
  }
}

describe('SQLite checkpointer', () => {
  const dirs: string[] = [];
  const tempDir = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-wal-')); dirs.push(d); return d; };
  afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

  it('brings the WAL back to its start under steady writes, and keeps every row', async () => {
    const { db, file, insert } = openWal(tempDir());
    const checkpointer = startCheckpointer(file, { restartEveryMs: 0 });
    let paused = 0;
    await steadyWrites(db, insert, () => {
      const pause = checkpointer.restartPoint();
      if (pause) paused++;
      return pause;
    });
    expect(paused).toBeGreaterThan(1);
    // the WAL holds the writes since its last restart (frames of 4 KiB pages), not all of them
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    const written = WRITES * ROWS_PER_WRITE * ROW.length;
    expect(log * 4096).toBeLessThan(written / 4);
    expect(db.prepare('select count(*) as n from rows').get()).toEqual({ n: WRITES * ROWS_PER_WRITE });
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
