import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPending } from '../../src/server/audit/pending';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Watchlists kept by officers over HTTP: a list created and an entry typed by hand alerts on
// the matching guest; removal keeps the entry in the history; a FollowTheMoney upload runs in
// the background with progress and a per-line report; a re-upload updates, never duplicates.

const ftm = (id: string, properties: Record<string, string[]>) => JSON.stringify({ id, schema: 'Person', properties });

const guest = (surname: string, givenNames: string, dateOfBirth: string, nationality: string) => {
  const body = checkInBody();
  Object.assign(body.guest, { surname, givenNames, dateOfBirth, nationality });
  body.guest.document.issuingState = nationality;
  return body;
};

for (const kind of dialectMatrix()) {
  describe(`watchlists over HTTP on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
      server.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
    const upload = (listId: string, who: string, text: string, fileName = 'wanted.jsonl') => server.app.inject({
      method: 'POST', url: `/api/v1/watchlists/${listId}/imports?fileName=${fileName}`,
      headers: { cookie: cookies[who]!, 'content-type': 'application/x-ndjson' }, payload: text,
    });
    const finished = async (importId: string) => {
      for (let i = 0; i < 100; i++) {
        const res = await call('GET', `/api/v1/watchlist-imports/${importId}`, 'imigrasi.parepare');
        if (res.json().status !== 'running') return res.json();
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('import did not finish');
    };
    const alertsFor = (stayId: string) => server.db.selectFrom('alerts').selectAll().where('stay_id', '=', stayId).where('source', '=', 'watchlist').execute();
    let listId = '';

    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'imigrasi.parepare', 'polres.soppeng', 'bin.sulsel', 'disnaker.soppeng', 'polres.makassar', 'admin']) cookies[u] = await server.login(u);
    });
    afterAll(async () => server?.close());

    it('creates a list of the officer\'s area, and refuses a second list of the same name', async () => {
      const res = await call('POST', '/api/v1/watchlists', 'imigrasi.parepare', { name: 'DPO Soppeng (uji)', kind: 'dpo', source: 'Polres Soppeng', threshold: 0.85 });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ name: 'DPO Soppeng (uji)', kind: 'dpo', regionCode: '73.12', entryCount: 0, version: 0, abilities: { manage: true, addEntry: true } });
      listId = res.json().id;
      const again = await call('POST', '/api/v1/watchlists', 'imigrasi.parepare', { name: 'DPO Soppeng (uji)', kind: 'dpo', source: 'x y' });
      expect(again.statusCode).toBe(409);
      expect(again.json().errors[0].field).toBe('name');
      const badKind = await call('POST', '/api/v1/watchlists', 'imigrasi.parepare', { name: 'Lain', kind: 'nope', source: 'x y' });
      expect(badKind.statusCode).toBe(400);
    });

    it('adds an entry by hand; a guest matching it raises a watchlist alert at check-in', async () => {
      const bad = await call('POST', `/api/v1/watchlists/${listId}/entries`, 'imigrasi.parepare', { names: ['  '], birthDates: ['1980-02-30'], nationalities: ['XYZ'] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['birthDates.0', 'names.0', 'nationalities.0']);
      const res = await call('POST', `/api/v1/watchlists/${listId}/entries`, 'imigrasi.parepare', {
        names: ['Qadir Rekaanov', 'Кадыр Рекаанов'], birthDates: ['1977-07-07'], nationalities: ['KAZ'], documentNumbers: ['n 1234567'], reason: 'DPO pencurian (uji)',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ manual: true, names: ['Qadir Rekaanov', 'Кадыр Рекаанов'], documentNumbers: ['N1234567'], version: 1, changedBy: 'imigrasi.parepare' });
      const stay = await call('POST', '/api/v1/stays', 'hotel.maryam', guest('REKAANOV', 'QADIR', '1977-07-07', 'KAZ'));
      expect(stay.statusCode).toBe(201);
      const [alert] = await alertsFor(stay.json().id);
      expect(alert).toMatchObject({ rule: 'dpo', watchlist_entry_id: res.json().externalId });
      // the list shows the entry; search finds it by an alias in another script
      const found = await call('GET', `/api/v1/watchlists/${listId}/entries?q=${encodeURIComponent('Рекаанов')}`, 'polres.soppeng');
      expect(found.json()).toMatchObject({ total: 1, items: [{ id: res.json().id, abilities: { remove: false } }] });
      expect((await call('GET', `/api/v1/watchlists/${listId}/entries?q=nobody`, 'bin.sulsel')).json().total).toBe(0);
    });

    it('re-screens everyone present after an entry is added by hand', async () => {
      const stay = await call('POST', '/api/v1/stays', 'hotel.maryam', guest('SUDAHADA', 'REKAAN', '1966-06-06', 'NZL'));
      expect(await alertsFor(stay.json().id)).toEqual([]);
      const entry = await call('POST', `/api/v1/watchlists/${listId}/entries`, 'imigrasi.parepare', { names: ['Rekaan Sudahada'], birthDates: ['1966-06-06'], nationalities: ['NZL'] });
      expect(entry.statusCode).toBe(201);
      for (let i = 0; i < 100 && (await alertsFor(stay.json().id)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect((await alertsFor(stay.json().id)).map((a) => a.watchlist_entry_id)).toEqual([entry.json().externalId]);
    });

    it('removes an entry with a reason: kept in the history, versions recorded, audited', async () => {
      const added = await call('POST', `/api/v1/watchlists/${listId}/entries`, 'imigrasi.parepare', { names: ['Hapus Rekaan'], birthDates: ['1990'] });
      const entryId = added.json().id;
      expect((await call('POST', `/api/v1/watchlist-entries/${entryId}/remove`, 'imigrasi.parepare', { reason: 'x' })).statusCode).toBe(400);
      const removed = await call('POST', `/api/v1/watchlist-entries/${entryId}/remove`, 'imigrasi.parepare', { reason: 'Surat pencabutan diterima' });
      expect(removed.statusCode).toBe(200);
      expect(removed.json()).toMatchObject({ removedReason: 'Surat pencabutan diterima', version: 4 });
      expect((await call('POST', `/api/v1/watchlist-entries/${entryId}/remove`, 'imigrasi.parepare', { reason: 'Sekali lagi dong' })).statusCode).toBe(409);
      const versions = (await call('GET', `/api/v1/watchlists/${listId}/versions`, 'imigrasi.parepare')).json().items;
      expect(versions.map((v: { version: number; change: string }) => [v.version, v.change])).toEqual([[4, 'remove'], [3, 'add'], [2, 'add'], [1, 'add']]);
      expect(versions[0]).toMatchObject({ removed: 1, note: 'Surat pencabutan diterima', changedBy: 'imigrasi.parepare' });
      const present = (await call('GET', `/api/v1/watchlists/${listId}/entries`, 'imigrasi.parepare')).json();
      expect(present.items.map((e: { id: string }) => e.id)).not.toContain(entryId);
      const gone = (await call('GET', `/api/v1/watchlists/${listId}/entries?removed=true`, 'imigrasi.parepare')).json();
      expect(gone.items.map((e: { id: string }) => e.id)).toEqual([entryId]);
      const list = (await call('GET', `/api/v1/watchlists/${listId}`, 'imigrasi.parepare')).json();
      expect(list).toMatchObject({ entryCount: 2, version: 4 });
      await foldPending(server.db);
      const audit = await server.db.selectFrom('audit_log').select(['action', 'resource_id']).where('action', 'like', 'watchlist.%').execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['watchlist.create', 'watchlist.entry_add', 'watchlist.entry_remove', 'watchlist.entries_read']));
      expect(audit.find((a) => a.action === 'watchlist.entry_remove')!.resource_id).toBe(entryId);
    });

    it('imports an FtM upload in the background with progress and a per-line report; a re-upload updates', async () => {
      const file = [
        ftm('ftm-1', { name: ['Rekaan Satu'], birthDate: ['1970-01-01'], nationality: ['ru'], topics: ['wanted'] }),
        '{ this is not json',
        ftm('ftm-2', { name: ['Rekaan Dua'], birthDate: ['1971'] }),
        ftm('ftm-3', { birthDate: ['1972-02-02'] }),
        ftm('ftm-4', { name: ['Rekaan Empat'], birthDate: ['02/02/1972'] }),
      ].join('\n');
      const res = await upload(listId, 'imigrasi.parepare', file);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ status: 'running', fileName: 'wanted.jsonl' });
      const done = await finished(res.json().id);
      expect(done).toMatchObject({ status: 'done', done: 2, total: 2, summary: { added: 2, updated: 0, removed: 0 }, errorCount: 3 });
      expect(done.errors.map((e: { line: number }) => e.line)).toEqual([2, 4, 5]);
      // again, one entry changed: updated in place, nothing duplicated; the hand-typed entry stays
      const again = await upload(listId, 'imigrasi.parepare', [ftm('ftm-1', { name: ['Rekaan Satu'], birthDate: ['1970-01-01'], nationality: ['ru'], topics: ['wanted', 'crime'] }),
        ftm('ftm-2', { name: ['Rekaan Dua'], birthDate: ['1971'] })].join('\n'));
      expect(await finished(again.json().id)).toMatchObject({ status: 'done', summary: { added: 0, updated: 1, removed: 0 }, errorCount: 0 });
      const entries = (await call('GET', `/api/v1/watchlists/${listId}/entries?pageSize=50`, 'imigrasi.parepare')).json();
      expect(entries.total).toBe(4);
      expect(entries.items.map((e: { externalId: string }) => e.externalId).sort()).toEqual(['ftm-1', 'ftm-2', expect.stringMatching(/^manual-/), expect.stringMatching(/^manual-/)]);
      const versions = (await call('GET', `/api/v1/watchlists/${listId}/versions`, 'imigrasi.parepare')).json().items;
      expect(versions.slice(0, 2).map((v: { change: string; sourceFile: string }) => [v.change, v.sourceFile])).toEqual([['import', 'wanted.jsonl'], ['import', 'wanted.jsonl']]);
      // while an import runs it owns the next version: changes by hand wait for it
      await server.db.updateTable('watchlist_imports').set({ status: 'running' }).where('id', '=', again.json().id).execute();
      expect((await call('POST', `/api/v1/watchlists/${listId}/entries`, 'imigrasi.parepare', { names: ['Tunggu Dulu'] })).statusCode).toBe(409);
      expect((await upload(listId, 'imigrasi.parepare', ftm('x', { name: ['A B'] }))).statusCode).toBe(409);
      await server.db.updateTable('watchlist_imports').set({ status: 'done' }).where('id', '=', again.json().id).execute();
      const wrongType = await server.app.inject({ method: 'POST', url: `/api/v1/watchlists/${listId}/imports`, headers: { cookie: cookies['imigrasi.parepare']!, 'content-type': 'application/xml' }, payload: '<x/>' });
      expect(wrongType.statusCode).toBe(415);
    });

    it('keeps other agencies out and another area\'s officers from changing a list', async () => {
      expect((await call('GET', '/api/v1/watchlists', 'disnaker.soppeng')).statusCode).toBe(403);
      expect((await call('GET', `/api/v1/watchlists/${listId}/entries`, 'disnaker.soppeng')).statusCode).toBe(403);
      expect((await call('POST', `/api/v1/watchlists/${listId}/entries`, 'polres.soppeng', { names: ['X Y'] })).statusCode).toBe(403);
      // police may look; a list of Makassar is not Parepare's to change
      expect((await call('GET', `/api/v1/watchlists/${listId}/entries`, 'polres.makassar')).statusCode).toBe(200);
      const makassar = await call('POST', '/api/v1/watchlists', 'admin', { name: 'Daftar lokal Makassar (uji)', kind: 'local', source: 'Kota Makassar', regionCode: '73.71' });
      expect(makassar.statusCode).toBe(201);
      expect((await call('POST', `/api/v1/watchlists/${makassar.json().id}/entries`, 'imigrasi.parepare', { names: ['X Y'] })).statusCode).toBe(403);
      expect((await upload(makassar.json().id, 'imigrasi.parepare', ftm('m-1', { name: ['A B'] }))).statusCode).toBe(403);
      const outside = await call('POST', '/api/v1/watchlists', 'imigrasi.parepare', { name: 'Bukan wilayah', kind: 'local', source: 'x y', regionCode: '73.71' });
      expect(outside.statusCode).toBe(400);
      // the administrator keeps lists but reads no entries
      expect((await call('GET', `/api/v1/watchlists/${listId}/entries`, 'admin')).statusCode).toBe(403);
      const me = (await call('GET', '/api/v1/me', 'disnaker.soppeng')).json();
      expect(me.abilities).toMatchObject({ viewWatchlists: false, editWatchlists: false });
      expect((await call('GET', '/api/v1/me', 'imigrasi.parepare')).json().abilities).toMatchObject({ viewWatchlists: true, editWatchlists: true });
    });
  });
}
