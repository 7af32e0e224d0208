import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import { newId } from '../db/ids';
import { nextTurn } from '../jobs/turn';

// Domain events leave a command through the outbox (written in the command's transaction);
// after commit the relay claims unpublished rows and publishes them on the bus. The bus is
// in-process, or PostgreSQL LISTEN/NOTIFY so every app instance sharing the database hears them.

export interface DomainEvent {
  id: string;
  name: string; // e.g. stay.checked_in
  regionCode: string | null;
  data: Record<string, unknown>;
  at: string;
}

export type EventListener = (event: DomainEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /** the events in order, at once (the relay's batch: one NOTIFY statement, not one per event) */
  publishAll(events: readonly DomainEvent[]): Promise<void>;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

export class LocalBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  async publish(event: DomainEvent): Promise<void> { this.emitter.emit('event', event); }
  async publishAll(events: readonly DomainEvent[]): Promise<void> { for (const e of events) this.emitter.emit('event', e); }
  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
  async close(): Promise<void> { this.emitter.removeAllListeners(); }
}

const CHANNEL = 'sinergi_events';
const BATCH = 500;

/** NOTIFY on publish; a dedicated LISTEN connection delivers to local subscribers. */
export class PostgresBus implements EventBus {
  private readonly local = new LocalBus();
  private readonly listener: pg.Client;
  private readonly ready: Promise<void>;
  constructor(private readonly connectionString: string) {
    this.listener = new pg.Client({ connectionString });
    this.listener.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload) void this.local.publish(JSON.parse(msg.payload) as DomainEvent);
    });
    this.listener.on('error', () => { /* the pool user sees errors on its own queries */ });
    this.ready = this.listener.connect().then(() => this.listener.query(`LISTEN ${CHANNEL}`)).then(() => undefined);
  }
  async publish(event: DomainEvent): Promise<void> {
    await this.ready;
    // NOTIFY payloads are limited to 8000 bytes: events carry ids and codes, never personal data.
    await this.listener.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
  }
  async publishAll(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.ready;
    // one statement, one round trip; unnest keeps the array's order, and each payload names its
    // event id, so none is folded into another (NOTIFY drops repeats of one payload in a transaction)
    await this.listener.query('select pg_notify($1, payload) from unnest($2::text[]) with ordinality as e(payload, n) order by n',
      [CHANNEL, events.map((e) => JSON.stringify(e))]);
  }
  subscribe(listener: EventListener): () => void { return this.local.subscribe(listener); }
  async whenReady(): Promise<void> { await this.ready; }
  async close(): Promise<void> { await this.local.close(); await this.listener.end().catch(() => undefined); }
}

/** The outbox row a command writes inside its transaction. */
export function outboxRow(name: string, regionCode: string | null, data: Record<string, unknown>, now = new Date()) {
  return { id: newId(), at: now.toISOString(), event: name, region_code: regionCode, payload: JSON.stringify(data), published_at: null };
}

/** Marks the oldest unpublished rows published and returns them: one statement, one write. */
export function claimBatch(db: Kysely<Database>) {
  return db.updateTable('outbox').set({ published_at: new Date().toISOString() })
    .where('id', 'in', (eb) => eb.selectFrom('outbox').select('id').where('published_at', 'is', null).orderBy('at').limit(BATCH))
    .where('published_at', 'is', null)
    .returningAll();
}

/**
 * Publishes committed outbox rows. kick() after each commit; overlapping kicks coalesce.
 * kick() never rejects: a failed publish stays in the outbox and goes out on the next kick.
 */
export class OutboxRelay {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  constructor(
    private readonly db: Kysely<Database>, private readonly bus: EventBus,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) { this.again = true; return this.running; }
    this.running = (async () => {
      try {
        // a group commit answers its check-ins together and each kicks: after a turn, one claim serves them all
        await nextTurn();
        do { this.again = false; await this.drain(); } while (this.again && !this.stopped);
      } catch (err) {
        this.onError(err);
      } finally { this.running = null; }
    })();
    return this.running;
  }

  /** Stops kicking and waits for the current run, so the database can close under it. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      // claim a batch in one statement (one write, not one per row); another instance may
      // have taken some of them already, and then they are not returned here
      const claimed = await claimBatch(this.db).execute();
      claimed.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      await this.bus.publishAll(claimed.map((row) => ({ id: row.id, name: row.event, regionCode: row.region_code, data: JSON.parse(row.payload), at: row.at })));
      if (claimed.length < BATCH) return;
      // SQLite answers synchronously: without a turn of the event loop between batches, the
      // events of a 100,000-row import would be drained in one stretch that stalls the server
      await nextTurn();
    }
  }
}
