import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForToken } from '../../src/server/auth/sessions';
import { migrateTo, migrateToLatest } from '../../src/server/db/migrate';
import { createImport, loadTable } from '../../src/server/features/imports/commands';
import { HEADERS, guestRows, toCsv } from '../fixtures/guest-file';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Migration 0032 moves an uploaded file's cells out of the imports row (import_files) and keeps
// its headers in the row; taken back down, the cells return to the row. Nothing is lost either way.

for (const kind of dialectMatrix()) {
  describe(`import files migration on ${kind}`, () => {
    let server: TestServer;
    beforeAll(async () => { server = await startTestServer({ kind }); }, 120_000);
    afterAll(async () => server?.close());

    it('moves the cells out of the imports row and back', async () => {
      const cookie = await server.login('hotel.maryam');
      const actor = (await actorForToken(server.db, cookie.split('=')[1]!))!;
      const { imp, table } = await createImport(server.db, actor, { bytes: Buffer.from(toCsv(HEADERS, guestRows(3, { seed: 3 }))), format: 'csv', name: 'm.csv' });
      const db = server.db as unknown as import('kysely').Kysely<any>;

      await migrateTo(db, '0031_outbox_pending');
      const down = await db.selectFrom('imports').select('table_json').where('id', '=', imp.id).executeTakeFirstOrThrow();
      expect(JSON.parse(down.table_json)).toEqual(table);

      await migrateToLatest(db);
      expect(await loadTable(server.db, imp.id)).toEqual(table);
      const row = await server.db.selectFrom('imports').selectAll().where('id', '=', imp.id).executeTakeFirstOrThrow();
      expect(JSON.parse(row.headers)).toEqual(HEADERS);
      expect(row).not.toHaveProperty('table_json');
    }, 60_000);
  });
}
