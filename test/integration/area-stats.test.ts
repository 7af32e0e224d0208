import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { localDate } from '../../src/domain/regions';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// The live area dashboard's figures: seeded stays across dates change each figure by exactly
// what they should; days and "today" are Soppeng's (WITA), not UTC; scope decides the region.

type Area = {
  today: string; period: { from: string; to: string }; region: { code: string; timeZone: string };
  present: { total: number; overstaying: number; expiring30: number; byPurpose: { key: string; n: number }[]; byLodging: { name: string; n: number }[]; byNationality: { key: string; n: number }[] };
  daily: { date: string; arrivals: number; departures: number }[];
  reports: { total: number; late: number; byKind: Record<string, number>; byChannel: Record<string, number> };
  children: { code: string; present: number; overstaying: number }[];
  ancestors: { code: string; inArea: boolean }[];
};

for (const kind of dialectMatrix()) {
  describe(`area stats on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const today = localDate(new Date(), 'WITA');
    let before: Area;
    let after: Area;
    let district = '';
    const get = (user: string, query = '') => server.app.inject({ url: `/api/v1/stats/area${query}`, headers: { cookie: cookies[user]! } });

    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'polres.soppeng', 'polres.makassar']) cookies[u] = await server.login(u);
      before = (await get('polres.soppeng')).json();
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        const body = checkInBody(today, {});
        body.guest.nationality = 'JPN';
        body.guest.document.issuingState = 'JPN';
        const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.maryam'] }, payload: body });
        expect(res.statusCode, res.body).toBe(201);
        ids.push(res.json().id);
      }
      const [a, b, c, d] = ids as [string, string, string, string];
      const set = (id: string, values: Record<string, string>) => server.db.updateTable('stays').set(values).where('id', '=', id).execute();
      // A: arrived ten days ago, permit ended two days ago (overstay), reported late
      await set(a, { arrival_date: addDays(today, -10), permit_valid_until: addDays(today, -2), findings: '["late_report"]' });
      // B: arrived yesterday, permit ends in ten days (expiring)
      await set(b, { arrival_date: addDays(today, -1), permit_valid_until: addDays(today, 10) });
      // C: arrived yesterday, checked out today (WITA)
      await set(c, { arrival_date: addDays(today, -1), permit_valid_until: addDays(today, 200) });
      const out = await server.app.inject({ method: 'POST', url: `/api/v1/stays/${c}/checkout`, headers: { cookie: cookies['hotel.maryam'] }, payload: { departureDate: today } });
      expect(out.statusCode, out.body).toBe(200);
      // D: arrived long before the period, permit far ahead: present, in no daily figure
      await set(d, { arrival_date: addDays(today, -200), permit_valid_until: addDays(today, 300) });
      const stay = await server.db.selectFrom('stays').select('region_code').where('id', '=', a).executeTakeFirstOrThrow();
      district = stay.region_code.slice(0, 8);
      after = (await get('polres.soppeng')).json();
    }, 90_000);
    afterAll(async () => server?.close());

    const day = (area: Area, date: string) => area.daily.find((d) => d.date === date) ?? { arrivals: 0, departures: 0 };
    const keyed = (rows: { key: string; n: number }[], key: string) => rows.find((r) => r.key === key)?.n ?? 0;

    it('defaults to the actor\'s regency, today in WITA and the last 90 days', () => {
      expect(after.region).toMatchObject({ code: '73.12', timeZone: 'WITA' });
      expect(after.today).toBe(today);
      expect(after.period).toEqual({ from: addDays(today, -89), to: today });
      expect(after.daily).toHaveLength(90);
      expect(after.ancestors).toEqual([expect.objectContaining({ code: '73', inArea: false })]);
    });

    it('counts present, overstays and expiring permits', () => {
      expect(after.present.total - before.present.total).toBe(3);
      expect(after.present.overstaying - before.present.overstaying).toBe(1);
      expect(after.present.expiring30 - before.present.expiring30).toBe(1);
      expect(keyed(after.present.byNationality, 'JPN') - keyed(before.present.byNationality, 'JPN')).toBe(3);
      expect(keyed(after.present.byPurpose, 'lodging') - keyed(before.present.byPurpose, 'lodging')).toBe(3);
      const maryam = (x: Area) => x.present.byLodging.find((l) => l.name === 'Hotel Maryam')?.n ?? 0;
      expect(maryam(after) - maryam(before)).toBe(3);
    });

    it('counts arrivals and departures on the local day', () => {
      expect(day(after, addDays(today, -10)).arrivals - day(before, addDays(today, -10)).arrivals).toBe(1);
      expect(day(after, addDays(today, -1)).arrivals - day(before, addDays(today, -1)).arrivals).toBe(2);
      expect(day(after, today).departures - day(before, today).departures).toBe(1);
      const sum = (x: Area) => x.daily.reduce((s, d) => s + d.arrivals, 0);
      expect(sum(after) - sum(before)).toBe(3); // D arrived before the period
    });

    it('counts reports per kind and channel and the late ones', () => {
      expect(after.reports.total - before.reports.total).toBe(3);
      expect(after.reports.byKind.lodging! - before.reports.byKind.lodging!).toBe(3);
      expect(after.reports.byChannel.direct! - before.reports.byChannel.direct!).toBe(3);
      expect(after.reports.late - before.reports.late).toBe(1);
    });

    it('drills down to the districts, and to the villages of one', async () => {
      const child = (x: Area, code: string) => x.children.find((c) => c.code === code) ?? { present: 0, overstaying: 0 };
      expect(after.children.length).toBeGreaterThan(1);
      expect(after.children.every((c) => c.code.length === 8 && c.code.startsWith('73.12.'))).toBe(true);
      expect(child(after, district).present - child(before, district).present).toBe(3);
      expect(child(after, district).overstaying - child(before, district).overstaying).toBe(1);
      const down = (await get('polres.soppeng', `?region=${district}`)).json() as Area;
      expect(down.present.total).toBe(child(after, district).present);
      expect(down.children.every((c) => c.code.length === 13)).toBe(true);
      expect(down.children.reduce((s, c) => s + c.present, 0)).toBe(down.present.total);
      expect(down.ancestors.map((a) => a.code)).toEqual(['73', '73.12']);
    });

    it('keeps to the scope and names a bad field', async () => {
      expect((await get('polres.makassar', '?region=73.12')).statusCode).toBe(404);
      expect((await get('polres.soppeng', '?region=73')).statusCode).toBe(404);
      expect((await get('hotel.maryam')).statusCode).toBe(403);
      const bad = await get('polres.soppeng', `?from=${today}&to=${addDays(today, -5)}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('from');
      const old = (await get('polres.soppeng', `?from=${addDays(today, -200)}&to=${addDays(today, -200)}`)).json() as Area;
      expect(old.daily).toEqual([{ date: addDays(today, -200), arrivals: expect.any(Number), departures: expect.any(Number) }]);
      expect(old.daily[0]!.arrivals).toBeGreaterThanOrEqual(1);
    });
  });
}
