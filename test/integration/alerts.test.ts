import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { localDate } from '../../src/domain/regions';
import { verifyAuditChain } from '../../src/server/audit/log';
import { raiseRuleAlerts, raiseRuleAlertsFor, sweepPresentPersons } from '../../src/server/features/alerts/raise';
import { actorForToken } from '../../src/server/auth/sessions';
import { createImport } from '../../src/server/features/imports/commands';
import { beginImport, performImport } from '../../src/server/features/imports/run';
import { checkInBody } from '../fixtures/check-in';
import { guestRows, HEADERS, toCsv } from '../fixtures/guest-file';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer, untilSettled } from '../fixtures/server';
import { openEventStream } from '../fixtures/sse';

// Rules raise alerts after a report commits; the area's screening agencies see them live, work
// them to an outcome, and a dismissed alert stays dismissed while its facts do not change.

// Soppeng's own date (WITA): the rules count days there, and UTC is a day behind after 16:00 UTC
const today = () => localDate(new Date(), 'WITA');
const overstayer = () => {
  const body = checkInBody(today());
  body.guest.permit = { kind: 'visa_free_visit', validFrom: addDays(today(), -31), validUntil: addDays(today(), -1) };
  return { ...body, arrivalDate: addDays(today(), -1) };
};

for (const kind of dialectMatrix()) {
  describe(`alerts on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const get = (url: string, who: string) => server.app.inject({ url, headers: { cookie: cookies[who]! } });
    const post = (url: string, who: string, payload: object = {}) => server.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
    const alertsOf = async (who: string, stayId: string) =>
      ((await get('/api/v1/alerts?status=open&pageSize=200', who)).json().items as { stayId: string; rule: string; id: string }[]).filter((a) => a.stayId === stayId);
    const waitForAlert = async (stayId: string, rule: string) => {
      for (let i = 0; i < 40; i++) {
        const found = (await alertsOf('imigrasi.parepare', stayId)).find((a) => a.rule === rule);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no ${rule} alert for ${stayId}`);
    };

    beforeAll(async () => {
      server = await startTestServer({ kind, listen: true });
      for (const u of ['hotel.maryam', 'imigrasi.parepare', 'polres.soppeng', 'polres.makassar', 'disnaker.soppeng', 'bin.sulsel']) cookies[u] = await server.login(u);
    });
    afterAll(async () => server?.close());

    it('raises an overstay alert after the check-in commits, live for immigration, not for the manpower office', async () => {
      const immigration = await openEventStream(`${server.url}/api/v1/events`, cookies['imigrasi.parepare']!);
      const manpower = await openEventStream(`${server.url}/api/v1/events`, cookies['disnaker.soppeng']!);
      try {
        const res = await post('/api/v1/stays', 'hotel.maryam', overstayer());
        expect(res.statusCode).toBe(201);
        const alert = await waitForAlert(res.json().id, 'overstay');
        const events = async (s: typeof immigration) => { await new Promise((r) => setTimeout(r, 300)); return s.events.filter((e) => e.event === 'alert.raised'); };
        expect((await events(immigration)).map((e) => (e.data as { alertId: string }).alertId)).toContain(alert.id);
        expect(await events(manpower)).toEqual([]);
        // the reporter learns nothing: its answer has no alert and it cannot list alerts
        expect(Object.keys(res.json())).not.toContain('alerts');
        expect((await get('/api/v1/alerts', 'hotel.maryam')).statusCode).toBe(403);
      } finally { immigration.close(); manpower.close(); }
    });

    it('shows the alert to the area\'s police, hides it from another area (404) and the manpower office (403)', async () => {
      const stay = (await post('/api/v1/stays', 'hotel.maryam', overstayer())).json();
      const alert = await waitForAlert(stay.id, 'overstay');
      expect((await alertsOf('polres.soppeng', stay.id)).map((a) => a.id)).toContain(alert.id);
      expect((await alertsOf('polres.makassar', stay.id))).toEqual([]);
      expect((await get(`/api/v1/alerts/${alert.id}`, 'polres.makassar')).statusCode).toBe(404);
      expect((await get(`/api/v1/alerts/${alert.id}`, 'disnaker.soppeng')).statusCode).toBe(403);
      const detail = (await get(`/api/v1/alerts/${alert.id}`, 'polres.soppeng')).json();
      expect(detail.explanation).toMatchObject({ key: 'rule.overstay', params: { days: 1 } });
      expect(detail.person.surname).toBe('TESTSSON');
    });

    it('goes from new to resolved with a reason, keeps its history, and a false positive stays dismissed', async () => {
      const stay = (await post('/api/v1/stays', 'hotel.maryam', overstayer())).json();
      const alert = await waitForAlert(stay.id, 'overstay');
      const polresAgency = await server.db.selectFrom('users').select('agency_id').where('username', '=', 'polres.soppeng').executeTakeFirstOrThrow();
      expect((await post(`/api/v1/alerts/${alert.id}/acknowledge`, 'imigrasi.parepare')).json().status).toBe('acknowledged');
      expect((await post(`/api/v1/alerts/${alert.id}/acknowledge`, 'imigrasi.parepare')).statusCode).toBe(409);
      expect((await post(`/api/v1/alerts/${alert.id}/assign`, 'imigrasi.parepare', { agencyId: polresAgency.agency_id })).json().status).toBe('assigned');
      expect((await post(`/api/v1/alerts/${alert.id}/comments`, 'polres.soppeng', { text: 'Dicek ke hotel, tamu sudah pulang' })).statusCode).toBe(200);
      const bad = await post(`/api/v1/alerts/${alert.id}/resolve`, 'polres.soppeng', { outcome: 'false_positive' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('reason');
      const resolved = (await post(`/api/v1/alerts/${alert.id}/resolve`, 'polres.soppeng', { outcome: 'false_positive', reason: 'Izin sudah diperpanjang, dokumen dilihat' })).json();
      expect(resolved).toMatchObject({ status: 'resolved', resolution: 'false_positive', reason: 'Izin sudah diperpanjang, dokumen dilihat' });
      const history = (await get(`/api/v1/alerts/${alert.id}`, 'imigrasi.parepare')).json().activity.map((a: { kind: string }) => a.kind);
      expect(history).toEqual(['raised', 'acknowledged', 'assigned', 'comment', 'resolved']);

      const person = await server.db.selectFrom('stays').select('person_id').where('id', '=', stay.id).executeTakeFirstOrThrow();
      expect(await raiseRuleAlerts(server.db, person.person_id)).toEqual([]); // same facts: not raised again
      const reopened = (await post(`/api/v1/alerts/${alert.id}/reopen`, 'imigrasi.parepare', { reason: 'Ternyata izin belum diperpanjang' })).json();
      expect(reopened).toMatchObject({ status: 'assigned', resolution: null });
      const audit = await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', alert.id).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['alert.raise', 'alert.acknowledge', 'alert.assign', 'alert.resolve', 'alert.reopen']));
    });

    it('raises time-based alerts in the sweep once the days have passed', async () => {
      const body = checkInBody();
      const stay = (await post('/api/v1/stays', 'hotel.maryam', body)).json();
      const person = await server.db.selectFrom('stays').select('person_id').where('id', '=', stay.id).executeTakeFirstOrThrow();
      expect((await raiseRuleAlerts(server.db, person.person_id)).map((a) => a.rule)).not.toContain('overstay');
      await sweepPresentPersons(server.db, new Date(Date.now() + 40 * 86_400_000));
      const rules = (await server.db.selectFrom('alerts').select('rule').where('stay_id', '=', stay.id).execute()).map((a) => a.rule);
      expect(rules).toEqual(expect.arrayContaining(['overstay', 'stay_not_closed']));
    });

    it('raises the alerts of several persons in one go, each with its activity, event and audit entry', async () => {
      const stays = [];
      for (let i = 0; i < 3; i++) stays.push((await post('/api/v1/stays', 'hotel.maryam', checkInBody())).json() as { id: string });
      const persons = await server.db.selectFrom('stays').select('person_id').where('id', 'in', stays.map((s) => s.id)).execute();
      const later = new Date(Date.now() + 40 * 86_400_000);
      const raised = await raiseRuleAlertsFor(server.db, [...persons.map((p) => p.person_id), persons[0]!.person_id], later);
      const alerts = await server.db.selectFrom('alerts').select(['id', 'person_id', 'rule']).where('id', 'in', raised.map((a) => a.id)).execute();
      expect(new Set(alerts.map((a) => a.person_id))).toEqual(new Set(persons.map((p) => p.person_id)));
      expect(alerts.filter((a) => a.rule === 'overstay')).toHaveLength(3); // a person named twice alerts once
      const ids = raised.map((a) => a.id);
      expect(await server.db.selectFrom('alert_activity').select('alert_id').where('alert_id', 'in', ids).execute()).toHaveLength(ids.length);
      expect(await server.db.selectFrom('audit_log').select('resource_id').where('action', '=', 'alert.raise').where('resource_id', 'in', ids).execute()).toHaveLength(ids.length);
      expect((await verifyAuditChain(server.db)).ok).toBe(true);
      expect(await raiseRuleAlertsFor(server.db, persons.map((p) => p.person_id), later)).toEqual([]); // same facts: nothing new
    });

    it('works off an import\'s backlog of reports: every rule alert raised once, none left for a later run', async () => {
      const actor = (await actorForToken(server.db, cookies['hotel.maryam']!.split('=')[1]!))!;
      const created = await createImport(server.db, actor, { bytes: Buffer.from(toCsv(HEADERS, guestRows(1500, { seed: 404, prefix: 'BL', spreadDays: 10 }))), format: 'csv', name: 'backlog.csv' });
      await beginImport(server.db, actor, created.imp.id, created.suggested);
      expect((await performImport(server.db, actor, created.imp.id, { onChunk: () => void server.app.context.relay.kick() })).stored).toBe(1500);
      await untilSettled(server, 50);
      const persons = await server.db.selectFrom('stays').innerJoin('import_rows', 'import_rows.stay_id', 'stays.id').select('stays.person_id')
        .where('import_rows.import_id', '=', created.imp.id).execute();
      const late = await server.db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('rule', '=', 'late_report')
        .where('person_id', 'in', persons.map((p) => p.person_id)).executeTakeFirstOrThrow();
      expect(Number(late.n)).toBeGreaterThan(900); // arrivals up to 10 days back: most were reported late
      expect(await raiseRuleAlertsFor(server.db, persons.map((p) => p.person_id))).toEqual([]);
      expect((await verifyAuditChain(server.db)).ok).toBe(true);
    }, 120_000);

    it('lets only immigration or police confirm a watchlist hit, and hides it from agencies it does not go to', async () => {
      const stay = (await post('/api/v1/stays', 'hotel.maryam', checkInBody())).json();
      const row = await server.db.selectFrom('stays').select(['person_id', 'region_code']).where('id', '=', stay.id).executeTakeFirstOrThrow();
      const id = randomUUID();
      const at = new Date().toISOString();
      await server.db.insertInto('alerts').values({
        id, key: `watchlist:${id}`, source: 'watchlist', rule: 'interpol_red_notice', severity: 'high', status: 'new', person_id: row.person_id, stay_id: stay.id,
        region_code: row.region_code, explanation: JSON.stringify({ key: 'rule.watchlist_hit', params: { score: 0.93 } }), watchlist_entry_id: null, score: 0.93,
        assigned_agency_id: null, assigned_user_id: null, resolution: null, reason: null, created_at: at, updated_at: at, resolved_at: null, resolved_by: null,
      }).execute();
      const confirm = { outcome: 'confirmed', reason: 'Sidik jari dan paspor cocok dengan red notice' };
      const bin = await get(`/api/v1/alerts/${id}`, 'bin.sulsel');
      expect(bin.statusCode).toBe(200);
      expect(bin.json().abilities).toMatchObject({ confirm: false, resolve: true });
      expect((await post(`/api/v1/alerts/${id}/resolve`, 'bin.sulsel', confirm)).statusCode).toBe(403);
      expect((await post(`/api/v1/alerts/${id}/resolve`, 'polres.soppeng', confirm)).json().resolution).toBe('confirmed');
    });
  });
}
