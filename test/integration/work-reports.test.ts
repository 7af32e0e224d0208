import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { hashPassword } from '../../src/server/auth/passwords';
import { importWatchlist } from '../../src/server/features/watchlists/import';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { DEMO_PASSWORD, type TestServer, startTestServer } from '../fixtures/server';
import { workReportBody } from '../fixtures/work-report';

// Other report kinds: pt.sutera reports a foreign worker; the Soppeng Disnaker member sees the
// worker (count, list, employment) but still not what the field matrix withholds from it.
// A private host reports a foreigner living with them. All feed the same stays and persons.

const today = () => new Date().toISOString().slice(0, 10);

for (const kind of dialectMatrix()) {
  describe(`work and residence reports on ${kind}`, () => {
    let server: TestServer;
    let sutera: string;
    let disnaker: string;
    const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown) =>
      server.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
    const stats = async (cookie: string) => (await inject('GET', '/api/v1/stats/present', cookie)).json();

    beforeAll(async () => {
      server = await startTestServer({ kind });
      sutera = await server.login('pt.sutera');
      disnaker = await server.login('disnaker.soppeng');
    });
    afterAll(async () => server?.close());

    it('pt.sutera reports a worker; disnaker.soppeng sees the worker, the count and the employment, not the passport', async () => {
      const before = await stats(disnaker);
      const body = workReportBody(today());
      const res = await inject('POST', '/api/v1/work-reports', sutera, body);
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created.receiptNumber).toMatch(/^STTP\/73\.12\/\d{8}\/\d{6}$/);
      expect(created.personId).toBeNull(); // a company learns nothing of person links

      const row = await server.db.selectFrom('stays').select(['report_kind', 'region_code', 'person_id']).where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ report_kind: 'work', region_code: '73.12.03.1001' });
      const audit = await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', created.id).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['stay.check_in', 'stay.employment']));

      const after = await stats(disnaker);
      expect(after.presentCount).toBe(before.presentCount + 1);
      expect(after.byReportKind.work).toBe(before.byReportKind.work + 1);
      expect(after.byReportKind.lodging + after.byReportKind.work + after.byReportKind.residence).toBe(after.presentCount);

      const list = (await inject('GET', '/api/v1/stays?present=true&pageSize=200', disnaker)).json();
      const seen = list.items.find((s: { id: string }) => s.id === created.id);
      expect(seen).toBeDefined();
      expect(seen.reportKind).toBe('work');
      expect(seen.guest.surname).toBe('WORKERSON');
      expect(seen.employment).toMatchObject({
        employer: { name: 'PT Sutera Soppeng Lestari' }, position: body.position, workPermitRef: body.workPermitRef,
        worksite: { villageCode: '73.12.03.1001', lat: -4.3301, lng: 119.8702 }, period: body.period,
      });
      // withheld from Disnaker by the field matrix: document and screening
      expect(seen.guest.document.number).toBeNull();
      expect(seen.guest.dateOfBirth).toBeNull();
      expect(seen.personId).toBeNull();

      const one = (await inject('GET', `/api/v1/stays/${created.id}`, disnaker)).json();
      expect(one.employment.position).toBe(body.position);
      expect(one.guest.document.number).toBeNull();

      // the work-report list: Disnaker's area and the company's own
      const workers = (await inject('GET', '/api/v1/work-reports?present=true', disnaker)).json();
      expect(workers.items.every((s: { reportKind: string }) => s.reportKind === 'work')).toBe(true);
      expect(workers.items.map((s: { id: string }) => s.id)).toContain(created.id);
      const own = (await inject('GET', '/api/v1/work-reports', sutera)).json();
      expect(own.items[0].id).toBe(created.id);
      expect(own.items[0].guest.document.number).toBe(body.worker.document.number); // what it typed itself
    });

    it('feeds the same person record: the profile shows the report kind and, to immigration, the employment', async () => {
      const body = workReportBody(today());
      const created = (await inject('POST', '/api/v1/work-reports', sutera, body)).json();
      const imigrasi = await server.login('imigrasi.parepare');
      const stay = (await inject('GET', `/api/v1/stays/${created.id}`, imigrasi)).json();
      expect(stay.personId).toBeTruthy();
      const person = await server.app.inject({ url: `/api/v1/persons/${stay.personId}`, headers: { cookie: imigrasi, 'x-access-purpose': 'pengawasan TKA' } });
      expect(person.statusCode).toBe(200);
      const item = person.json().timeline.find((t: { stayId: string }) => t.stayId === created.id);
      expect(item).toMatchObject({ reportKind: 'work', employment: { position: body.position, worksite: { villageCode: '73.12.03.1001' } } });
      // a second report of the same passport by a lodging links to the same person
      const hotel = await server.login('hotel.maryam');
      const again = (await inject('POST', '/api/v1/stays', hotel, { ...checkInBody(today()), guest: body.worker })).json();
      const linked = await server.db.selectFrom('stays').select('person_id').where('id', 'in', [created.id, again.id]).execute();
      expect(new Set(linked.map((r) => r.person_id)).size).toBe(1);
    });

    it('screens a reported worker against the watchlists like a guest', async () => {
      const entry = JSON.stringify({ id: 'wr-synth-1', schema: 'Person', properties: { name: ['Rekaan Pekerja Dicari'], birthDate: ['1977-02-03'], nationality: ['cn'] } });
      await importWatchlist(server.db, entry, { list: 'DPO (synthetic, workers test)', kind: 'dpo' });
      server.app.screening.invalidate();
      const body = workReportBody(today());
      Object.assign(body.worker, { surname: 'REKAAN', givenNames: 'PEKERJA DICARI', dateOfBirth: '1977-02-03' });
      const res = await inject('POST', '/api/v1/work-reports', sutera, body);
      expect(res.statusCode).toBe(201);
      expect(JSON.stringify(res.json())).not.toMatch(/alert|watchlist/i);
      const alerts = await server.db.selectFrom('alerts').select('watchlist_entry_id').where('stay_id', '=', res.json().id).where('source', '=', 'watchlist').execute();
      expect(alerts.map((a) => a.watchlist_entry_id)).toContain('wr-synth-1');
    });

    it('withholds the employment from agencies without the employment group (Polres)', async () => {
      const created = (await inject('POST', '/api/v1/work-reports', sutera, workReportBody(today()))).json();
      const polres = await server.login('polres.soppeng');
      const one = (await inject('GET', `/api/v1/stays/${created.id}`, polres)).json();
      expect(one.reportKind).toBe('work');
      expect(one.employment).toBeNull();
      expect(one.guest.document.number).not.toBeNull(); // Polres sees documents
    });

    it('files a worksite in another regency under that regency (Makassar sees it, Soppeng does not)', async () => {
      const body = workReportBody(today(), { worksite: { address: 'Gudang Losari', villageCode: '73.71.04.1008', lat: -5.14, lng: 119.41 } });
      const res = await inject('POST', '/api/v1/work-reports', sutera, body);
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created.receiptNumber).toMatch(/^STTP\/73\.71\//);
      expect((await inject('GET', `/api/v1/stays/${created.id}`, disnaker)).statusCode).toBe(404);
      const makassar = await server.login('polres.makassar');
      expect((await inject('GET', `/api/v1/stays/${created.id}`, makassar)).statusCode).toBe(200);
    });

    it('ends an employment with a check-out', async () => {
      const created = (await inject('POST', '/api/v1/work-reports', sutera, workReportBody(today()))).json();
      const res = await inject('POST', `/api/v1/stays/${created.id}/checkout`, sutera, { departureDate: today() });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ present: false, reportKind: 'work' });
    });

    it('refuses a lodging on the work-report route (403) and a company on the check-in route (403)', async () => {
      const hotel = await server.login('hotel.maryam');
      expect((await inject('POST', '/api/v1/work-reports', hotel, workReportBody(today()))).statusCode).toBe(403);
      expect((await inject('GET', '/api/v1/work-reports', hotel)).statusCode).toBe(403);
      expect((await inject('POST', '/api/v1/stays', sutera, checkInBody(today()))).statusCode).toBe(403);
      expect((await inject('POST', '/api/v1/residence-reports', sutera, { resident: checkInBody(today()).guest, period: { from: today() } })).statusCode).toBe(403);
    });

    it('names every bad field (400) and stores nothing', async () => {
      const count = async () => Number((await server.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const good = workReportBody(today());
      const res = await server.app.inject({
        method: 'POST', url: '/api/v1/work-reports', headers: { cookie: sutera, 'accept-language': 'en' },
        payload: {
          ...good, position: '   ',
          worker: { ...good.worker, dateOfBirth: '2999-01-01' },
          worksite: { ...good.worksite, villageCode: '73.12.99.9999', lat: 48.85, lng: 2.35 },
          period: { from: good.period.from, until: addDays(good.period.from, -10) },
        },
      });
      expect(res.statusCode).toBe(400);
      const errors = res.json().errors as { field: string; message: string }[];
      const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
      expect(Object.keys(byField)).toEqual(expect.arrayContaining([
        'position', 'worksite.villageCode', 'worksite.lat', 'worksite.lng', 'period.until', 'worker.dateOfBirth',
      ]));
      expect(byField['worksite.lat']).toMatch(/outside Indonesia/);
      expect(byField['period.until']).toMatch(/before the start/);
      expect(byField['worksite.villageCode']).toMatch(/village/i);
      expect(await count()).toBe(before);

      const future = await inject('POST', '/api/v1/work-reports', sutera, workReportBody(today(), { period: { from: addDays(today(), 30), until: addDays(today(), 300) } }));
      expect(future.statusCode).toBe(400);
      expect(future.json().errors.map((e: { field: string }) => e.field)).toContain('period.from');

      const schema = await inject('POST', '/api/v1/work-reports', sutera, { ...good, worksite: { ...good.worksite, lat: 'north' } });
      expect(schema.statusCode).toBe(400);
      expect(schema.json().errors.map((e: { field: string }) => e.field)).toContain('worksite.lat');
    });

    it('takes a residence report from a private host and counts the resident', async () => {
      const orgId = randomUUID();
      await server.db.insertInto('reporter_orgs').values({
        id: orgId, kind: 'private', lodging_type: null, name: 'Keluarga Sintetis Lalabata', address: 'Jl. Contoh 1, Lalabata Rilau',
        village_code: '73.12.04.1001', phone: null, verified_at: new Date().toISOString(), verified_by: null, created_at: new Date().toISOString(),
      }).execute();
      await server.db.insertInto('users').values({
        id: randomUUID(), username: 'host.sintetis', display_name: 'Tuan Rumah Sintetis', email: null, password_hash: await hashPassword(DEMO_PASSWORD),
        role: 'reporter', agency_id: null, area_code: null, reporter_org_id: orgId, totp_secret: null, locale: 'id', active: 1,
        failed_logins: 0, locked_until: null, created_at: new Date().toISOString(),
      }).execute();
      const host = await server.login('host.sintetis');
      const before = await stats(disnaker);
      const resident = { ...checkInBody(today()).guest, permit: { kind: 'itas', validFrom: addDays(today(), -60), validUntil: addDays(today(), 300) } };
      const res = await inject('POST', '/api/v1/residence-reports', host, { resident, period: { from: addDays(today(), -1) } });
      expect(res.statusCode).toBe(201);
      const created = res.json();
      const row = await server.db.selectFrom('stays').select(['report_kind', 'region_code', 'lodging_id']).where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ report_kind: 'residence', region_code: '73.12.04.1001', lodging_id: orgId });
      const after = await stats(disnaker);
      expect(after.byReportKind.residence).toBe(before.byReportKind.residence + 1);
      const seen = (await inject('GET', `/api/v1/stays/${created.id}`, disnaker)).json();
      expect(seen).toMatchObject({ reportKind: 'residence', employment: null });

      const bad = await inject('POST', '/api/v1/residence-reports', host, { resident: { ...resident, nationality: 'ZZZ' }, period: { from: today(), until: addDays(today(), -3) } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['resident.nationality', 'period.until']));
      // a private host is not a lodging nor a company
      expect((await inject('POST', '/api/v1/stays', host, checkInBody(today()))).statusCode).toBe(403);
      expect((await inject('POST', '/api/v1/work-reports', host, workReportBody(today()))).statusCode).toBe(403);
    });
  });
}
