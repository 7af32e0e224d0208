import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';
import { newKey, sightingBody } from '../fixtures/sighting';

// Early-detection reports: a village field officer reports what it saw (once per
// Idempotency-Key, however often the phone syncs), the Soppeng team triages: links it to a
// known person (and the alert rules fire), or dismisses it with a reason the officer reads.
// The exact spot (GPS, RT/RW) only for agencies that act on a person.

type Json = Record<string, any>;

for (const kind of dialectMatrix()) {
  describe(`sightings on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const send = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown, headers: Record<string, string> = {}) =>
      server.app.inject({ method, url, headers: { cookie: cookies[who]!, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
    const report = (who: string, body: unknown, key = newKey()) => send('POST', '/api/v1/sightings', who, body, { 'idempotency-key': key });
    const fieldsOf = (res: { json(): Json }) => (res.json().errors as { field: string }[]).map((e) => e.field);
    const count = async () => Number((await server.db.selectFrom('sightings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['desa.lalabata', 'hotel.maryam', 'imigrasi.parepare', 'polres.soppeng', 'kesbangpol.soppeng', 'polres.makassar', 'auditor']) cookies[u] = await server.login(u);
    });
    afterAll(async () => server?.close());

    it('stores a report once: a replay answers the first id, the same key with another body is a 409', async () => {
      const before = await count();
      const key = newKey();
      const body = sightingBody();
      const first = await report('desa.lalabata', body, key);
      expect(first.statusCode).toBe(201);
      const { id } = first.json();
      const { location, ...rest } = body; // the same body with its keys in another order is the same request
      const replay = await report('desa.lalabata', { location, ...rest }, key);
      expect(replay.statusCode).toBe(201);
      expect(replay.json()).toEqual({ id });
      expect(await count()).toBe(before + 1);

      const other = await report('desa.lalabata', { ...body, activity: { category: 'tourism' } }, key);
      expect(other.statusCode).toBe(409);
      expect(fieldsOf(other)).toEqual(['Idempotency-Key']);
      expect(await count()).toBe(before + 1);

      const row = await server.db.selectFrom('sightings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ village_code: '73.12.04.1001', category: 'working', status: 'new', rw: '002', rt: '004' });
      const audit = await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', id).execute();
      expect(audit.map((a) => a.action)).toEqual(['sighting.create']);
    });

    it('refuses bad fields with a 400 naming each, and stores nothing', async () => {
      const before = await count();
      const cases: [unknown, string][] = [
        [sightingBody({ lat: 40.7, lon: -74 }), 'location.lat'],
        [sightingBody({ villageCode: '73.12.04.9999' }), 'location.villageCode'],
        [sightingBody({ observedAt: new Date(Date.now() + 86_400_000).toISOString() }), 'observedAt'],
        [sightingBody({ observedAt: new Date(Date.now() - 60 * 86_400_000).toISOString() }), 'observedAt'],
        [sightingBody({ observedAt: 'yesterday' }), 'observedAt'],
        [sightingBody({ category: 'smuggling' }), 'activity.category'],
        [sightingBody({ villageCode: '73.71.04.1008' }), 'location.villageCode'], // Makassar: outside the officer's area
      ];
      for (const [body, field] of cases) {
        const res = await report('desa.lalabata', body);
        expect(res.statusCode, field).toBe(400);
        expect(fieldsOf(res).join(' '), JSON.stringify(body)).toContain(field);
      }
      const noKey = await send('POST', '/api/v1/sightings', 'desa.lalabata', sightingBody());
      expect(noKey.statusCode).toBe(400);
      expect(JSON.stringify(noKey.json().errors)).toMatch(/idempotency-key/i);
      expect(await count()).toBe(before);
    });

    it('keeps reports to those who may: a lodging and the auditor are refused, another area sees nothing', async () => {
      expect((await report('hotel.maryam', sightingBody())).statusCode).toBe(403);
      expect((await send('GET', '/api/v1/sightings', 'auditor')).statusCode).toBe(403);
      const { id } = (await report('desa.lalabata', sightingBody())).json();
      expect((await send('GET', `/api/v1/sightings/${id}`, 'polres.makassar')).statusCode).toBe(404);
      expect((await send('POST', `/api/v1/sightings/${id}/dismiss`, 'polres.makassar', { reason: 'x' })).statusCode).toBe(404);
      const makassarList = (await send('GET', '/api/v1/sightings?pageSize=200', 'polres.makassar')).json();
      expect(makassarList.items.map((s: Json) => s.id)).not.toContain(id);
      // a field officer triages nothing
      expect((await send('POST', `/api/v1/sightings/${id}/dismiss`, 'desa.lalabata', { reason: 'x' })).statusCode).toBe(403);
    });

    it('links a sighting of a visitor seen working to the person: visa mismatch and unregistered presence alerts fire', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const stay = await send('POST', '/api/v1/stays', 'hotel.maryam', checkInBody(today, { arrivalDate: addDays(today, -1) }));
      expect(stay.statusCode).toBe(201);
      const { person_id: personId } = await server.db.selectFrom('stays').select('person_id').where('id', '=', stay.json().id).executeTakeFirstOrThrow();
      const working = (await report('desa.lalabata', sightingBody())).json().id;
      // seen four days ago in Soppeng, before any report places the person there
      const earlier = (await report('desa.lalabata', sightingBody({ category: 'tourism', observedAt: new Date(Date.now() - 4 * 86_400_000).toISOString() }))).json().id;

      const bad = await send('POST', `/api/v1/sightings/${working}/link`, 'polres.soppeng', { personId: 'no-such-person' });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(['personId']);
      for (const id of [working, earlier]) {
        const res = await send('POST', `/api/v1/sightings/${id}/link`, 'polres.soppeng', { personId });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ status: 'linked', outcome: { personId } });
      }
      const rulesFired = async () => (await server.db.selectFrom('alerts').select('rule').where('person_id', '=', personId).execute()).map((a) => a.rule);
      for (let i = 0; i < 50 && !(await rulesFired()).includes('unregistered_presence'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await rulesFired()).toEqual(expect.arrayContaining(['visa_activity_mismatch', 'unregistered_presence']));
      const mismatch = await server.db.selectFrom('alerts').select(['explanation', 'region_code']).where('person_id', '=', personId).where('rule', '=', 'visa_activity_mismatch').executeTakeFirstOrThrow();
      expect(JSON.parse(mismatch.explanation).key).toBe('rule.visa_work_sighting');
      expect(mismatch.region_code).toBe('73.12.04.1001');

      // the reporting officer sees that its report was taken up, not who it turned out to be
      const mine = (await send('GET', '/api/v1/sightings?mine=true&pageSize=200', 'desa.lalabata')).json();
      const own = mine.items.find((s: Json) => s.id === working);
      expect(own).toMatchObject({ status: 'linked', outcome: { personId: null, personName: null } });
      const audit = await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', working).execute();
      expect(audit.map((a) => a.action)).toEqual(['sighting.create', 'sighting.link']);
    });

    it('dismisses with a reason that the officer reads in its own list', async () => {
      const { id } = (await report('desa.lalabata', sightingBody({ category: 'tourism' }))).json();
      const empty = await send('POST', `/api/v1/sightings/${id}/dismiss`, 'kesbangpol.soppeng', { reason: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(fieldsOf(empty)).toEqual(['reason']);
      const res = await send('POST', `/api/v1/sightings/${id}/dismiss`, 'kesbangpol.soppeng', { reason: 'Turis terdaftar di Hotel Maryam' });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('dismissed');
      expect((await send('POST', `/api/v1/sightings/${id}/dismiss`, 'kesbangpol.soppeng', { reason: 'again' })).statusCode).toBe(403);

      const mine = (await send('GET', '/api/v1/sightings?mine=true&status=dismissed', 'desa.lalabata')).json();
      expect(mine.items.find((s: Json) => s.id === id)).toMatchObject({ status: 'dismissed', outcome: { reason: 'Turis terdaftar di Hotel Maryam' } });
      // a field officer's list is its own, asked for or not
      const implied = (await send('GET', '/api/v1/sightings?pageSize=200', 'desa.lalabata')).json();
      expect(implied.total).toBe((await send('GET', '/api/v1/sightings?mine=true&pageSize=200', 'desa.lalabata')).json().total);
    });

    it('lists the area newest first with filters, and hides the exact spot from a village-only member', async () => {
      const { id } = (await report('desa.lalabata', sightingBody({ category: 'studying' }))).json();
      const list = (await send('GET', '/api/v1/sightings?status=new&category=studying&village=73.12.04', 'kesbangpol.soppeng')).json();
      expect(list.items[0].id).toBe(id);
      expect(list.items.every((s: Json) => s.status === 'new' && s.activity.category === 'studying')).toBe(true);

      const village = (await send('GET', `/api/v1/sightings/${id}`, 'kesbangpol.soppeng')).json();
      expect(village.location).toEqual({ villageCode: '73.12.04.1001', villageName: expect.any(String), exact: false, lat: null, lon: null, rw: null, rt: null });
      expect(village.subject.name).toBe('Pria asing berkacamata'); // identity: Kesbangpol sees who
      const exact = (await send('GET', `/api/v1/sightings/${id}`, 'polres.soppeng')).json();
      expect(exact.location).toMatchObject({ exact: true, lat: -4.3505, lon: 119.8857, rw: '002', rt: '004' });
      expect(exact.abilities).toMatchObject({ link: true, dismiss: true, openCase: true, attachPhoto: false });
      const own = (await send('GET', `/api/v1/sightings/${id}`, 'desa.lalabata')).json();
      expect(own.location.lat).toBe(-4.3505);
    });

    it('takes a JPEG or PNG photo from the reporter (by content, at most 5 MB) and audits each download', async () => {
      const { id } = (await report('desa.lalabata', sightingBody())).json();
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
      const put = (who: string, body: Buffer | object, type: string) => send('PUT', `/api/v1/sightings/${id}/photo`, who, body, { 'content-type': type });
      expect((await put('desa.lalabata', Buffer.from('GIF89a....'), 'image/png')).statusCode).toBe(400);
      expect((await put('desa.lalabata', Buffer.alloc(5 * 1024 * 1024 + 10, 0xff), 'image/jpeg')).statusCode).toBe(400);
      expect((await put('desa.lalabata', { a: 1 }, 'application/json')).statusCode).toBe(415);
      expect((await put('polres.soppeng', jpeg, 'image/jpeg')).statusCode).toBe(403); // not its report
      expect((await put('desa.lalabata', jpeg, 'image/jpeg')).statusCode).toBe(204);

      const got = await send('GET', `/api/v1/sightings/${id}/photo`, 'polres.soppeng');
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/jpeg');
      expect(got.rawPayload.equals(jpeg)).toBe(true);
      expect((await send('GET', `/api/v1/sightings/${id}/photo`, 'polres.makassar')).statusCode).toBe(404);
      const reads = await server.db.selectFrom('audit_pending').select('action').where('resource_id', '=', id).execute();
      const folded = await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', id).execute();
      expect([...reads, ...folded].map((a) => a.action)).toEqual(expect.arrayContaining(['sighting.photo', 'sighting.photo_download']));
    });
  });
}
