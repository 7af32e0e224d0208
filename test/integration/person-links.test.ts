import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Entity resolution (issue #8): the certain link (same passport), the probable link (same name in
// any order, birth date and nationality, e.g. a renewed passport), merge and split as audited,
// reversible decisions of immigration and police, dismissal of a pair.

const PURPOSE = 'Pemeriksaan identitas Timpora';
type Json = Record<string, any>;

for (const kind of dialectMatrix()) {
  describe(`person links on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const users = ['hotel.maryam', 'villa.lejja', 'imigrasi.parepare', 'polres.soppeng', 'disnaker.soppeng', 'kesbangpol.soppeng', 'polres.makassar'];
    // one guest, two passports: the second a renewal (new number), the name written another way
    const old = checkInBody();
    Object.assign(old.guest, { surname: 'MÜLLER', givenNames: 'JOSÉ ANNALENA', sex: 'F', dateOfBirth: '1985-07-21', nationality: 'DEU' });
    old.guest.document.issuingState = 'DEU';
    const renewed = checkInBody();
    Object.assign(renewed.guest, { surname: 'Annalena Jose', givenNames: 'Muller', sex: 'F', dateOfBirth: '1985-07-21', nationality: 'DEU' });
    renewed.guest.document.issuingState = 'DEU';
    let oldId: string;
    let newId: string;

    const checkIn = async (user: string, body: Json) => {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies[user]! }, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string; // a lodging is not told the person (screening material): read it from the store
      return { id, personId: (await server.db.selectFrom('stays').select('person_id').where('id', '=', id).executeTakeFirstOrThrow()).person_id };
    };
    const get = (user: string, url: string) => server.app.inject({ url, headers: { cookie: cookies[user]!, 'x-access-purpose': PURPOSE } });
    const post = (user: string, url: string, payload: Json) => server.app.inject({ method: 'POST', url, headers: { cookie: cookies[user]! }, payload });
    const profile = async (id: string) => {
      const res = await get('polres.soppeng', `/api/v1/persons/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };

    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of users) cookies[u] = await server.login(u);
      oldId = (await checkIn('hotel.maryam', old)).personId;
      newId = (await checkIn('villa.lejja', renewed)).personId;
    }, 60_000);
    afterAll(async () => server?.close());

    it('shows two check-ins with the same passport from two lodgings as one person with two stays', async () => {
      const body = checkInBody();
      Object.assign(body.guest, { surname: 'QUILLFEATHER', givenNames: 'ODA' });
      const first = await checkIn('hotel.maryam', body);
      const second = await checkIn('villa.lejja', body);
      expect(second.personId).toBe(first.personId);
      const p = await profile(first.personId);
      expect(p.timeline.map((t: Json) => t.stayId).sort()).toEqual([first.id, second.id].sort());
      expect(new Set(p.timeline.map((t: Json) => t.lodging.name))).toEqual(new Set(['Hotel Maryam', 'Villa Lejja Indah']));
      expect(p.documents).toHaveLength(1);
      // one person: nothing to propose
      expect((await get('polres.soppeng', `/api/v1/persons/${first.personId}/probable-links`)).json().items).toEqual([]);
    });

    it('proposes a renewed passport (name in another order, without diacritics) as the same person, with its reasons', async () => {
      expect(newId).not.toBe(oldId);
      const res = await get('polres.soppeng', `/api/v1/persons/${oldId}/probable-links`);
      expect(res.statusCode, res.body).toBe(200);
      const [candidate, ...rest] = res.json().items;
      expect(rest).toEqual([]);
      expect(candidate.person).toMatchObject({ id: newId, surname: 'Annalena Jose', dateOfBirth: '1985-07-21', nationality: 'DEU', staysCount: 1 });
      expect(candidate.person.documents.map((d: Json) => d.number)).toEqual([renewed.guest.document.number]);
      expect(candidate.reasons).toEqual(['same_name_key', 'same_birth_date', 'same_nationality', 'different_document', 'same_sex', 'same_issuing_state']);
      expect(candidate.score).toBe(0.95);
      expect(candidate.abilities).toEqual({ merge: true, dismiss: true });
      // the other way round, and in the area's queue
      expect((await get('polres.soppeng', `/api/v1/persons/${newId}/probable-links`)).json().items[0].person.id).toBe(oldId);
      const queueRes = await get('imigrasi.parepare', '/api/v1/probable-links?region=73.12&pageSize=200');
      expect(queueRes.statusCode, queueRes.body).toBe(200);
      const queue = queueRes.json();
      expect(queue.items.some((p: Json) => new Set([p.a.id, p.b.id]).has(oldId) && new Set([p.a.id, p.b.id]).has(newId))).toBe(true);
      // other agencies see the proposal but may not decide it; another regency does not see it at all
      const kesbangpol = (await get('kesbangpol.soppeng', `/api/v1/persons/${oldId}/probable-links`)).json();
      expect(kesbangpol.items[0].abilities).toEqual({ merge: false, dismiss: false });
      expect((await get('polres.makassar', `/api/v1/persons/${oldId}/probable-links`)).statusCode).toBe(404);
      expect((await get('polres.makassar', '/api/v1/probable-links')).json().total).toBe(0);
    });

    it('merges and splits, restoring exactly what moved; both are in the audit log', async () => {
      const alertId = randomUUID();
      const at = new Date().toISOString();
      await server.db.insertInto('alerts').values({
        id: alertId, key: `links:${alertId}`, source: 'rule', rule: 'overstay', severity: 'high', status: 'new', person_id: newId, stay_id: null,
        region_code: '73.12.04.1001', explanation: JSON.stringify({ key: 'rule.overstay', params: {} }), watchlist_entry_id: null, score: null,
        assigned_agency_id: null, assigned_user_id: null, resolution: null, reason: null, created_at: at, updated_at: at, resolved_at: null, resolved_by: null,
      }).execute();
      // two cases: one names both persons (the absorbed link is dropped on merge), one only the renewed passport
      const caseOf = async () => {
        const id = randomUUID();
        await server.db.insertInto('cases').values({
          id, number: `LINKS/${id}`, title: 'Uji gabung', summary: null, status: 'open', source_kind: 'stay', source_id: 'x', region_code: '73.12.04.1001',
          opened_by: 'test', opened_by_agency_id: null, assigned_agency_id: null, assigned_user_id: null, action_kind: null, action_measure: null,
          action_note: null, action_at: null, action_by: null, closed_at: null, closed_by: null, created_at: at, updated_at: at,
        }).execute();
        return id;
      };
      const [both, only] = [await caseOf(), await caseOf()];
      await server.db.insertInto('case_persons').values([
        { case_id: both, person_id: oldId, added_at: at, added_by: 'test' }, { case_id: both, person_id: newId, added_at: at, added_by: 'test' },
        { case_id: only, person_id: newId, added_at: at, added_by: 'test' },
      ]).execute();
      const casePersons = async () => (await server.db.selectFrom('case_persons').select(['case_id', 'person_id']).where('case_id', 'in', [both, only])
        .orderBy('case_id').orderBy('person_id').execute());
      const casesBefore = await casePersons();
      const reason = 'Paspor diperpanjang: orang yang sama';
      expect((await post('disnaker.soppeng', `/api/v1/persons/${oldId}/merge`, { otherPersonId: newId, reason })).statusCode).toBe(403);
      expect((await post('polres.makassar', `/api/v1/persons/${oldId}/merge`, { otherPersonId: newId, reason })).statusCode).toBe(404);
      const self = await post('polres.soppeng', `/api/v1/persons/${oldId}/merge`, { otherPersonId: oldId, reason });
      expect(self.statusCode).toBe(400);
      expect(self.json().errors[0].field).toBe('otherPersonId');
      expect((await post('polres.soppeng', `/api/v1/persons/${oldId}/merge`, { otherPersonId: newId, reason: 'x' })).statusCode).toBe(400);

      const merged = await post('polres.soppeng', `/api/v1/persons/${oldId}/merge`, { otherPersonId: newId, reason });
      expect(merged.statusCode, merged.body).toBe(200);
      const merge = merged.json();
      expect(merge).toMatchObject({ keptPersonId: oldId, absorbedPersonId: newId, reason, splitAt: null, abilities: { split: true } });
      expect(merge.moved).toMatchObject({ stays: 1, documents: 1 });
      expect(merge.moved.alerts).toBeGreaterThanOrEqual(1); // ours, and any the check-in's rules raised
      const alertOwner = async () => (await server.db.selectFrom('alerts').select('person_id').where('id', '=', alertId).executeTakeFirstOrThrow()).person_id;
      expect(await alertOwner()).toBe(oldId);
      expect(merge.moved.cases).toBe(2);
      expect(await casePersons()).toEqual([{ case_id: both, person_id: oldId }, { case_id: only, person_id: oldId }].sort((x, y) => x.case_id.localeCompare(y.case_id)));

      const kept = await profile(oldId);
      expect(kept.timeline).toHaveLength(2);
      expect(kept.documents.map((d: Json) => d.number).sort()).toEqual([old.guest.document.number, renewed.guest.document.number].sort());
      const gone = await get('polres.soppeng', `/api/v1/persons/${newId}`);
      expect(gone.statusCode).toBe(404);
      expect(gone.json().mergedInto).toEqual({ id: oldId, href: `/api/v1/persons/${oldId}` });
      expect((await get('polres.makassar', `/api/v1/persons/${newId}`)).json().mergedInto).toBeUndefined();
      expect((await get('polres.soppeng', `/api/v1/persons/${oldId}/probable-links`)).json().items).toEqual([]);
      expect((await post('polres.soppeng', `/api/v1/persons/${oldId}/merge`, { otherPersonId: newId, reason })).statusCode).toBe(400);
      const history = (await get('kesbangpol.soppeng', `/api/v1/persons/${oldId}/merges`)).json().items;
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ id: merge.id, absorbedName: 'Annalena Jose, Muller', mergedBy: 'Satintelkam Polres Soppeng', abilities: { split: false } });

      expect((await post('disnaker.soppeng', `/api/v1/person-merges/${merge.id}/split`, { reason: 'Dua orang berbeda' })).statusCode).toBe(403);
      expect((await post('polres.makassar', `/api/v1/person-merges/${merge.id}/split`, { reason: 'Dua orang berbeda' })).statusCode).toBe(404);
      const split = await post('imigrasi.parepare', `/api/v1/person-merges/${merge.id}/split`, { reason: 'Dua orang berbeda' });
      expect(split.statusCode, split.body).toBe(200);
      expect(split.json()).toMatchObject({ splitReason: 'Dua orang berbeda', splitBy: 'Petugas Inteldakim Kanim Parepare', abilities: { split: false } });
      expect((await post('imigrasi.parepare', `/api/v1/person-merges/${merge.id}/split`, { reason: 'Dua orang berbeda' })).statusCode).toBe(409);

      const [a, b] = [await profile(oldId), await profile(newId)];
      expect(a.timeline).toHaveLength(1);
      expect(b.timeline).toHaveLength(1);
      expect(a.documents.map((d: Json) => d.number)).toEqual([old.guest.document.number]);
      expect(b.documents.map((d: Json) => d.number)).toEqual([renewed.guest.document.number]);
      expect(await alertOwner()).toBe(newId);
      expect(await casePersons()).toEqual(casesBefore);
      // found by name again
      const found = (await get('polres.soppeng', '/api/v1/persons?q=annalena&pageSize=50')).json().items.map((i: Json) => i.id);
      expect(found).toEqual(expect.arrayContaining([oldId, newId]));
      expect(await server.db.selectFrom('person_name_tokens').select('token').where('person_id', '=', newId).execute()).not.toEqual([]);

      const audit = await server.db.selectFrom('audit_log').select(['action', 'detail', 'actor_username']).where('resource_id', '=', oldId)
        .where('action', 'in', ['person.merged', 'person.split']).orderBy('seq').execute();
      expect(audit.map((e) => [e.action, e.actor_username, JSON.parse(e.detail).reason])).toEqual([
        ['person.merged', 'polres.soppeng', reason], ['person.split', 'imigrasi.parepare', 'Dua orang berbeda'],
      ]);
    });

    it('does not propose a pair again once decided "not the same person"', async () => {
      expect((await get('polres.soppeng', `/api/v1/persons/${oldId}/probable-links`)).json().items[0].person.id).toBe(newId);
      const payload = { otherPersonId: newId, reason: 'Foto paspor berbeda' };
      expect((await post('disnaker.soppeng', `/api/v1/persons/${oldId}/probable-links/dismiss`, payload)).statusCode).toBe(403);
      const res = await post('imigrasi.parepare', `/api/v1/persons/${oldId}/probable-links/dismiss`, payload);
      expect(res.statusCode, res.body).toBe(200);
      expect((await get('polres.soppeng', `/api/v1/persons/${oldId}/probable-links`)).json().items).toEqual([]);
      expect((await get('polres.soppeng', `/api/v1/persons/${newId}/probable-links`)).json().items).toEqual([]);
      const queue = (await get('polres.soppeng', '/api/v1/probable-links?pageSize=200')).json();
      expect(queue.items.some((p: Json) => [p.a.id, p.b.id].includes(newId))).toBe(false);
      const audit = await server.db.selectFrom('audit_log').select('detail').where('action', '=', 'person.link_dismissed').where('resource_id', '=', oldId).execute();
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ otherPersonId: newId, reason: 'Foto paspor berbeda' });
    });
  });
}
