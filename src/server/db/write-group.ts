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
// Writes that say they can be stored together (a reporter's check-ins at one lodging: hotel
// software sends many at once) are first tried in one pass under one savepoint, a few statements
// for all instead of a dozen each; if that pass refuses (one of them is invalid, a duplicate),
// it is rolled back and each is tried alone, so every write still gets its own answer.

type Work<T> = (trx: Transaction<Database>) => Promise<T>;
/** How a write is stored together with others of the same key. */
export interface Together<I, T> {
  /** writes with the same key are handed to `many` together (the first one's `many`) */
  key: string;
  input: I;
  /** stores the inputs in one pass and answers each, in order; throwing sends each back to its own `work` */
  many(trx: Transaction<Database>, inputs: I[]): Promise<T[]>;
}
interface Pending {
  work: Work<unknown>; together?: Together<unknown, unknown>;
  resolve(value: unknown): void; reject(err: unknown): void;
}

/** enough to amortise a commit; small enough that the first in a group does not wait long */
const MAX_GROUP = 64;
/** how long a group waits for the rest of a burst (check-ins/s with 50 hotel-software connections: +1–27%, 5 paired runs) */
const LINGER_MS = 1;
const groups = new WeakMap<Kysely<Database>, WriteGroup>();
const pauses = new WeakMap<Kysely<Database>, WritePauses>();
/** Since start: writes stored in a shared pass, and writes sent back to be stored alone after a pass refused. */
export const writesTogether = { stored: 0, sentBack: 0 };

/** What a database may ask of its long runs of writes (SQLite: checkpointer.ts, so that the WAL can start over). */
export interface WritePauses {
  /** the moment to wait for before a write, if any (every SQLite transaction asks it before BEGIN; the write group before it gathers a group) */
  beforeWrite(): Promise<void> | null;
  /** after a big commit (an import chunk): its copy, begun at once so it runs while the writer does other work */
  afterBigWrite(): Promise<void>;
}
export function registerWritePauses(db: Kysely<Database>, database: WritePauses): void {
  pauses.set(db, database);
}

/** What to wait for before the next write, if anything: the write group asks before it gathers a group, so requests keep joining meanwhile. */
const pauseBeforeWrite = (db: Kysely<Database>): Promise<void> | null => pauses.get(db)?.beforeWrite() ?? null;
/** For a long run of writes, right after a big commit: resolves once the database has caught up with it. */
export const catchUpAfterWrite = (db: Kysely<Database>): Promise<void> => pauses.get(db)?.afterBigWrite() ?? Promise.resolve();

/**
 * Runs `work` in a write transaction shared with the writes queued at the same moment; with
 * `together`, first tries to store it in one pass with the queued writes of the same key.
 */
export function inWriteGroup<T, I>(db: Kysely<Database>, work: Work<T>, together?: Together<I, T>): Promise<T> {
  let group = groups.get(db);
  if (!group) groups.set(db, (group = new WriteGroup(db)));
  return group.run(work, together);
}

class WriteGroup {
  private queue: Pending[] = [];
  private scheduled = false;
  private running = false;
  constructor(private readonly db: Kysely<Database>) {}

  run<T, I>(work: Work<T>, together?: Together<I, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, together: together as Together<unknown, unknown> | undefined, resolve: resolve as (v: unknown) => void, reject });
      // start after the current round of I/O, so the requests that arrived with this one join it
      if (!this.scheduled && !this.running) { this.scheduled = true; setImmediate(() => void this.drain()); }
    });
  }

  /** the size of recent groups, fading: how many writes usually arrive together */
  private recent = 0;

  private async drain(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    try {
      // PostgreSQL's commit_delay, in spirit: when far fewer writes are queued than recent groups
      // held, the rest of the burst is still on its way (a client sends its next writes as the
      // answers reach it), so wait a moment for it rather than split it across two commits.
      // A lone write under light load never waits.
      if (this.queue.length < this.recent / 2) await new Promise((resume) => setTimeout(resume, LINGER_MS));
      this.recent *= 0.9;
      while (this.queue.length > 0) {
        const pause = pauseBeforeWrite(this.db);
        if (pause) await pause;
        const group = this.queue.splice(0, MAX_GROUP);
        this.recent = Math.max(this.recent, group.length);
        await this.commitGroup(group);
      }
    } finally {
      this.running = false;
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    const sets = byKey(group);
    // a group that is one set (a burst from one PMS) is one pass with no savepoint around it: a
    // round trip less each way on PostgreSQL; if it refuses, the writes go again, each alone
    const oneSet = sets.length === 1 && group.length > 1 && group[0]!.together !== undefined;
    if (oneSet && await this.committedTogether(group)) return;
    const done: [Pending, unknown][] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        await lockWrites(trx);
        if (group.length === 1) { done.push([group[0]!, await group[0]!.work(trx)]); return; }
        for (const set of sets) {
          if (set.length > 1 && !oneSet && await storedTogether(trx, set, done)) continue;
          for (const p of set) await storedAlone(trx, p, done);
        }
      });
    } catch (err) {
      // the commit failed (or the lone write did, or a savepoint statement): nothing of the group
      // is stored, and every write not answered yet learns it (a rejected one keeps its own error)
      for (const p of group) p.reject(err);
      return;
    }
    for (const [p, value] of done) p.resolve(value);
  }

  private async committedTogether(set: Pending[]): Promise<boolean> {
    let values: unknown[];
    try {
      values = await this.db.transaction().execute(async (trx) => {
        await lockWrites(trx);
        return storeAll(trx, set);
      });
    } catch {
      writesTogether.sentBack += set.length;
      return false;
    }
    writesTogether.stored += set.length;
    set.forEach((p, i) => p.resolve(values[i]));
    return true;
  }
}

/** The set's writes in one pass, by the first one's `many`. */
async function storeAll(trx: Transaction<Database>, set: Pending[]): Promise<unknown[]> {
  const values = await set[0]!.together!.many(trx, set.map((p) => p.together!.input));
  if (values.length !== set.length) throw new Error(`write group: ${values.length} answers for ${set.length} writes`);
  return values;
}

/** The group's writes in sets that may be stored together (same key), each set at its first write's place. */
function byKey(group: Pending[]): Pending[][] {
  const sets = new Map<string | Pending, Pending[]>();
  for (const p of group) {
    const key = p.together?.key ?? p;
    const set = sets.get(key);
    if (set) set.push(p);
    else sets.set(key, [p]);
  }
  return [...sets.values()];
}

async function storedTogether(trx: Transaction<Database>, set: Pending[], done: [Pending, unknown][]): Promise<boolean> {
  await sql`savepoint write_group`.execute(trx);
  try {
    const values = await storeAll(trx, set);
    await sql`release savepoint write_group`.execute(trx);
    set.forEach((p, i) => done.push([p, values[i]]));
    writesTogether.stored += set.length;
    return true;
  } catch {
    // one of them refused (or the pass failed): undo the pass, and let each write answer for itself
    await sql`rollback to savepoint write_group`.execute(trx);
    await sql`release savepoint write_group`.execute(trx);
    writesTogether.sentBack += set.length;
    return false;
  }
}

async function storedAlone(trx: Transaction<Database>, p: Pending, done: [Pending, unknown][]): Promise<void> {
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
