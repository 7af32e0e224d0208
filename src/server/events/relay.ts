import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../db/dialect';
import { prepared } from '../db/prepared';
import type { Database, OutboxTable } from '../db/schema';
import { nextTurn } from '../jobs/turn';
import type { DomainEvent, EventBus } from './bus';

// The relay publishes committed outbox rows on the bus, in two ways:
// - claim (PostgreSQL, any number of app instances): one statement marks the oldest unpublished
//   rows published and returns them, so each event is published by one instance;
// - cursor (SQLite: one app process per database file): the relay reads the rows after the last
//   one it published, in rowid order, which is commit order with SQLite's single writer, and
//   marks them published afterwards, a few hundred at a time. A claim per group commit was an
//   UPDATE with its own commit, about a seventh of a check-in's database time.
// A crash between publishing and marking publishes those events again at the next start:
// at least once, as before a claim's commit.

const BATCH = 500;
/** the cursor relay marks what it published once this many wait, or after MARK_AFTER_MS */
const MARK_AT = 500;
const MARK_AFTER_MS = 200;

/** Marks the oldest unpublished rows published and returns them: one statement, one write. */
export function claimBatch(db: Kysely<Database>) {
  return db.updateTable('outbox').set({ published_at: new Date().toISOString() })
    .where('id', 'in', (eb) => eb.selectFrom('outbox').select('id').where('published_at', 'is', null).orderBy('at').limit(BATCH))
    .where('published_at', 'is', null)
    .returningAll();
}

/** Cursor mode: the rows after a rowid, in rowid order. */
export function rowsAfter(db: Kysely<Database>, after: number) {
  return db.selectFrom('outbox').selectAll().select(sql<number>`rowid`.as('seq')).where(sql.ref('rowid'), '>', after).orderBy(sql`rowid`).limit(BATCH);
}

/** rowsAfter, built once: the relay reads after every group commit (db/prepared.ts) */
const readAfter = prepared(rowsAfter);

/** Cursor mode: marks the rows of a rowid range published (those not marked yet). */
export function markRange(db: Kysely<Database>, after: number, upTo: number) {
  return db.updateTable('outbox').set({ published_at: new Date().toISOString() })
    .where(sql.ref('rowid'), '>', after).where(sql.ref('rowid'), '<=', upTo).where('published_at', 'is', null);
}

const asEvent = (row: OutboxTable): DomainEvent => ({ id: row.id, name: row.event, regionCode: row.region_code, data: JSON.parse(row.payload), at: row.at });

/**
 * Publishes committed outbox rows. kick() after each commit; overlapping kicks coalesce.
 * kick() never rejects: a failed read is tried again on the next kick (a batch whose listeners
 * threw is not published again). The mode follows the database: claim on PostgreSQL, cursor on SQLite.
 */
export class OutboxRelay {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** cursor mode: the rowid of the last row published, and of the last one marked published */
  private after: number | null = null;
  private markedUpTo = 0;
  private markTimer: NodeJS.Timeout | null = null;
  private markDue = false;
  private readonly mode: 'claim' | 'cursor';

  constructor(
    private readonly db: Kysely<Database>, private readonly bus: EventBus,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    this.mode = isPostgres(db) ? 'claim' : 'cursor';
  }

  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) { this.again = true; return this.running; }
    this.running = (async () => {
      try {
        // a group commit answers its check-ins together and each kicks: after a turn, one drain serves them all
        await nextTurn();
        do { this.again = false; await this.drain(); } while (this.again && !this.stopped);
      } catch (err) {
        this.onError(err);
      } finally { this.running = null; }
    })();
    return this.running;
  }

  /** Stops kicking and waits for the current run (and, with a cursor, marks what it published), so the database can close under it. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.markTimer) clearTimeout(this.markTimer);
    await this.running;
    if (this.mode === 'cursor' && this.after !== null) await this.markPublished().catch(this.onError);
  }

  private async drain(): Promise<void> {
    if (this.mode === 'cursor') return this.drainAfterCursor();
    while (!this.stopped) {
      // claim a batch in one statement (one write, not one per row); another instance may
      // have taken some of them already, and then they are not returned here
      const claimed = await claimBatch(this.db).execute();
      claimed.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      await this.bus.publishAll(claimed.map(asEvent));
      if (claimed.length < BATCH) return;
      // SQLite answers synchronously: without a turn of the event loop between batches, the
      // events of a 100,000-row import would be drained in one stretch that stalls the server
      await nextTurn();
    }
  }

  private async drainAfterCursor(): Promise<void> {
    if (this.after === null) await this.placeCursor();
    while (!this.stopped) {
      let rows = await readAfter(this.db, this.after!);
      // nothing after the cursor: nothing new, or the rowids started over below it
      if (rows.length === 0 && await this.placeCursor()) rows = await readAfter(this.db, this.after!);
      if (rows.length > 0) {
        // the cursor moves before publishing: a listener that throws does not get the batch again
        this.after = rows[rows.length - 1]!.seq;
        await this.bus.publishAll(rows.filter((row) => row.published_at === null).map(asEvent));
      }
      if (this.markDue || this.after! - this.markedUpTo >= MARK_AT) await this.markPublished();
      else if (this.after! > this.markedUpTo) this.markSoon();
      if (rows.length < BATCH) return;
      await nextTurn(); // as in claim mode
    }
  }

  /**
   * At the first run, before the oldest unpublished row. Rowids are reused only from the
   * highest one kept: when housekeeping has deleted the rows at and below the cursor's end (no
   * events for a week), new rows can sit below the cursor, so it is placed again. Says whether it moved.
   */
  private async placeCursor(): Promise<boolean> {
    if (this.after !== null) {
      const { last } = await this.db.selectFrom('outbox').select(sql<number | null>`max(rowid)`.as('last')).executeTakeFirstOrThrow();
      if (last === null || last >= this.after) return false;
    }
    const { first } = await this.db.selectFrom('outbox').select(sql<number>`coalesce(
      (select min(rowid) from outbox where published_at is null), (select max(rowid) + 1 from outbox), 1)`.as('first')).executeTakeFirstOrThrow();
    this.after = first - 1;
    this.markedUpTo = this.after;
    return true;
  }

  /** a mark in a moment, through the relay's run, so it never overlaps a drain */
  private markSoon(): void {
    if (this.markTimer || this.stopped) return;
    this.markTimer = setTimeout(() => { this.markTimer = null; this.markDue = true; void this.kick(); }, MARK_AFTER_MS);
    this.markTimer.unref();
  }

  /** Marks the rows published since the last mark: a range of rowids, one statement. */
  private async markPublished(): Promise<void> {
    this.markDue = false;
    const upTo = this.after!;
    if (upTo <= this.markedUpTo) return;
    await markRange(this.db, this.markedUpTo, upTo).execute();
    this.markedUpTo = upTo;
  }
}
