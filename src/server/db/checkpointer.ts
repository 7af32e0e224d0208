import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// SQLite's automatic checkpoint runs inside the commit that crosses the threshold, on the
// thread that commits: it copies the WAL into the database file and fsyncs both, which blocks
// the event loop for milliseconds (tens on a busy disk) every few hundred check-ins. Here the
// app's connection does no checkpoints (wal_autocheckpoint = 0) and a worker thread with its
// own connection runs PASSIVE ones a few times a second: they never wait for or block the
// writer, and the WAL restarts from its beginning once a checkpoint has caught up.
// Durability is unchanged: synchronous = NORMAL already syncs the WAL only at checkpoints.

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.module);
const db = new Database(workerData.file);
const checkpoint = () => {
  try {
    // a WAL that never caught up (writes without a pause) is truncated, waiting briefly for the writer
    const big = fs.statSync(workerData.file + '-wal', { throwIfNoEntry: false })?.size > workerData.maxWalBytes;
    if (big) db.pragma('busy_timeout = 1000');
    db.pragma(big ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
    if (big) db.pragma('busy_timeout = 0');
  } catch { /* busy: the next tick tries again */ }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.postMessage('closed'); });
`;

export interface Checkpointer { stop(): Promise<void> }

/** Starts checkpointing `file` off the main thread; the caller sets wal_autocheckpoint = 0 on its connection. */
export function startCheckpointer(file: string, options: { everyMs?: number; maxWalBytes?: number } = {}): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: options.everyMs ?? 200, maxWalBytes: options.maxWalBytes ?? 256 * 1024 * 1024 },
  });
  worker.unref(); // never keeps a CLI command or a test alive
  worker.on('error', (err) => console.error('sinergi: SQLite checkpointer stopped:', err));
  let stopped: Promise<void> | null = null;
  return {
    stop: () => (stopped ??= new Promise<void>((done) => {
      worker.once('message', () => void worker.terminate().then(() => done()));
      worker.once('exit', () => done());
      worker.postMessage('stop');
    })),
  };
}
