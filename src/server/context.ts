import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { DbKind } from './db/database';
import type { Database } from './db/schema';
import type { EventBus } from './events/bus';
import type { OutboxRelay } from './events/relay';
import type { ScreeningService } from './features/screening/service';

declare module 'fastify' {
  interface FastifyInstance { context: AppContext }
}

/** What routes need from the running app: handed to each feature's routes at registration. */
export interface AppContext {
  db: Kysely<Database>;
  /** for heavy read-only queries: SQLite's read workers (read-pool.ts), or the same pool as db on PostgreSQL */
  reads: Kysely<Database>;
  dbKind: DbKind;
  config: Config;
  bus: EventBus;
  relay: OutboxRelay;
  /** key for signing receipt QR codes; generated at first start and kept in the settings table */
  receiptKey: Buffer;
  version: string;
  /** the watchlists as an in-memory index, rebuilt when a list changes */
  screening: ScreeningService;
}
