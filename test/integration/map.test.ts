import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/regions';
import { foldPending } from '../../src/server/audit/pending';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';
import { newKey, sightingBody } from '../fixtures/sighting';

// The supervision map: places with counts in the caller's area, and who is at one of them,
// as the field matrix allows, in the audit log.

interface Place { kind: string; id: string; name: string; villageCode: string; villageName: string | null; lat: number | null; lng: number | null; count: number }

for (const kind of dialectMatrix()) {
  describe(`map on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    let maryamId: string;
    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'polres.soppeng', 'disnaker.soppeng', 'kesbangpol.soppeng', 'polres.makassar', 'desa.lalabata', 'auditor', 'imigrasi.parepare']) {
        cookies[u] = await server.login(u);
      }
      maryamId = (await server.db.selectFrom('reporter_orgs').select('id').where('name', '=', 'Hotel Maryam').executeTakeFirstOrThrow()).id;
    }, 60_000);
    afterAll(async () => server?.close());
    const get = (user: string, url: string) => server.app.inject({ url, headers: { cookie: cookies[user]! } });
    const places = async (user: string, query = '') => {
      const res = await get(user, `/api/v1/map/places${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().places as Place[];
    };
    const presentAt = (lodgingId: string) => server.db.selectFrom('stays').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('lodging_id', '=', lodgingId).where('departure_date', 'is', null).where('cancelled_at', 'is', null).where('report_kind', '!=', 'work')
      .executeTakeFirstOrThrow().then((r) => Number(r.n));

    it('lists the Soppeng lodgings with coordinates in Soppeng and their present counts, and no other regency\'s', async () => {
      const all = await places('polres.soppeng');
      const lodgings = all.filter((p) => p.kind === 'lodging');
      expect(lodgings.map((p) => p.name)).toEqual(expect.arrayContaining(['Hotel Maryam', 'Villa Lejja Indah', 'Homestay Cabenge']));
      expect(all.every((p) => p.villageCode.startsWith('73.12.'))).toBe(true);
      expect(all.map((p) => p.name)).not.toContain('Hotel Losari Permai');
      for (const p of lodgings) {
        expect(p.lat!, p.name).toBeGreaterThan(-4.6);
        expect(p.lat!, p.name).toBeLessThan(-4.0);
        expect(p.lng!, p.name).toBeGreaterThan(119.6);
        expect(p.lng!, p.name).toBeLessThan(120.2);
      }
      const maryam = lodgings.find((p) => p.id === maryamId)!;
      expect(maryam.villageName).toBe('Lalabata Rilau');
      expect(maryam.count).toBe(await presentAt(maryamId));
      // no personal data in the places answer
      const body = JSON.stringify(all);
      const someone = await server.db.selectFrom('persons').select('surname').executeTakeFirstOrThrow();
      expect(body).not.toContain(someone.surname);
      // the company's workers are at its worksite
      const worksites = all.filter((p) => p.kind === 'worksite');
      expect(worksites.length).toBeGreaterThan(0);
      expect(worksites.reduce((n, p) => n + p.count, 0)).toBeGreaterThan(0);
      // Makassar sees its own hotel, not Soppeng's
      const makassar = await places('polres.makassar');
      expect(makassar.map((p) => p.name)).toContain('Hotel Losari Permai');
      expect(makassar.map((p) => p.name)).not.toContain('Hotel Maryam');
    });

    it('counts a check-in and a check-out at once', async () => {
      const before = (await places('polres.soppeng', '?region=73.12.04')).find((p) => p.id === maryamId)!.count;
      const stay = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.maryam']! }, payload: checkInBody() });
      expect(stay.statusCode, stay.body).toBe(201);
      expect((await places('polres.soppeng', '?region=73.12.04')).find((p) => p.id === maryamId)!.count).toBe(before + 1);
      const out = await server.app.inject({
        method: 'POST', url: `/api/v1/stays/${stay.json().id}/checkout`, headers: { cookie: cookies['hotel.maryam']! },
        payload: { departureDate: localDate(new Date(), 'WITA') },
      });
      expect(out.statusCode, out.body).toBe(200);
      expect((await places('polres.soppeng', '?region=73.12.04')).find((p) => p.id === maryamId)!.count).toBe(before);
    });

    it('narrows to a region inside the area; a region outside it is 404, bad input 400', async () => {
      const lalabata = await places('polres.soppeng', '?region=73.12.04');
      expect(lalabata.length).toBeGreaterThan(0);
      expect(lalabata.every((p) => p.villageCode.startsWith('73.12.04.'))).toBe(true);
      expect((await get('polres.soppeng', '/api/v1/map/places?region=73.71')).statusCode).toBe(404);
      expect((await get('polres.soppeng', '/api/v1/map/places?region=seventy')).statusCode).toBe(400);
      expect((await get('polres.soppeng', '/api/v1/map/places/castle/x/persons')).statusCode).toBe(400);
      expect((await get('auditor', '/api/v1/map/places')).statusCode).toBe(403);
      expect((await get('hotel.maryam', '/api/v1/map/places')).statusCode).toBe(403);
    });

    it('lists who is at a lodging, audited, and answers 404 outside the scope', async () => {
      const res = await get('polres.soppeng', `/api/v1/map/places/lodging/${maryamId}/persons`);
      expect(res.statusCode, res.body).toBe(200);
      const { place, items } = res.json();
      expect(place).toMatchObject({ kind: 'lodging', id: maryamId, name: 'Hotel Maryam' });
      expect(items).toHaveLength(await presentAt(maryamId));
      expect(items[0]).toMatchObject({ personId: expect.any(String), surname: expect.any(String), room: expect.any(String) });
      expect(items[0].permit).toMatchObject({ kind: expect.any(String) });
      await foldPending(server.db);
      const audit = await server.db.selectFrom('audit_log').select(['detail', 'actor_username']).where('action', '=', 'map.place.persons')
        .where('resource_id', '=', maryamId).execute();
      expect(audit.map((a) => a.actor_username)).toContain('polres.soppeng');
      expect(JSON.parse(audit[0]!.detail).returned).toEqual(expect.arrayContaining([items[0].personId]));
      expect((await get('polres.makassar', `/api/v1/map/places/lodging/${maryamId}/persons`)).statusCode).toBe(404);
      expect((await get('polres.soppeng', '/api/v1/map/places/lodging/no-such-place/persons')).statusCode).toBe(404);
      expect((await get('hotel.maryam', `/api/v1/map/places/lodging/${maryamId}/persons`)).statusCode).toBe(403);
    });

    it('follows the field matrix at a worksite: the employer and position only for the manpower office', async () => {
      const site = (await places('disnaker.soppeng')).find((p) => p.kind === 'worksite')!;
      expect(site.name).toBe('PT Sutera Soppeng Lestari');
      const disnaker = (await get('disnaker.soppeng', `/api/v1/map/places/worksite/${site.id}/persons`)).json();
      expect(disnaker.items.length).toBe(site.count);
      expect(disnaker.items[0].employment).toMatchObject({ position: expect.any(String), employer: 'PT Sutera Soppeng Lestari' });
      const polresPlace = (await places('polres.soppeng')).find((p) => p.id === site.id)!;
      expect(polresPlace.name).not.toContain('PT Sutera'); // the address instead of the employer
      const polres = (await get('polres.soppeng', `/api/v1/map/places/worksite/${site.id}/persons`)).json();
      expect(polres.items[0].employment).toBeNull();
      expect(polres.items[0].surname).toEqual(expect.any(String));
      expect(JSON.stringify(polres)).not.toContain('PT Sutera');
      expect((await get('polres.makassar', `/api/v1/map/places/worksite/${site.id}/persons`)).statusCode).toBe(404);
    });

    it('shows a sighting, pinned only for agencies that see the exact location', async () => {
      const sent = await server.app.inject({
        method: 'POST', url: '/api/v1/sightings', headers: { cookie: cookies['desa.lalabata']!, 'idempotency-key': newKey() },
        payload: sightingBody({ name: 'Pria asing bertopi merah' }),
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const id = sent.json().id as string;
      const polres = (await places('polres.soppeng')).find((p) => p.id === id)!;
      expect(polres).toMatchObject({ kind: 'sighting', count: 1, lat: -4.3505, lng: 119.8857 });
      const kesbangpol = (await places('kesbangpol.soppeng')).find((p) => p.id === id)!;
      expect(kesbangpol).toMatchObject({ kind: 'sighting', lat: null, lng: null, villageName: 'Lalabata Rilau' });
      const who = (await get('polres.soppeng', `/api/v1/map/places/sighting/${id}/persons`)).json();
      expect(who.items).toEqual([expect.objectContaining({ personId: null, surname: 'Pria asing bertopi merah', nationality: 'CHN' })]);
      expect((await get('polres.makassar', `/api/v1/map/places/sighting/${id}/persons`)).statusCode).toBe(404);
    });

    it('tells the web where tiles come from (none by default)', async () => {
      expect((await get('polres.soppeng', '/api/v1/map/config')).json()).toEqual({ tileUrl: null, attribution: null });
      const me = (await get('polres.soppeng', '/api/v1/me')).json();
      expect(me.abilities.viewMap).toBe(true);
      expect((await get('hotel.maryam', '/api/v1/me')).json().abilities.viewMap).toBe(false);
    });
  });
}
