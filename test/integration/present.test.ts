import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { AGENCY_FIELD_GROUPS } from '../../src/domain/access/field-matrix';
import { localDate } from '../../src/domain/regions';
import { actorForToken } from '../../src/server/auth/sessions';
import { foldPending } from '../../src/server/audit/pending';
import { listPresent } from '../../src/server/features/present/queries';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Who is present: everyone present in the officer's area, by status, within the field matrix.

type Item = { stayId: string; personId: string; reportKind: string; identity: { surname: string; nationality: string } | null; document: unknown;
  permit: { validUntil: string | null } | null; whereabouts: { arrivalDate: string; lodging: { name: string } } | null;
  flags: { overstay: boolean | null; permitExpiring: boolean | null; passportExpired: boolean | null } };

for (const kind of dialectMatrix()) {
  describe(`present list on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const today = localDate(new Date(), 'WITA');
    const stays: Record<string, { id: string; personId: string }> = {};

    async function checkIn(user: string, key: string, until: string | null, extra: { passportExpiry?: string; nationality?: string } = {}) {
      const body = checkInBody(today);
      body.guest.surname = `PRESENTIA${key.toUpperCase()}`;
      if (extra.nationality) { body.guest.nationality = extra.nationality; body.guest.document.issuingState = extra.nationality; }
      if (extra.passportExpiry) body.guest.document.expiryDate = extra.passportExpiry;
      body.guest.permit = until === null ? { kind: 'itap', validFrom: addDays(today, -400) } as never
        : { kind: 'visa_free_visit', validFrom: addDays(until, -29), validUntil: until };
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies[user]! }, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      const row = await server.db.selectFrom('stays').select('person_id').where('id', '=', res.json().id).executeTakeFirstOrThrow();
      stays[key] = { id: res.json().id, personId: row.person_id };
    }

    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'hotel.makassar', 'polres.soppeng', 'kesbangpol.soppeng', 'polres.makassar', 'disnaker.soppeng']) cookies[u] = await server.login(u);
      await checkIn('hotel.maryam', 'over', addDays(today, -1), { nationality: 'GBR' }); // ended yesterday
      await checkIn('hotel.maryam', 'today', today); // ends today: not yet an overstay
      await checkIn('hotel.maryam', 'seven', addDays(today, 7));
      await checkIn('hotel.maryam', 'eight', addDays(today, 8));
      await checkIn('hotel.maryam', 'thirty', addDays(today, 30));
      await checkIn('hotel.maryam', 'later', addDays(today, 31));
      await checkIn('hotel.maryam', 'itap', null);
      await checkIn('hotel.maryam', 'expired', addDays(today, 60), { passportExpiry: addDays(today, -2) });
      await checkIn('hotel.makassar', 'makassar', addDays(today, -5), { nationality: 'GBR' });
      await server.db.updateTable('stays').set({ findings: JSON.stringify(['late_report']) }).where('id', '=', stays.thirty!.id).execute();
      await server.db.insertInto('identity_conflicts').values({
        id: randomUUID(), person_id: stays.later!.personId, stay_id: stays.later!.id, region_code: '73.12.04.1001',
        fields: JSON.stringify({ surname: { person: 'A', reported: 'B' } }), status: 'open', resolution: null, reason: null,
        resolved_by: null, resolved_at: null, created_at: new Date().toISOString(),
      }).execute();
    }, 120_000);
    afterAll(async () => server?.close());

    const list = async (user: string, query = '') => {
      const res = await server.app.inject({ url: `/api/v1/present?pageSize=200${query}`, headers: { cookie: cookies[user]! } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Item[]; total: number; today: string };
    };
    const keysIn = (items: Item[]) => Object.keys(stays).filter((k) => items.some((i) => i.stayId === stays[k]!.id)).sort();

    it('lists everyone present in the area, demo included, never another regency\'s', async () => {
      const all = await list('polres.soppeng');
      expect(all.today).toBe(today);
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThan(30); // the demo's present guests and workers, and ours
      expect(keysIn(all.items)).toEqual(['eight', 'expired', 'itap', 'later', 'over', 'seven', 'thirty', 'today']);
      expect(new Set(all.items.map((i) => i.whereabouts!.arrivalDate)).size).toBeGreaterThan(1);
      const arrivals = all.items.map((i) => i.whereabouts!.arrivalDate);
      expect(arrivals).toEqual([...arrivals].sort().reverse()); // newest arrival first by default
      const makassar = await list('polres.makassar');
      expect(keysIn(makassar.items)).toEqual(['makassar']);
    });

    it('filters by status with dates around today (WITA)', async () => {
      const over = await list('polres.soppeng', '&status=overstaying');
      expect(keysIn(over.items)).toEqual(['over']);
      expect(over.items.every((i) => i.permit!.validUntil! < today && i.flags.overstay === true)).toBe(true);
      expect(over.total).toBeGreaterThanOrEqual(3); // the demo's overstays, too
      expect(keysIn((await list('polres.soppeng', '&status=expiring7')).items)).toEqual(['seven', 'today']);
      expect(keysIn((await list('polres.soppeng', '&status=expiring30')).items)).toEqual(['eight', 'seven', 'thirty', 'today']);
      expect(keysIn((await list('polres.soppeng', '&status=late')).items)).toEqual(['thirty']);
      expect(keysIn((await list('polres.soppeng', '&status=conflict')).items)).toEqual(['later']);
      // the demo has something behind every filter
      for (const status of ['expiring7', 'expiring30', 'late']) expect((await list('polres.soppeng', `&status=${status}`)).total).toBeGreaterThan(1);
    });

    it('flags overstays, expiring permits and expired passports', async () => {
      const { items } = await list('polres.soppeng');
      const flags = (k: string) => items.find((i) => i.stayId === stays[k]!.id)!.flags;
      expect(flags('over')).toEqual({ overstay: true, permitExpiring: false, passportExpired: false });
      expect(flags('thirty')).toEqual({ overstay: false, permitExpiring: true, passportExpired: false });
      expect(flags('itap')).toEqual({ overstay: false, permitExpiring: false, passportExpired: false });
      expect(flags('expired')).toEqual({ overstay: false, permitExpiring: false, passportExpired: true });
      expect(items.filter((i) => i.flags.passportExpired).length).toBeGreaterThan(1); // one in the demo
    });

    it('filters by nationality, permit kind, lodging and village, and sorts', async () => {
      const gbr = await list('polres.soppeng', '&nationality=GBR');
      expect(gbr.items.every((i) => i.identity!.nationality === 'GBR')).toBe(true);
      expect(keysIn(gbr.items)).toEqual(['over']);
      expect(keysIn((await list('polres.soppeng', '&permitKind=itap')).items)).toEqual(['itap']);
      // by purpose: the demo's sponsored workers alone, as the dashboard's "work" figure links
      const workers = await list('polres.soppeng', '&reportKind=work');
      expect(workers.total).toBeGreaterThan(0);
      expect(workers.items.every((i) => i.reportKind === 'work')).toBe(true);
      expect((await list('polres.soppeng', '&reportKind=lodging')).total + workers.total).toBeLessThanOrEqual((await list('polres.soppeng')).total);
      const badKind = await server.app.inject({ url: '/api/v1/present?reportKind=holiday', headers: { cookie: cookies['polres.soppeng']! } });
      expect(badKind.statusCode).toBe(400);
      // paging with a sort on the stay's own column: pages are disjoint and in order
      const first = (await list('polres.soppeng', '&sort=arrival&dir=asc')).items.map((i) => i.stayId);
      const paged = [];
      for (let page = 1; page <= 3; page++) {
        const res = await server.app.inject({ url: `/api/v1/present?pageSize=5&page=${page}&sort=arrival&dir=asc`, headers: { cookie: cookies['polres.soppeng']! } });
        paged.push(...res.json().items.map((i: Item) => i.stayId));
      }
      expect(paged).toEqual(first.slice(0, 15));
      const maryam = await server.db.selectFrom('reporter_orgs').select(['id', 'village_code']).where('name', '=', 'Hotel Maryam').executeTakeFirstOrThrow();
      const byLodging = await list('polres.soppeng', `&lodging=${maryam.id}`);
      expect(byLodging.items.every((i) => i.whereabouts!.lodging.name === 'Hotel Maryam')).toBe(true);
      expect((await list('polres.soppeng', `&village=${maryam.village_code}`)).total).toBeGreaterThanOrEqual(byLodging.total);
      const byName = (await list('polres.soppeng', '&sort=name&dir=asc')).items.map((i) => i.identity!.surname);
      expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const byUntil = (await list('polres.soppeng', '&sort=permitUntil&dir=asc')).items.map((i) => i.permit!.validUntil);
      const dated = byUntil.filter((u): u is string => u !== null);
      expect(dated).toEqual([...dated].sort());
      expect(byUntil.slice(dated.length).every((u) => u === null)).toBe(true); // no end date: last
    });

    it('pages, and refuses bad input naming the field', async () => {
      const res = await server.app.inject({ url: '/api/v1/present?pageSize=5&page=2', headers: { cookie: cookies['polres.soppeng']! } });
      expect(res.json().items).toHaveLength(5);
      expect(res.json().page).toBe(2);
      for (const bad of ['pageSize=201', 'status=gone', 'sort=weight', 'region=7', 'nationality=gb', 'other=1']) {
        const r = await server.app.inject({ url: `/api/v1/present?${bad}`, headers: { cookie: cookies['polres.soppeng']! } });
        expect(r.statusCode, bad).toBe(400);
      }
    });

    it('narrows to a region inside the area; outside the area answers 404; lodgings 403', async () => {
      expect((await list('polres.soppeng', '&region=73.12')).total).toBe((await list('polres.soppeng')).total);
      const get = (user: string, url: string) => server.app.inject({ url, headers: { cookie: cookies[user]! } });
      expect((await get('polres.soppeng', '/api/v1/present?region=73.71')).statusCode).toBe(404);
      expect((await get('polres.makassar', '/api/v1/present?region=73.12.04')).statusCode).toBe(404);
      expect((await get('hotel.maryam', '/api/v1/present')).statusCode).toBe(403);
      expect((await server.app.inject({ url: '/api/v1/present' })).statusCode).toBe(401);
    });

    it('follows the field matrix: columns, flags and filters on hidden fields', async () => {
      const kesbang = await list('kesbangpol.soppeng');
      expect(kesbang.items.every((i) => i.document === null && i.flags.passportExpired === null && i.identity !== null)).toBe(true);
      expect(JSON.stringify(kesbang)).not.toContain('TX1');
      // Kesbangpol does not see screening: the conflict filter matches nothing
      expect((await list('kesbangpol.soppeng', '&status=conflict')).total).toBe(0);
      // an actor without identity: a nationality filter matches nothing and a name sort does not order by name
      const groups = AGENCY_FIELD_GROUPS as Record<string, readonly string[]>;
      const saved = groups.other!;
      const polres = await actorForToken(server.db, cookies['polres.soppeng']!.split('=')[1]!);
      try {
        groups.other = ['whereabouts', 'permit'];
        const blind = { ...polres!, agencyKind: 'other' };
        const f = { page: 1, pageSize: 200 };
        expect((await listPresent(server.db, blind, { ...f, nationality: 'GBR' }, today)).total).toBe(0);
        const sorted = (await listPresent(server.db, blind, { ...f, sort: 'name', dir: 'asc' }, today)).rows.map((r) => r.arrival_date);
        expect(sorted).toEqual([...sorted].sort()); // arrival stands in for the hidden name
      } finally {
        groups.other = saved;
      }
    });

    it('audits the read with the filter and the returned ids', async () => {
      const res = await list('polres.soppeng', '&status=overstaying');
      await foldPending(server.db);
      const rows = await server.db.selectFrom('audit_log').select('detail').where('action', '=', 'present.list').where('actor_username', '=', 'polres.soppeng').execute();
      const details = rows.map((r) => JSON.parse(r.detail));
      const mine = details.find((d) => d.query?.status === 'overstaying');
      expect(mine.returned).toEqual(res.items.map((i) => i.stayId));
    });
  });
}
