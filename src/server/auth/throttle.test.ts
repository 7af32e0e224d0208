import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectMatrix, openScratchDatabase, type ScratchDb } from '../../../test/fixtures/scratch-db';
import { type Bucket, dropDrainedBuckets, refundAttempt, takeAttempt } from './throttle';

const bucket: Bucket = { capacity: 3, perSecond: 1 / 10, maxLevel: 6 };
const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1) + seconds * 1000);

for (const kind of dialectMatrix()) {
  describe(`login throttle buckets on ${kind}`, () => {
    let scratch: ScratchDb;
    beforeAll(async () => { scratch = await openScratchDatabase(kind); });
    afterAll(async () => scratch?.dispose());
    const take = (key: string, t: number) => takeAttempt(scratch.db.kysely, key, bucket, at(t));

    it('refuses over capacity, drains with time, and a refused attempt stretches the wait up to the cap', async () => {
      expect([await take('a', 0), await take('a', 0), await take('a', 0), await take('a', 0)]).toEqual([true, true, true, false]);
      expect(await take('a', 5)).toBe(false); // level 4 - 0.5 + 1: still over
      for (let i = 0; i < 10; i++) await take('a', 6); // hammering: the level stops at 6
      expect(await take('a', 30)).toBe(false); // 6 - 2.4 + 1: without the hammering it would pass by now
      expect(await take('a', 60)).toBe(true); // 4.6 - 3 + 1
    });

    it('gives an attempt back and forgets drained buckets', async () => {
      for (let i = 0; i < 3; i++) await take('b', 100);
      await refundAttempt(scratch.db.kysely, 'b');
      expect(await take('b', 100)).toBe(true);
      expect(await dropDrainedBuckets(scratch.db.kysely, at(100 + 365 * 86400))).toBeGreaterThan(0);
    });
  });
}
