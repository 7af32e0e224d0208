import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, appendAudit } from '../../src/server/audit/log';
import { inWriteGroup } from '../../src/server/db/write-group';
import { dialectMatrix, openScratchDatabase, type ScratchDb } from '../fixtures/scratch-db';

// Group commit: writes that arrive together share one transaction, each under its own
// savepoint. One that fails after writing leaves nothing behind; the others are stored, and
// the audit chain stays whole.

for (const kind of dialectMatrix()) {
  describe(`write group on ${kind}`, () => {
    let scratch: ScratchDb;
    beforeAll(async () => { scratch = await openScratchDatabase(kind); });
    afterAll(async () => scratch?.dispose());

    it('rolls back a failing write alone and commits the rest together', async () => {
      const db = scratch.db.kysely;
      const actor = { id: 'system', username: 'system' };
      const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => inWriteGroup(db, async (trx) => {
        await trx.insertInto('settings').values({ key: `group-${i}`, value: String(i) }).execute();
        await appendAudit(trx, actor, { action: 'test.group', resourceType: 'test', resourceId: String(i) });
        if (i % 4 === 3) throw new Error(`item ${i} fails after writing`);
        return i;
      })));
      expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 4 === 3 ? 'rejected' : 'fulfilled')));
      const kept = await db.selectFrom('settings').select('key').where('key', 'like', 'group-%').execute();
      expect(kept.map((k) => k.key).sort()).toEqual(['group-0', 'group-1', 'group-10', 'group-2', 'group-4', 'group-5', 'group-6', 'group-8', 'group-9']);
      const audited = await db.selectFrom('audit_log').select('resource_id').where('action', '=', 'test.group').execute();
      expect(audited).toHaveLength(9);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it('stores writes of one key in one pass, and each alone when the pass refuses', async () => {
      const db = scratch.db.kysely;
      const passes: number[][] = [];
      const write = (key: string, n: number) => inWriteGroup(db, async (trx) => {
        if (n === 13) throw new Error('13 refused');
        await trx.insertInto('settings').values({ key: `${key}-${n}`, value: 'alone' }).execute();
        return `alone ${n}`;
      }, {
        key, input: n,
        many: async (trx, inputs) => {
          passes.push(inputs);
          for (const i of inputs) await trx.insertInto('settings').values({ key: `${key}-${i}`, value: 'together' }).execute();
          if (inputs.includes(13)) throw new Error('a pass with 13 refuses');
          return inputs.map((i) => `together ${i}`);
        },
      });
      const answers = await Promise.allSettled([write('a', 1), write('b', 11), write('a', 2), write('b', 12), write('b', 13), write('a', 3)]);
      expect(answers.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)))
        .toEqual(['together 1', 'alone 11', 'together 2', 'alone 12', '13 refused', 'together 3']);
      expect(passes).toEqual([[1, 2, 3], [11, 12, 13]]);
      const stored = await db.selectFrom('settings').select(['key', 'value']).where((eb) => eb.or([eb('key', 'like', 'a-%'), eb('key', 'like', 'b-%')])).orderBy('key').execute();
      // the refused pass left nothing behind: b's writes are the ones stored alone
      expect(stored).toEqual([
        { key: 'a-1', value: 'together' }, { key: 'a-2', value: 'together' }, { key: 'a-3', value: 'together' },
        { key: 'b-11', value: 'alone' }, { key: 'b-12', value: 'alone' },
      ]);
    });

    it('sends a group of one key back to be stored alone when its pass refuses, leaving nothing of the pass', async () => {
      const db = scratch.db.kysely;
      const write = (n: number) => inWriteGroup(db, async (trx) => {
        await trx.insertInto('settings').values({ key: `c-${n}`, value: 'alone' }).execute();
        return n;
      }, {
        key: 'c', input: n,
        many: async (trx, inputs) => {
          for (const i of inputs) await trx.insertInto('settings').values({ key: `c-${i}`, value: 'together' }).execute();
          throw new Error('the pass refuses');
        },
      });
      expect(await Promise.all([write(1), write(2), write(3)])).toEqual([1, 2, 3]);
      const stored = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'c-%').orderBy('key').execute();
      expect(stored).toEqual([{ key: 'c-1', value: 'alone' }, { key: 'c-2', value: 'alone' }, { key: 'c-3', value: 'alone' }]);
    });

    it('rejects a lone write that fails, storing nothing', async () => {
      const db = scratch.db.kysely;
      await expect(inWriteGroup(db, async (trx) => {
        await trx.insertInto('settings').values({ key: 'lone', value: '1' }).execute();
        throw new Error('no');
      })).rejects.toThrow('no');
      expect(await db.selectFrom('settings').select('key').where('key', '=', 'lone').executeTakeFirst()).toBeUndefined();
    });
  });
}
