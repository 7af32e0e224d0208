import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { type AuditActor, type AuditInput, appendEntries, auditDetail, lockWrites } from './log';

// Audited reads without the writers' lock: a read appends a row to audit_pending (a plain
// insert, durable once committed) and a folder moves pending rows into the hash chain in
// batches, each batch one transaction under the lock. Readers never wait for writers.

const BATCH = 500;
const folders = new WeakMap<Kysely<Database>, PendingFolder>();

/** Logs a read (or export) of personal data. Never takes the writers' lock. */
export async function recordRead(db: Kysely<Database>, actor: AuditActor | null, input: AuditInput, now = new Date()): Promise<void> {
  await db.insertInto('audit_pending').values({
    id: `${now.toISOString()}-${randomUUID()}`, at: now.toISOString(), actor_id: actor?.id ?? null, actor_username: actor?.username ?? null,
    action: input.action, resource_type: input.resourceType, resource_id: input.resourceId ?? null,
    region_code: input.regionCode ?? null, detail: auditDetail(actor, input),
  }).execute();
  folders.get(db)?.kick();
}

/** Moves every pending row into the chain, oldest first; returns how many were folded. */
export async function foldPending(db: Kysely<Database>): Promise<number> {
  let total = 0;
  for (;;) {
    const moved = await db.transaction().execute(async (trx) => {
      await lockWrites(trx);
      const rows = await trx.selectFrom('audit_pending').selectAll().orderBy('at').orderBy('id').limit(BATCH).execute();
      if (rows.length === 0) return 0;
      await appendEntries(trx, rows.map(({ id: _id, ...entry }) => entry));
      for (let i = 0; i < rows.length; i += 100) {
        await trx.deleteFrom('audit_pending').where('id', 'in', rows.slice(i, i + 100).map((r) => r.id)).execute();
      }
      return rows.length;
    });
    total += moved;
    if (moved < BATCH) return total;
  }
}

/** One folder per database: kicks coalesce, at most one fold runs at a time. */
export class PendingFolder {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly db: Kysely<Database>, private readonly onError: (err: unknown) => void) {
    folders.set(db, this);
  }

  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) { this.again = true; return this.running; }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await foldPending(this.db);
        } while (this.again && !this.stopped);
      } catch (err) {
        this.onError(err); // the rows stay pending; the next kick or tick retries
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    folders.delete(this.db);
    await this.running;
  }
}
