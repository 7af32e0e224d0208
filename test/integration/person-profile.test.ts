import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPending } from '../../src/server/audit/pending';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// The profile's picture beyond stays: reporters and channels, permits with status, and the
// sightings, alerts and cases naming the person, each only as the actor may see it, in WITA.

const PURPOSE = 'Profil untuk rapat Timpora';

for (const kind of dialectMatrix()) {
  describe(`person profile on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    let personId = '';
    let stayId = '';
    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'imigrasi.parepare', 'polres.soppeng', 'disnaker.soppeng', 'kesbangpol.soppeng', 'polres.makassar']) {
        cookies[u] = await server.login(u);
      }
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: cookies['hotel.maryam'] }, payload: checkInBody() });
      expect(res.statusCode, res.body).toBe(201);
      stayId = res.json().id;
      const stay = await server.db.selectFrom('stays').select(['person_id', 'region_code']).where('id', '=', stayId).executeTakeFirstOrThrow();
      personId = stay.person_id;
      const officer = await server.db.selectFrom('users').select('id').where('username', '=', 'polres.soppeng').executeTakeFirstOrThrow();
      // a sighting at 23:30 UTC is the next day in WITA (UTC+8)
      await server.db.insertInto('sightings').values({
        id: randomUUID(), reported_by: officer.id, reporter_agency_id: null, idempotency_key: randomUUID(), request_hash: 'x',
        observed_at: '2026-03-01T23:30:00.000Z', village_code: stay.region_code, rw: null, rt: null, lat: -4.35, lon: 119.88,
        subject_name: null, subject_nationality: 'NLD', subject_description: 'di kampus', category: 'studying', note: 'kuliah di Unhas',
        status: 'linked', person_id: personId, case_id: null, outcome_reason: null, triaged_by: null, triaged_at: null,
        photo_type: null, photo_size: null, created_at: '2026-03-01T23:31:00.000Z', updated_at: '2026-03-01T23:31:00.000Z',
      }).execute();
      await server.db.insertInto('alerts').values({
        id: randomUUID(), key: `test:${randomUUID()}`, source: 'rule', rule: 'overstay', severity: 'high', status: 'new', person_id: personId,
        stay_id: stayId, region_code: stay.region_code, explanation: '{}', watchlist_entry_id: null, score: null, assigned_agency_id: null,
        assigned_user_id: null, resolution: null, reason: null, created_at: '2026-03-02T01:00:00.000Z', updated_at: '2026-03-02T01:00:00.000Z',
        resolved_at: null, resolved_by: null,
      }).execute();
      const caseId = randomUUID();
      await server.db.insertInto('cases').values({
        id: caseId, number: 'TMP-TEST-1', title: 'Pemeriksaan izin tinggal', summary: null, status: 'open', source_kind: 'stay', source_id: stayId,
        region_code: stay.region_code, opened_by: officer.id, opened_by_agency_id: null, assigned_agency_id: null, assigned_user_id: null,
        action_kind: null, action_measure: null, action_note: null, action_at: null, action_by: null, closed_at: null, closed_by: null,
        created_at: '2026-03-03T02:00:00.000Z', updated_at: '2026-03-03T02:00:00.000Z',
      }).execute();
      await server.db.insertInto('case_persons').values({ case_id: caseId, person_id: personId, added_at: '2026-03-03T02:00:00.000Z', added_by: officer.id }).execute();
    }, 60_000);
    afterAll(async () => server?.close());
    const profile = (user: string) =>
      server.app.inject({ url: `/api/v1/persons/${personId}`, headers: { cookie: cookies[user]!, 'x-access-purpose': PURPOSE } });

    it('shows who reported the stay, its permit status and every event, dates in WITA', async () => {
      const res = await profile('polres.soppeng');
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json();
      expect(p.zone).toBe('WITA');
      expect(p.reports).toEqual([expect.objectContaining({ stayId, channel: 'direct', org: expect.objectContaining({ name: 'Hotel Maryam' }) })]);
      expect(p.reports[0].user).toBeTruthy();
      expect(p.reports[0].reportedAt).toMatch(/WITA$/);
      expect(p.reports[0].document.number).toMatch(/^TX/);
      expect(p.permits).toEqual([expect.objectContaining({ stayId, kind: 'visa_free_visit', status: 'expiring' })]);
      expect(p.events.map((e: { kind: string }) => e.kind)).toEqual(['case', 'alert', 'sighting']);
      const sighting = p.events.find((e: { kind: string }) => e.kind === 'sighting');
      expect(sighting).toMatchObject({ date: '2026-03-02', at: '2026-03-02 07:30 WITA' });
      expect(p.events.find((e: { kind: string }) => e.kind === 'case')).toMatchObject({ number: 'TMP-TEST-1', at: '2026-03-03 10:00 WITA' });
    });

    it('gives the manpower office no study details, and no alerts or cases (no screening group)', async () => {
      const p = (await profile('disnaker.soppeng')).json();
      expect(p.events.map((e: { kind: string }) => e.kind)).toEqual(['sighting']);
      expect(p.events[0].category).toBeNull();
      expect(p.events[0].note).toBeNull();
      expect(JSON.stringify(p)).not.toMatch(/studying|Unhas|kampus/);
      expect(p.reports[0].document).toBeNull();
      // immigration sees the study details
      const imigrasi = (await profile('imigrasi.parepare')).json();
      expect(imigrasi.events.find((e: { kind: string }) => e.kind === 'sighting').category).toBe('studying');
    });

    it('keeps permits from whoever does not see the permit group', async () => {
      const p = (await profile('kesbangpol.soppeng')).json();
      expect(p.permits).not.toBeNull(); // kesbangpol sees permits
      expect(p.events.map((e: { kind: string }) => e.kind)).toEqual(['sighting']);
    });

    it('answers 404 to a member of another regency and records each view with its purpose', async () => {
      expect((await profile('polres.makassar')).statusCode).toBe(404);
      await foldPending(server.db);
      const audit = await server.db.selectFrom('audit_log').select(['detail', 'actor_username']).where('action', '=', 'person.read')
        .where('resource_id', '=', personId).execute();
      expect(new Set(audit.map((a) => a.actor_username))).toEqual(new Set(['polres.soppeng', 'disnaker.soppeng', 'imigrasi.parepare', 'kesbangpol.soppeng']));
      for (const a of audit) expect(JSON.parse(a.detail).purpose).toBe(PURPOSE);
    });
  });
}
