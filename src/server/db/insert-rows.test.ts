import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectMatrix, openScratchDatabase, type ScratchDb } from '../../../test/fixtures/scratch-db';
import { insertRows } from './insert-rows';

for (const kind of dialectMatrix()) {
  describe(`insertRows on ${kind}`, () => {
    let scratch: ScratchDb;
    beforeAll(async () => { scratch = await openScratchDatabase(kind); });
    afterAll(async () => scratch?.dispose());

    it('stores every row over several statements, skips conflicts when asked, and refuses ragged rows', async () => {
      const db = scratch.db.kysely;
      const rows = Array.from({ length: 250 }, (_, i) => ({ key: `bulk-${String(i).padStart(3, '0')}`, value: i % 7 === 0 ? `it's "${i}"` : String(i) }));
      await insertRows(db, 'settings', rows);
      const stored = await db.selectFrom('settings').selectAll().where('key', 'like', 'bulk-%').orderBy('key').execute();
      expect(stored).toEqual(rows);

      await expect(insertRows(db, 'settings', [{ key: 'bulk-000', value: 'again' }])).rejects.toThrow(/unique|duplicate/i);
      await insertRows(db, 'settings', [{ key: 'bulk-000', value: 'again' }, { key: 'bulk-new', value: 'n' }], { onConflictDoNothing: true });
      expect(await db.selectFrom('settings').select('value').where('key', 'in', ['bulk-000', 'bulk-new']).orderBy('key').execute())
        .toEqual([{ value: rows[0]!.value }, { value: 'n' }]);

      // returning: only the rows stored come back, over several statements too
      const more = Array.from({ length: 150 }, (_, i) => ({ key: i < 3 ? `bulk-00${i}` : `more-${String(i).padStart(3, '0')}`, value: 'x' }));
      const returned = await insertRows(db, 'settings', more, { onConflictDoNothing: true, returning: 'key' });
      expect(returned.sort()).toEqual(more.slice(3).map((r) => r.key));
      expect(await insertRows(db, 'settings', [], { returning: 'key' })).toEqual([]);

      await expect(insertRows(db, 'settings', [{ key: 'a', value: '1' }, { key: 'b' } as never])).rejects.toThrow(/differ/);
      await expect(insertRows(db, 'settings', [{ key: 'a', value: '1' }, { key: 'b', other: '2' } as never])).rejects.toThrow(/lacks value/);
      expect(await db.selectFrom('settings').select('key').where('key', 'in', ['a', 'b']).execute()).toEqual([]);
    });
  });
}
