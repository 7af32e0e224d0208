import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainEvent, LocalBus, outboxRow } from '../../src/server/events/bus';
import { markRange, OutboxRelay, rowsAfter } from '../../src/server/events/relay';
import { dialectMatrix, openScratchDatabase, type ScratchDb } from '../fixtures/scratch-db';

// The relay publishes every committed outbox row once, in commit order, and marks it published:
// by claiming rows (PostgreSQL, several instances) or reading after a cursor (SQLite, one process).

const modeOf = (kind: string) => (kind === 'sqlite' ? 'cursor' : 'claim') as 'cursor' | 'claim';

for (const kind of dialectMatrix()) {
  describe(`outbox relay on ${kind} (${modeOf(kind)})`, () => {
    let scratch: ScratchDb;
    const bus = new LocalBus();
    const seen: DomainEvent[] = [];
    let relay: OutboxRelay;
    const errors: unknown[] = [];
    beforeAll(async () => {
      scratch = await openScratchDatabase(kind);
      bus.subscribe((e) => seen.push(e));
    });
    afterAll(async () => { await relay?.stop(); await scratch?.dispose(); });

    const write = async (n: number, from: number) => {
      const rows = Array.from({ length: n }, (_, i) => outboxRow('stay.checked_in', '73.12', { n: from + i }));
      // in one transaction, as a group commit writes them
      await scratch.db.kysely.transaction().execute(async (trx) => { for (let at = 0; at < rows.length; at += 200) await trx.insertInto('outbox').values(rows.slice(at, at + 200)).execute(); });
      return rows.map((r) => r.id);
    };
    const unmarked = async () => Number((await scratch.db.kysely.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('published_at', 'is', null).executeTakeFirstOrThrow()).n);

    it('publishes what was committed before it started, and not what was published already', async () => {
      const old = outboxRow('old.event', null, {});
      await scratch.db.kysely.insertInto('outbox').values({ ...old, published_at: new Date().toISOString() }).execute();
      const waiting = await write(3, 0); // committed before a crash, never published
      relay = new OutboxRelay(scratch.db.kysely, bus, (err) => errors.push(err));
      await relay.kick();
      expect(seen.map((e) => e.id)).toEqual(waiting);
    });

    it('publishes a backlog in batches, each event once and in commit order, and marks it published', async () => {
      seen.length = 0;
      const first = await write(700, 3);
      const second = await write(650, 703);
      await Promise.all([relay.kick(), relay.kick(), relay.kick()]);
      await relay.kick();
      expect(seen.map((e) => e.id)).toEqual([...first, ...second]);
      expect(seen[1]!.data).toEqual({ n: 4 });
      for (let i = 0; i < 50 && (await unmarked()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await unmarked()).toBe(0);
    });

    it('marks a small batch soon after publishing it, without another kick', async () => {
      seen.length = 0;
      const ids = await write(5, 2000);
      await relay.kick();
      expect(seen.map((e) => e.id)).toEqual(ids);
      for (let i = 0; i < 50 && (await unmarked()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await unmarked()).toBe(0);
      await relay.kick();
      expect(seen).toHaveLength(5);
    });

    it('still publishes new rows after housekeeping emptied the outbox (rowids start over)', async () => {
      await scratch.db.kysely.deleteFrom('outbox').execute();
      seen.length = 0;
      const ids = await write(2, 3000);
      await relay.kick();
      expect(seen.map((e) => e.id)).toEqual(ids);
      expect(errors).toEqual([]);
    });

    if (kind === 'sqlite') {
      it('reads and marks by rowid ranges, never scanning the outbox from its start', async () => {
        const planOf = async (query: CompiledQuery) => {
          const { rows } = await scratch.db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
          return rows.map((r) => r.detail).join('\n');
        };
        expect(await planOf(rowsAfter(scratch.db.kysely, 10).compile())).toMatch(/SEARCH outbox USING INTEGER PRIMARY KEY \(rowid>\?\)/);
        expect(await planOf(markRange(scratch.db.kysely, 10, 20).compile())).toMatch(/SEARCH outbox USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
      });
    }
  });
}
