import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  type CompiledQuery, type DatabaseConnection, type Driver, Kysely, type QueryResult, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
} from 'kysely';
import type { Database } from './schema';

// Heavy reads on SQLite (person search, the present list, area figures at national scale) run
// on worker threads with read-only connections of their own. better-sqlite3 answers on the
// thread that asks, so on the app's connection four officers searching at once wait for each
// other and every check-in and live stream waits behind them; here they use the machine's other
// cores and the event loop stays free. WAL lets these readers see every committed write.
// PostgreSQL needs none of this (its pool is already concurrent).

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');
const statements = new Map();
parentPort.on('message', (msg) => {
  if (msg === 'close') { db.close(); parentPort.postMessage('closed'); return; }
  try {
    let stmt = statements.get(msg.sql);
    if (!stmt) {
      stmt = db.prepare(msg.sql);
      if (statements.size >= 500) statements.delete(statements.keys().next().value);
      statements.set(msg.sql, stmt);
    }
    if (!stmt.reader) throw new Error('read pool: not a query that returns rows');
    parentPort.postMessage({ id: msg.id, rows: stmt.all(msg.parameters) });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, error: String(err && err.message || err) });
  }
});
`;

interface Reader { worker: Worker; pending: Map<number, { resolve: (rows: unknown[]) => void; reject: (err: Error) => void }> }

/** Exported for its tests; the app uses sqliteReadPool. */
export class ReadPool {
  private readonly readers: Reader[];
  private nextId = 0;
  private closing = false;

  constructor(private readonly file: string, size: number) {
    this.readers = Array.from({ length: size }, () => this.spawn());
  }

  /** A reader thread; one that dies fails what it was asked and is replaced in place. */
  private spawn(): Reader {
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    const reader: Reader = { worker: new Worker(WORKER, { eval: true, workerData: { file: this.file, module } }), pending: new Map() };
    reader.worker.on('message', (msg: { id?: number; rows?: unknown[]; error?: string }) => {
      const waiting = msg.id === undefined ? undefined : reader.pending.get(msg.id);
      if (!waiting) return;
      reader.pending.delete(msg.id!);
      if (msg.error !== undefined) waiting.reject(new Error(msg.error));
      else waiting.resolve(msg.rows ?? []);
    });
    reader.worker.on('exit', (code) => {
      for (const w of reader.pending.values()) w.reject(new Error(`read pool: reader stopped (${code})`));
      reader.pending.clear();
      if (this.closing) return;
      const at = this.readers.indexOf(reader);
      if (at >= 0) this.readers[at] = this.spawn();
    });
    reader.worker.on('error', (err) => console.error('sinergi: SQLite reader stopped:', err));
    // after the listeners: a 'message' listener refs the worker's port again, and a ref'd port
    // kept every CLI command and bench alive after the app closed
    reader.worker.unref();
    return reader;
  }

  /** The rows of one query, from the reader with the fewest queries waiting. */
  query(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    // a reader told to close answers nothing more, and one stopped never would
    if (this.closing) return Promise.reject(new Error('read pool: closed'));
    const reader = this.readers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      reader.pending.set(id, { resolve, reject });
      reader.worker.postMessage({ id, sql, parameters });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.readers.map(({ worker }) => new Promise<void>((done) => {
      // waited for, so it keeps the process alive: unref'd, a process with nothing else to do
      // ended here, with the close unfinished (exit code 13)
      worker.ref();
      // answers to queries sent before the close may still arrive first: wait for 'closed' itself
      worker.on('message', (m) => { if (m === 'closed') void worker.terminate().then(() => done()); });
      worker.once('error', () => done());
      worker.postMessage('close');
    })));
  }
}

class ReadConnection implements DatabaseConnection {
  constructor(private readonly pool: ReadPool) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: (await this.pool.query(query.sql, query.parameters)) as R[] };
  }
  // biome-ignore lint/correctness/useYield: streaming is not offered by the read pool
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('read pool: streaming is not supported');
  }
}

class ReadDriver implements Driver {
  private pool: ReadPool | null = null;
  constructor(private readonly file: string, private readonly size: number) {}
  // the threads start with the first read: Kysely destroys only a driver it initialised
  async init(): Promise<void> { this.pool = new ReadPool(this.file, this.size); }
  async acquireConnection(): Promise<DatabaseConnection> { return new ReadConnection(this.pool!); }
  async beginTransaction(): Promise<void> { throw new Error('read pool: no transactions'); }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> { await this.pool?.close(); }
}

/** A Kysely over `size` read-only worker connections to the SQLite file; destroy() stops them. */
export function sqliteReadPool(file: string, size: number): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new ReadDriver(file, size),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}
