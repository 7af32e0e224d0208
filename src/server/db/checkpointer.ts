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
const Database = require(workerData.module);
const db = new Database(workerData.file);
const checkpoint = () => {
  // PASSIVE only: it copies what it can and never takes the writer's lock. (TRUNCATE or RESTART
  // would, and a check-in that read first and then writes would fail at once with "database is
  // locked".) Once a checkpoint has copied everything, the next write starts the WAL over, and
  // the app's journal_size_limit cuts the file back.
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* the next tick tries again */ }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.postMessage('closed'); });
`;

export interface Checkpointer { stop(): Promise<void> }

/** Starts checkpointing `file` off the main thread; the caller sets wal_autocheckpoint = 0 on its connection. */
export function startCheckpointer(file: string, options: { everyMs?: number } = {}): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: options.everyMs ?? 200 },
  });
  worker.unref(); // never keeps a CLI command or a test alive
  worker.on('error', (err) => console.error('sinergi: SQLite checkpointer stopped:', err));
  let stopped: Promise<void> | null = null;
  return {
    stop: () => (stopped ??= new Promise<void>((done) => {
      worker.ref(); // its last checkpoint is waited for: the process must not end before it
      worker.once('message', () => void worker.terminate().then(() => done()));
      worker.once('exit', () => done());
      worker.postMessage('stop');
    })),
  };
}
