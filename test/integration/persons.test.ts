import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPending } from '../../src/server/audit/pending';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// One person, one profile: the officer's picture of a person across the stays in its scope,
// read with a purpose that the audit log keeps.

const PURPOSE = 'Pemeriksaan Timpora Desember';

for (const kind of dialectMatrix()) {
  describe(`persons on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    let person: { id: string; number: string; stays: string[] };
    const body = checkInBody(undefined, {});
    body.guest.surname = 'VANDERZEE';
    body.guest.givenNames = 'LIVIA QUORRA';
    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'imigrasi.parepare', 'polres.soppeng', 'kesbangpol.soppeng', 'polres.makassar']) cookies[u] = await server.login(u);
      const first = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.maryam'] }, payload: body });
      expect(first.statusCode).toBe(201);
      // the same passport at another Soppeng lodging, reported by immigration
      const villa = await server.db.selectFrom('reporter_orgs').select('id').where('name', '=', 'Villa Lejja Indah').executeTakeFirstOrThrow();
      const second = await server.app.inject({
        method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['imigrasi.parepare'] }, payload: { ...body, lodgingId: villa.id },
      });
      expect(second.statusCode, second.body).toBe(201);
      const firstStay = await server.db.selectFrom('stays').select('person_id').where('id', '=', first.json().id).executeTakeFirstOrThrow();
      expect(second.json().personId).toBe(firstStay.person_id); // one passport, one person
      person = { id: second.json().personId, number: body.guest.document.number, stays: [first.json().id, second.json().id] };
    }, 60_000);
    afterAll(async () => server?.close());
    const get = (user: string, url: string, purpose: string | null = PURPOSE) =>
      server.app.inject({ url, headers: { cookie: cookies[user]!, ...(purpose === null ? {} : { 'x-access-purpose': purpose }) } });

    it('requires a purpose, naming the header', async () => {
      const res = await get('polres.soppeng', `/api/v1/persons/${person.id}`, null);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('X-Access-Purpose');
      expect((await get('polres.soppeng', `/api/v1/persons/${person.id}`, 'ab')).statusCode).toBe(400);
    });

    it('shows one person with both stays, newest first, and the purpose in the audit log', async () => {
      const res = await get('polres.soppeng', `/api/v1/persons/${person.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json();
      expect(p.identity).toMatchObject({ surname: 'VANDERZEE', givenNames: 'LIVIA QUORRA', nationality: 'NLD' });
      expect(p.dateOfBirth).toBe(body.guest.dateOfBirth);
      expect(p.documents.map((d: { number: string }) => d.number)).toEqual([person.number]);
      expect(p.timeline).toHaveLength(2);
      expect(p.timeline.map((t: { stayId: string }) => t.stayId).sort()).toEqual([...person.stays].sort());
      expect(new Set(p.timeline.map((t: { lodging: { name: string } }) => t.lodging.name))).toEqual(new Set(['Hotel Maryam', 'Villa Lejja Indah']));
      expect(p.reportedIdentities).toHaveLength(1);
      expect(p.reportedIdentities[0].lodgings).toHaveLength(2);
      expect(p.whereabouts.status).toBe('present');
      expect(p.permit.status).toBe('expiring'); // valid for 29 more days
      await foldPending(server.db);
      const audit = await server.db.selectFrom('audit_log').select(['detail', 'actor_username']).where('action', '=', 'person.read')
        .where('resource_type', '=', 'person').where('resource_id', '=', person.id).execute();
      expect(audit.map((a) => JSON.parse(a.detail).purpose)).toContain(PURPOSE);
    });

    it('withholds documents from Kesbangpol', async () => {
      const p = (await get('kesbangpol.soppeng', `/api/v1/persons/${person.id}`)).json();
      expect(p.identity.surname).toBe('VANDERZEE');
      expect(p.dateOfBirth).toBeNull();
      expect(p.documents).toBeNull();
      expect(p.reportedIdentities[0].dateOfBirth).toBeNull();
      expect(JSON.stringify(p)).not.toContain(person.number);
      const search = (await get('kesbangpol.soppeng', `/api/v1/persons?q=${person.number}`)).json();
      expect(search.total).toBe(0);
    });

    it('answers 404 outside the scope and 403 to lodgings', async () => {
      expect((await get('polres.makassar', `/api/v1/persons/${person.id}`)).statusCode).toBe(404);
      expect((await get('hotel.maryam', `/api/v1/persons/${person.id}`)).statusCode).toBe(403);
      expect((await get('hotel.maryam', '/api/v1/persons')).statusCode).toBe(403);
      expect((await get('polres.soppeng', '/api/v1/persons/no-such-person')).statusCode).toBe(404);
      const makassar = (await get('polres.makassar', '/api/v1/persons?q=VANDERZEE')).json();
      expect(makassar.total).toBe(0);
    });

    it('finds a person by given names and surname in either order', async () => {
      for (const q of ['LIVIA VANDERZEE', 'vanderzee livia', 'Quorra Livia Vanderzee']) {
        const res = await get('polres.soppeng', `/api/v1/persons?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, res.body).toBe(200);
        const item = res.json().items.find((i: { id: string }) => i.id === person.id);
        expect(item, q).toMatchObject({ surname: 'VANDERZEE', givenNames: 'LIVIA QUORRA', nationality: 'NLD', present: true });
      }
      expect((await get('polres.soppeng', '/api/v1/persons?q=LIVIA%20NOBODY')).json().total).toBe(0);
      expect((await get('polres.soppeng', `/api/v1/persons?q=${person.number}`)).json().items[0].id).toBe(person.id);
      const byNationality = (await get('polres.soppeng', '/api/v1/persons?nationality=NLD&pageSize=200')).json();
      expect(byNationality.items.every((i: { nationality: string }) => i.nationality === 'NLD')).toBe(true);
      expect((await get('polres.soppeng', '/api/v1/persons?pageSize=201')).statusCode).toBe(400);
      expect((await get('polres.soppeng', '/api/v1/persons?other=1')).statusCode).toBe(400);
    });
  });
}
