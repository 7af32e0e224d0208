import { EventEmitter } from 'node:events';
import pg from 'pg';
import { newId } from '../db/ids';

// Domain events leave a command through the outbox (written in the command's transaction);
// after commit the relay (relay.ts) publishes the committed rows on the bus. The bus is
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
