import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WatchlistIndex } from '../../../domain/matching/index';
import type { Hit, MatchOptions, ScreeningQuery } from '../../../domain/matching/types';
import type { HelperRequest } from './match-worker';

// Screening many people at once on two threads: re-screening everyone present against the whole
// list is pure CPU (about a millisecond a person at 1,000,000 names), so a helper thread with its
// own copy of the index takes batches while this thread screens others. Batches are small and
// taken in turn, so a busy core slows one side only, and this thread's event loop gets a turn
// between them. The helper starts on first use and stops when idle, handing its memory back.

const BATCH = 25;
/** Fewer people than this are screened here (a report's few stays are not worth a thread). */
const MIN_PEOPLE = 100;
const IDLE_MS = 30_000;

// The worker runs TypeScript through tsx's API (a loader given to the process with --import
// does not reach an eval'd worker).
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  (await import(workerData.tsx)).register();
  await import(workerData.module);
})().catch((err) => { console.error('sinergi: match helper failed to start:', err); process.exit(1); });
`;

type Pending = { resolve: (hits: Hit[][]) => void; reject: (err: Error) => void };

export class MatchHelper {
  private worker: Worker | null = null;
  private holds: WatchlistIndex | null = null;
  private loading: Promise<void> | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 0;
  private idle: NodeJS.Timeout | null = null;
  private closed = false;
  /** The helper died on its own (failed to start, out of memory): screen here from then on. */
  private broken = false;
  private stopping = false;
  /** People the helper thread has screened (for tests and the benchmark). */
  helped = 0;

  /** threads: 0 screens everything on this thread (one core, or tests that want it so). */
  constructor(readonly threads = availableParallelism() > 1 ? 1 : 0) {}

  /** The hits of each query, in order. */
  async matchMany(index: WatchlistIndex, queries: ScreeningQuery[], options: MatchOptions): Promise<Hit[][]> {
    if (this.threads === 0 || this.closed || this.broken || queries.length < MIN_PEOPLE) return queries.map((q) => index.match(q, options));
    const out: Hit[][] = new Array(queries.length);
    let next = 0;
    const retry: number[] = []; // batches the helper failed to answer
    const take = (): [number, number] | null => {
      if (next >= queries.length) return null;
      const from = next;
      next = Math.min(queries.length, next + BATCH);
      return [from, next];
    };
    const helper = async () => {
      try {
        await this.load(index);
      } catch {
        return;
      }
      for (let b = take(); b; b = take()) {
        try {
          const hits = await this.ask({ id: 0, queries: queries.slice(b[0], b[1]), options });
          hits.forEach((h, i) => (out[b![0] + i] = h));
          this.helped += hits.length;
        } catch {
          retry.push(b[0], b[1]);
          return;
        }
      }
    };
    const here = async () => {
      for (let b = take(); b; b = take()) {
        for (let i = b[0]; i < b[1]; i++) out[i] = index.match(queries[i], options);
        await new Promise<void>((r) => setImmediate(r)); // the helper's answers, and anyone else, get a turn
      }
    };
    this.touch();
    await Promise.all([helper(), here()]);
    for (let k = 0; k < retry.length; k += 2) for (let i = retry[k]; i < retry[k + 1]; i++) out[i] = index.match(queries[i], options);
    this.touch();
    return out;
  }

  /** Stops the helper thread; later calls screen on this thread. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private async load(index: WatchlistIndex): Promise<void> {
    if (this.holds === index && this.worker) return this.loading ?? undefined;
    this.holds = index;
    this.loading = this.ask({ id: 0, load: index.state() }).then(() => undefined);
    this.loading.catch(() => undefined);
    return this.loading;
  }

  private ask(msg: HelperRequest): Promise<Hit[][]> {
    if (this.closed || this.broken) return Promise.reject(new Error('match helper stopped'));
    const worker = this.start();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // tsx/esm/api as an ES module (require.resolve would give its CommonJS build)
    const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const module = new URL('./match-worker.ts', import.meta.url).href;
    const worker = new Worker(BOOT, { eval: true, workerData: { tsx, module } });
    worker.unref(); // never keeps a CLI command or a test alive
    worker.on('message', (msg: { id: number; hits?: Hit[][]; error?: string }) => {
      const waiting = this.pending.get(msg.id);
      if (!waiting) return;
      this.pending.delete(msg.id);
      if (msg.error !== undefined) waiting.reject(new Error(msg.error));
      else waiting.resolve(msg.hits ?? []);
    });
    worker.on('error', (err) => console.error('sinergi: match helper stopped:', err));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      if (!this.stopping) {
        this.broken = true;
        console.error(`sinergi: match helper exited (${code}); screening on one thread from now on`);
      }
      this.worker = null;
      this.holds = null;
      this.loading = null;
      for (const p of this.pending.values()) p.reject(new Error(`match helper stopped (${code})`));
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  private touch(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.stop(), IDLE_MS);
    this.idle.unref();
  }

  private async stop(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    if (!worker) return;
    this.stopping = true;
    try {
      await worker.terminate(); // the exit handler fails anything still asked
    } finally {
      this.stopping = false;
    }
  }
}
