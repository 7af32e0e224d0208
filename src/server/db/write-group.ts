import { type Kysely, type Transaction, sql } from 'kysely';
import { lockWrites } from '../audit/log';
import type { Database } from './schema';

// Group commit for the hot write path (check-in). Writers are serialised anyway (SQLite has
// one writer; PostgreSQL takes the audit chain's lock), and a commit is the dearest part of a
// small write: the WAL frames of every page touched, a checkpoint now and then, an fsync on
// PostgreSQL. So the writes that arrive together share one transaction, each under its own
// savepoint: one that fails is rolled back alone and rejects alone; the others resolve only
// once the shared transaction has committed, so an answer still means "stored".
// Under light load a group is one write and costs what a plain transaction does.

type Work<T> = (trx: Transaction<Database>) => Promise<T>;
interface Pending { work: Work<unknown>; resolve(value: unknown): void; reject(err: unknown): void }

/** enough to amortise a commit; small enough that the first in a group does not wait long */
const MAX_GROUP = 64;
const groups = new WeakMap<Kysely<Database>, WriteGroup>();

/** Runs `work` in a write transaction shared with the writes queued at the same moment. */
export function inWriteGroup<T>(db: Kysely<Database>, work: Work<T>): Promise<T> {
  let group = groups.get(db);
  if (!group) groups.set(db, (group = new WriteGroup(db)));
  return group.run(work);
}

class WriteGroup {
  private queue: Pending[] = [];
  private scheduled = false;
  private running = false;
  constructor(private readonly db: Kysely<Database>) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      // start after the current round of I/O, so the requests that arrived with this one join it
      if (!this.scheduled && !this.running) { this.scheduled = true; setImmediate(() => void this.drain()); }
    });
  }

  private async drain(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    try {
      while (this.queue.length > 0) await this.commitGroup(this.queue.splice(0, MAX_GROUP));
    } finally {
      this.running = false;
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    const done: [Pending, unknown][] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        await lockWrites(trx);
        if (group.length === 1) { done.push([group[0]!, await group[0]!.work(trx)]); return; }
        for (const p of group) {
          await sql`savepoint write_group`.execute(trx);
          try {
            const value = await p.work(trx);
            await sql`release savepoint write_group`.execute(trx);
            done.push([p, value]);
          } catch (err) {
            await sql`rollback to savepoint write_group`.execute(trx);
            await sql`release savepoint write_group`.execute(trx);
            p.reject(err);
          }
        }
      });
    } catch (err) {
      // the commit failed (or the lone write did): nothing of the group is stored
      if (group.length === 1 && done.length === 0) group[0]!.reject(err);
      for (const [p] of done) p.reject(err);
      return;
    }
    for (const [p, value] of done) p.resolve(value);
  }
}
