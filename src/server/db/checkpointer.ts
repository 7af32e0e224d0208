import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// SQLite's automatic checkpoint runs inside the commit that crosses the threshold, on the
// thread that commits: it copies the WAL into the database file and fsyncs both, which blocks
// the event loop for milliseconds (tens on a busy disk) every few hundred check-ins. Here the
// app's connection does no checkpoints (wal_autocheckpoint = 0) and a worker thread with its
// own connection runs PASSIVE ones a few times a second: they never wait for or block the
// writer. Durability is unchanged: synchronous = NORMAL already syncs the WAL only at checkpoints.
//
// The WAL starts over from its beginning only when a write begins after a checkpoint has
// copied all of it. Under a steady write load that never happened: every checkpoint was
// overtaken by the next commits, and the WAL grew by ~50 MB a second of check-ins (a GB in a
// 20-second run), each commit extending the file and each read searching a longer WAL index.
// So the writer asks for a restart now and then (restartPoint): the worker first copies the
// WAL while writes go on (again, while a copy was long), then copies the few commits made
// meanwhile while the writer holds its next group back for that moment (a few milliseconds:
// requests keep arriving and join the group). The next write then restarts the WAL.
// Every transaction asks for the restart point before its BEGIN (sqlite-dialect.ts), so the rule
// alerts and the event relay restart it too; the write group asks before it gathers a group.
// An import chunk commits tens of MB at once, more than a 50 ms wait lets the worker copy, and
// the WAL grew to a GB over an import: after each chunk the import asks the worker to catch up
// (catchUp) while it screens the chunk, so the next chunk waits only for what came after.

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
parentPort.on('message', (msg) => {
  if (msg === 'checkpoint') { const start = Date.now(); checkpoint(); parentPort.postMessage({ checkpointedMs: Date.now() - start }); return; }
  clearInterval(timer); checkpoint(); db.close(); parentPort.postMessage('closed');
});
`;

/** How often, under writes, the WAL is brought to a restart: about 15 MB of check-ins. */
const RESTART_EVERY_MS = 250;
/**
 * A copy this quick left little behind it, and the writer may wait for the next; a longer one is
 * followed by another while writes go on, up to MAX_PASSES (15 s run: the writer's waits went
 * from 5/11/16 ms median/p90/max after a single copy to 5/8/10).
 */
const QUICK_COPY_MS = 3;
const MAX_PASSES = 4;
/** The longest the writer waits for the worker's last copy. */
const MAX_PAUSE_MS = 50;

export interface Checkpointer {
  /**
   * Called by the writer before a write. Null to go on; a promise to wait for first, while
   * the worker copies what the last moments added (the write after it restarts the WAL).
   */
  restartPoint(): Promise<void> | null;
  /**
   * Called by a long writer (an import) right after a big commit: the worker copies it while
   * the writer does other work, and the writer's next restartPoint waits only for what was
   * committed after it. Resolves once the copy is done.
   */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts checkpointing `file` off the main thread; the caller sets wal_autocheckpoint = 0 on its connection. */
export function startCheckpointer(file: string, options: { everyMs?: number; restartEveryMs?: number; maxPauseMs?: number } = {}): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: options.everyMs ?? 200 },
  });
  worker.unref(); // never keeps a CLI command or a test alive
  const restartEveryMs = options.restartEveryMs ?? RESTART_EVERY_MS;
  const maxPauseMs = options.maxPauseMs ?? MAX_PAUSE_MS;
  // idle → copying (checkpoints while writes go on) → copied → finishing (writes wait) → idle
  let phase: 'idle' | 'copying' | 'copied' | 'finishing' = 'idle';
  let lastRestart = Date.now();
  let stopped: Promise<void> | null = null;
  let releaseWriter: (() => void) | null = null;
  // the worker answers its checkpoint requests in order, each with how long the copy took
  const answers: ((copiedMs: number) => void)[] = [];
  // once the worker has failed or exited, nothing waits for it: every request is answered at once
  let gone = false;
  const goneNow = () => {
    gone = true;
    for (const answer of answers.splice(0)) answer(0);
    releaseWriter?.();
  };
  const checkpoint = () => new Promise<number>((done) => {
    if (gone) { done(0); return; }
    answers.push(done);
    worker.postMessage('checkpoint');
  });
  worker.on('error', (err) => { goneNow(); console.error('sinergi: SQLite checkpointer stopped:', err); });
  worker.once('exit', goneNow);
  worker.on('message', (msg: { checkpointedMs?: number } | string) => {
    if (typeof msg === 'object' && msg.checkpointedMs !== undefined) answers.shift()?.(msg.checkpointedMs);
  });
  // a long copy let many commits in behind it: copy again, so that the writes wait only for a short last one
  let copying: Promise<void> | null = null;
  const copy = () => (copying ??= (async () => {
    for (let pass = 1; pass <= MAX_PASSES; pass++) if (await checkpoint() <= QUICK_COPY_MS) break;
    copying = null;
    if (phase === 'copying') phase = 'copied';
  })());
  return {
    restartPoint() {
      if (stopped || gone) return null;
      if (phase === 'idle' && Date.now() - lastRestart >= restartEveryMs) { phase = 'copying'; void copy(); return null; }
      if (phase !== 'copied') return null;
      phase = 'finishing';
      const finished = checkpoint().then(() => { phase = 'idle'; lastRestart = Date.now(); });
      // never held longer than this, should the worker be slow or gone (or stopped meanwhile)
      return new Promise<void>((done) => {
        const release = () => { if (releaseWriter === release) releaseWriter = null; done(); };
        releaseWriter = release;
        void finished.then(release);
        setTimeout(release, maxPauseMs).unref();
      });
    },
    catchUp() {
      if (stopped || gone) return Promise.resolve();
      if (phase === 'idle' || phase === 'copied') phase = 'copying';
      return copy();
    },
    stop: () => (stopped ??= new Promise<void>((done) => {
      releaseWriter?.();
      worker.ref(); // its last checkpoint is waited for: the process must not end before it
      worker.on('message', (msg) => { if (msg === 'closed') void worker.terminate().then(() => done()); });
      worker.once('exit', () => done());
      worker.postMessage('stop');
    })),
  };
}
