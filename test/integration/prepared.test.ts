import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared } from '../../src/server/db/prepared';
import { dialectMatrix, openScratchDatabase, type ScratchDb } from '../fixtures/scratch-db';

// A query compiled once answers each call with that call's arguments, beside the constants the
// builder put in; a builder that uses an argument as anything but a value is refused.

for (const kind of dialectMatrix()) {
  describe(`prepared queries on ${kind}`, () => {
    let scratch: ScratchDb;
    beforeAll(async () => {
      scratch = await openScratchDatabase(kind);
      await scratch.db.kysely.insertInto('settings').values([
        { key: 'prepared-a', value: '1' }, { key: 'prepared-b', value: '2' }, { key: 'other-a', value: '1' },
      ]).execute();
    });
    afterAll(async () => scratch?.dispose());

    it('puts each call\'s arguments in their slots, in any order, beside constants', async () => {
      const settingsLike = prepared((db, value: string, pattern: string) => db.selectFrom('settings').select('key')
        .where('key', 'like', pattern).where('value', '=', value).where('key', '!=', 'prepared-z').orderBy('key'));
      const db = scratch.db.kysely;
      expect(await settingsLike(db, '1', 'prepared-%')).toEqual([{ key: 'prepared-a' }]);
      expect(await settingsLike(db, '2', 'prepared-%')).toEqual([{ key: 'prepared-b' }]);
      expect(await settingsLike(db, '1', '%-a')).toEqual([{ key: 'other-a' }, { key: 'prepared-a' }]);
      // inside a transaction too
      expect(await db.transaction().execute((trx) => settingsLike(trx, '9', '%'))).toEqual([]);
    });

    it('takes an array argument as a list of values, compiled once per length', async () => {
      const byKeys = prepared((db, keys: string[], value: string) => db.selectFrom('settings').select('key')
        .where('key', 'in', keys).where('value', '=', value).orderBy('key'));
      const db = scratch.db.kysely;
      expect(await byKeys(db, ['prepared-a', 'other-a', 'prepared-b'], '1')).toEqual([{ key: 'other-a' }, { key: 'prepared-a' }]);
      expect(await byKeys(db, ['prepared-b'], '2')).toEqual([{ key: 'prepared-b' }]);
      expect(await byKeys(db, ['prepared-a', 'prepared-b'], '2')).toEqual([{ key: 'prepared-b' }]);
      // again at a length seen before: the first shape's slots, the new call's values
      expect(await byKeys(db, ['x', 'y', 'prepared-a'], '1')).toEqual([{ key: 'prepared-a' }]);
      // parallel lists as row values
      const byPairs = prepared((db, keys: string[], values: string[]) => db.selectFrom('settings').select('key')
        .where((eb) => eb(eb.refTuple('key', 'value'), 'in', keys.map((k, i) => eb.tuple(k, values[i]!)))).orderBy('key'));
      expect(await byPairs(db, ['prepared-a', 'prepared-b', 'other-a'], ['1', '1', '1'])).toEqual([{ key: 'other-a' }, { key: 'prepared-a' }]);
    });

    it('refuses a builder that puts an argument into the SQL text or leaves one out', async () => {
      const inlined = prepared((db, name: string) => db.selectFrom('settings').select(sql.raw<string>(`'${name}'`).as('x')));
      await expect(inlined(scratch.db.kysely, 'a')).rejects.toThrow(/parameter value/);
      const unused = prepared((db, _name: string) => db.selectFrom('settings').select('key'));
      await expect(unused(scratch.db.kysely, 'a')).rejects.toThrow(/parameter value/);
      // a list used as one value (an array parameter) instead of a list of values
      const whole = prepared((db, keys: string[]) => db.selectFrom('settings').select('key').where('key', '=', sql<string>`${keys}`));
      await expect(whole(scratch.db.kysely, ['a', 'b'])).rejects.toThrow(/parameter value/);
    });
  });
}
