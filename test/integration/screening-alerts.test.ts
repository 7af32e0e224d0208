import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPending } from '../../src/server/audit/pending';
import { importWatchlist } from '../../src/server/features/watchlists/import';
import { checkInBody } from '../fixtures/check-in';
import { guestRows, HEADERS, toCsv } from '../fixtures/guest-file';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';
import { openEventStream } from '../fixtures/sse';

// Screening wired into reporting: a wanted person on a FollowTheMoney list (Cyrillic name)
// checks in under the Latin spelling of the passport; the area's immigration officer gets a
// live watchlist alert with the reason, the lodging gets its receipt and learns nothing.
// A list imported after a guest arrived re-screens everyone present.

const ftm = (id: string, properties: Record<string, string[]>) => JSON.stringify({ id, schema: 'Person', properties });
const WANTED = [
  ftm('rn-2026-001', { name: ['Цветков Сергей Иванович'], alias: ['Sergei Tsvetkov'], birthDate: ['1979-04-03'], nationality: ['ru'], topics: ['wanted'] }),
  ftm('rn-2026-002', { name: ['Rekaan Lain Sekali'], birthDate: ['1960-01-01'], nationality: ['nz'] }),
].join('\n');

const guest = (surname: string, givenNames: string, dateOfBirth: string, nationality: string) => {
  const body = checkInBody();
  Object.assign(body.guest, { surname, givenNames, dateOfBirth, nationality });
  body.guest.document.issuingState = nationality;
  return body;
};

for (const kind of dialectMatrix()) {
  describe(`screening at check-in on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const post = (url: string, who: string, payload: object) => server.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
    const watchlistAlerts = async (stayId: string) => server.db.selectFrom('alerts').selectAll().where('stay_id', '=', stayId).where('source', '=', 'watchlist').execute();

    beforeAll(async () => {
      server = await startTestServer({ kind, listen: true });
      for (const u of ['hotel.maryam', 'imigrasi.parepare', 'bin.sulsel', 'disnaker.soppeng', 'kesbangpol.soppeng']) cookies[u] = await server.login(u);
    });
    afterAll(async () => server?.close());

    it('raises a live watchlist alert before the receipt returns, and tells the lodging nothing', async () => {
      await importWatchlist(server.db, WANTED, { list: 'Interpol (synthetic)', kind: 'interpol_red_notice' });
      server.app.screening.invalidate(); // as its stamp check would within 5 s
      const immigration = await openEventStream(`${server.url}/api/v1/events`, cookies['imigrasi.parepare']!);
      const kesbangpol = await openEventStream(`${server.url}/api/v1/events`, cookies['kesbangpol.soppeng']!);
      try {
        const res = await post('/api/v1/stays', 'hotel.maryam', guest('TSVETKOV', 'SERGEY', '1979-04-03', 'RUS'));
        expect(res.statusCode).toBe(201);
        expect(res.json().receiptNumber).toMatch(/^STTP\//);
        expect(JSON.stringify(res.json())).not.toMatch(/alert|watchlist|hit/i);
        const [alert] = await watchlistAlerts(res.json().id); // already there when the answer came back
        expect(alert).toMatchObject({ rule: 'interpol_red_notice', severity: 'high', watchlist_entry_id: 'rn-2026-001' });
        expect(JSON.parse(alert!.explanation).params.detail).toMatch(/TSVETKOV|SERGE/);
        // the officer's screen gets the evidence in pieces too, to say in its own language
        const shown = (await server.app.inject({ url: `/api/v1/alerts/${alert!.id}`, headers: { cookie: cookies['imigrasi.parepare']! } })).json();
        expect(shown.explanation.params.reasons).toEqual(expect.arrayContaining([{ kind: 'birth_date', result: 'equal' }, expect.objectContaining({ kind: 'name', role: 'surname' })]));
        await new Promise((r) => setTimeout(r, 500));
        expect(immigration.events.filter((e) => e.event === 'alert.raised').map((e) => (e.data as { alertId: string }).alertId)).toContain(alert!.id);
        expect(kesbangpol.events.filter((e) => e.event.startsWith('alert.'))).toEqual([]);
        // the lodging cannot see alerts at all
        expect((await server.app.inject({ url: '/api/v1/alerts', headers: { cookie: cookies['hotel.maryam']! } })).statusCode).toBe(403);
      } finally { immigration.close(); kesbangpol.close(); }
    });

    it('does not alert on someone else with a similar name but another birth date and nationality', async () => {
      const res = await post('/api/v1/stays', 'hotel.maryam', guest('TSVETKOVA', 'ANNA', '1995-10-10', 'NLD'));
      expect((await watchlistAlerts(res.json().id)).filter((a) => a.severity === 'high')).toEqual([]);
    });

    it('re-screens everyone present when a list changes', async () => {
      const res = await post('/api/v1/stays', 'hotel.maryam', guest('KEEMPAT', 'REKAAN', '1985-05-05', 'NZL'));
      expect(await watchlistAlerts(res.json().id)).toEqual([]);
      await importWatchlist(server.db, ftm('dpo-9', { name: ['Rekaan Keempat'], birthDate: ['1985-05-05'], nationality: ['nz'] }), { list: 'DPO (synthetic)', kind: 'dpo' });
      server.app.screening.invalidate();
      await server.app.screening.current(); // notices the new version and starts re-screening
      for (let i = 0; i < 50 && (await watchlistAlerts(res.json().id)).length === 0; i++) await new Promise((r) => setTimeout(r, 200));
      expect((await watchlistAlerts(res.json().id)).map((a) => a.rule)).toEqual(['dpo']);
      const status = (await server.app.inject({ url: '/api/v1/screening/status', headers: { cookie: cookies['imigrasi.parepare']! } })).json();
      expect(status).toMatchObject({ lists: 3, entries: 4 }); // with the demo's own wanted list
      expect(status.rescreen.done).toBeGreaterThan(0);
      expect(status.rescreen).toMatchObject({ changedOnly: true, entries: 1 }); // the new entry alone, not the whole list
    });

    it('raises one alert per list for a name that resembles several entries with no birth date', async () => {
      const namesakes = ['Zayed Qorbani', 'Qorbani Zayed', 'Zayed Qorbany'].map((name, i) => ftm(`loc-${i}`, { name: [name], nationality: ['af'] })).join('\n');
      await importWatchlist(server.db, namesakes, { list: 'Lokal (synthetic)', kind: 'local' });
      server.app.screening.invalidate();
      await server.app.screening.current();
      const res = await post('/api/v1/stays', 'hotel.maryam', guest('QORBANI', 'ZAYED', '1990-02-02', 'AFG'));
      expect(res.statusCode).toBe(201);
      const alerts = await watchlistAlerts(res.json().id);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ severity: 'medium' });
      const why = JSON.parse(alerts[0]!.explanation);
      expect(why).toMatchObject({ key: 'rule.watchlist_weak_hits', params: { list: 'Lokal (synthetic)', count: 3 } });
    });

    it('screens an imported file too: the wanted guest in row 70 of 80 gets the alert', async () => {
      const rows = guestRows(80, { seed: 11, prefix: 'SCR' });
      rows[69]!.splice(0, 5, 'Tsvetkov', 'Sergei', 'L', '03/04/1979', 'RUS'); // surname, given names, sex, birth date, nationality
      rows[69]![11] = ''; // present, not a past stay
      const headers = { cookie: cookies['hotel.maryam']!, 'content-type': 'text/csv' };
      const up = await server.app.inject({ method: 'POST', url: '/api/v1/imports?fileName=tamu.csv', headers, payload: toCsv(HEADERS, rows) });
      expect(up.statusCode).toBe(201);
      const { id, suggested } = up.json();
      expect((await post(`/api/v1/imports/${id}/dry-run`, 'hotel.maryam', { mapping: suggested })).statusCode).toBe(200);
      expect((await post(`/api/v1/imports/${id}/run`, 'hotel.maryam', { mapping: suggested })).statusCode).toBe(202);
      let state = { status: 'running', stored: 0 };
      for (let i = 0; i < 100 && state.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = (await server.app.inject({ url: `/api/v1/imports/${id}`, headers: { cookie: cookies['hotel.maryam']! } })).json();
      }
      expect(state).toMatchObject({ status: 'done', stored: 80 });
      const wanted = await server.db.selectFrom('stays').innerJoin('import_rows', 'import_rows.stay_id', 'stays.id').select('stays.id')
        .where('import_rows.import_id', '=', id).where('import_rows.row_number', '=', 71).executeTakeFirstOrThrow(); // row 1 is the header
      expect((await watchlistAlerts(wanted.id)).map((a) => a.watchlist_entry_id)).toEqual(['rn-2026-001']);
      const raised = await server.db.selectFrom('alerts').innerJoin('import_rows', 'import_rows.stay_id', 'alerts.stay_id').select('alerts.severity')
        .where('import_rows.import_id', '=', id).where('alerts.source', '=', 'watchlist').execute();
      expect(raised.filter((a) => a.severity === 'high')).toHaveLength(1); // the other 79 synthetic guests are no one's namesake
    });

    it('lets an officer check a name by hand, with a purpose kept in the audit log; not the manpower office', async () => {
      const body = { surname: 'Tsvetkov', givenNames: 'Sergei', dateOfBirth: '1979-04-03', nationality: 'RUS', purpose: 'Pemeriksaan lapangan Timpora' };
      const res = await post('/api/v1/screening/match', 'bin.sulsel', body);
      expect(res.statusCode).toBe(200);
      expect(res.json().hits[0]).toMatchObject({ entity: 'rn-2026-001', strength: 'strong' });
      expect((await post('/api/v1/screening/match', 'disnaker.soppeng', body)).statusCode).toBe(403);
      const missing = await post('/api/v1/screening/match', 'bin.sulsel', { surname: 'X' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('purpose');
      await foldPending(server.db);
      const audit = await server.db.selectFrom('audit_log').select('detail').where('action', '=', 'screening.match').execute();
      expect(audit.map((a) => JSON.parse(a.detail).purpose)).toContain('Pemeriksaan lapangan Timpora');
    });
  });
}
