import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DomainEvent, type EventBus, LocalBus, PostgresBus } from '../../src/server/events/bus';
import { dialectMatrix, openScratchDatabase, type ScratchDb } from '../fixtures/scratch-db';

// The relay publishes a claimed batch at once: every event reaches the subscribers, once and in
// order, on the in-process bus and over PostgreSQL LISTEN/NOTIFY (one statement for the batch).

for (const kind of dialectMatrix()) {
  describe(`event bus on ${kind}`, () => {
    let scratch: ScratchDb;
    let bus: EventBus;
    beforeAll(async () => {
      scratch = await openScratchDatabase(kind);
      bus = kind === 'postgres' ? new PostgresBus(scratch.db.url) : new LocalBus();
      if (bus instanceof PostgresBus) await bus.whenReady();
    });
    afterAll(async () => { await bus?.close(); await scratch?.dispose(); });

    it('delivers a published batch whole and in order, alongside single events', async () => {
      const seen: DomainEvent[] = [];
      const unsubscribe = bus.subscribe((e) => seen.push(e));
      const event = (n: number): DomainEvent => ({ id: `e${n}`, name: 'stay.checked_in', regionCode: '73.12', data: { n }, at: new Date(1_700_000_000_000 + n).toISOString() });
      const batch = Array.from({ length: 250 }, (_, n) => event(n));
      await bus.publish(event(-1));
      await bus.publishAll(batch);
      await bus.publishAll([]);
      for (let i = 0; i < 100 && seen.length < 251; i++) await new Promise((done) => setTimeout(done, 20));
      unsubscribe();
      expect(seen.map((e) => e.id)).toEqual(['e-1', ...batch.map((e) => e.id)]);
      expect(seen[100]).toEqual(batch[99]);
    });
  });
}
