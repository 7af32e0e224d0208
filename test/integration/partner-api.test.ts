import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/log';
import { actorForApiKey } from '../../src/server/auth/api-keys';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// The partner API as hotel software uses it: an API key, check-ins with Idempotency-Key,
// a dry run, a batch, and reconciliation with since=.

for (const kind of dialectMatrix()) {
  describe(`partner API on ${kind}`, () => {
    let server: TestServer;
    let hotel: string;
    let bearer: string;
    const count = async (table: 'stays' | 'audit_log' | 'idempotency_keys') =>
      Number((await server.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      server.app.inject({ method, url, headers: { authorization: bearer, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
    const family = () => ({ ...checkInBody(), members: [checkInBody().guest, checkInBody().guest] });

    beforeAll(async () => {
      server = await startTestServer({ kind });
      hotel = await server.login('hotel.maryam');
      const created = await server.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie: hotel }, payload: { name: 'PMS test' } });
      expect(created.statusCode).toBe(201);
      bearer = `Bearer ${created.json().key}`;
    });
    afterAll(async () => server?.close());

    it('creates, lists and revokes a key; a revoked key is refused at once', async () => {
      const made = await server.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie: hotel }, payload: { name: 'to revoke' } });
      expect(made.statusCode).toBe(201);
      const { id, key } = made.json();
      expect(key).toMatch(/^snrg_[A-Za-z0-9_-]{43}$/);
      const stored = await server.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(stored.key_hash).not.toContain(key.slice(5)); // only the hash is kept
      expect((await call('GET', '/api/v1/stays?pageSize=1', undefined, { authorization: `Bearer ${key}` })).statusCode).toBe(200);

      const list = await server.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: hotel } });
      const listed = list.json().items.find((k: { id: string }) => k.id === id);
      expect(listed).toMatchObject({ name: 'to revoke', prefix: key.slice(0, 12), revokedAt: null });
      expect(listed.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(list.json())).not.toContain(key);

      // calls at once (and within a second) share one read of the key, each with its own copy of the actor
      const actors = await Promise.all(Array.from({ length: 5 }, () => actorForApiKey(server.db, key)));
      expect(new Set(actors).size).toBe(5);
      expect(actors.every((a) => a !== null && JSON.stringify(a) === JSON.stringify(actors[0]))).toBe(true);
      expect(actors[0]!.reporterOrg).not.toBe(actors[1]!.reporterOrg);

      // a deactivated user's key is refused within a second: the shared answer lasts no longer
      await server.db.updateTable('users').set({ active: 0 }).where('id', '=', actors[0]!.id).execute();
      await new Promise((done) => setTimeout(done, 1_100));
      expect(await actorForApiKey(server.db, key)).toBeNull();
      await server.db.updateTable('users').set({ active: 1 }).where('id', '=', actors[0]!.id).execute();
      expect(await actorForApiKey(server.db, key)).not.toBeNull();

      // calls in flight while the key is revoked may pass; none sent after the revocation does
      const during = Array.from({ length: 5 }, () => call('GET', '/api/v1/stays?pageSize=1', undefined, { authorization: `Bearer ${key}` }));
      expect((await server.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: { cookie: hotel } })).statusCode).toBe(200);
      for (const answer of await Promise.all(during)) expect([200, 401]).toContain(answer.statusCode);
      const refused = await call('POST', '/api/v1/stays', checkInBody(), { authorization: `Bearer ${key}` });
      expect(refused.statusCode).toBe(401);
      const audit = await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['api_key.create', 'api_key.revoke']);
    });

    it('refuses key management with a key, and another reporter\'s key is not found', async () => {
      expect((await call('POST', '/api/v1/api-keys', { name: 'minted by a key' })).statusCode).toBe(403);
      const other = await server.login('hotel.maryam');
      const mine = (await server.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: other } })).json().items[0].id;
      const polres = await server.login('polres.soppeng');
      expect((await server.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${mine}`, headers: { cookie: polres } })).statusCode).toBe(403);
      expect((await call('GET', '/api/v1/stays', undefined, { authorization: 'Bearer snrg_not-a-key' })).statusCode).toBe(401);
    });

    it('checks in with a Bearer key; the audit entry names the key', async () => {
      const res = await call('POST', '/api/v1/stays', checkInBody());
      expect(res.statusCode).toBe(201);
      const entry = await server.db.selectFrom('audit_log').select(['detail', 'actor_username']).where('resource_id', '=', res.json().id).executeTakeFirstOrThrow();
      expect(entry.actor_username).toBe('hotel.maryam');
      expect(JSON.parse(entry.detail).apiKey).toEqual(expect.any(String));
    });

    it('validate answers the problems or the findings and stores nothing', async () => {
      const before = { stays: await count('stays'), audit: await count('audit_log') };
      const good = await call('POST', '/api/v1/stays:validate', family());
      expect(good.statusCode).toBe(200);
      expect(good.json().valid, good.body).toBe(true);
      expect(good.json().findings).toHaveLength(3); // per guest, head first (late_report may appear near midnight WITA)
      expect(good.json().findings.flat()).not.toContain('passport_expired');
      const bad = family();
      bad.guest.dateOfBirth = '2999-01-01';
      bad.members[1]!.document = { ...bad.members[0]!.document };
      const refused = await call('POST', '/api/v1/stays:validate', bad);
      expect(refused.statusCode).toBe(200);
      expect(refused.json().valid).toBe(false);
      expect(refused.json().problem.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['guest.dateOfBirth', 'members.1.document.number']));
      const expired = checkInBody();
      expired.guest.document.expiryDate = '2001-01-01';
      expect((await call('POST', '/api/v1/stays:validate', expired)).json().findings[0]).toContain('passport_expired');
      // a client that percent-encodes the path's colon (encodeURIComponent) reaches the same routes
      expect((await call('POST', '/api/v1/stays%3Avalidate', expired)).json().findings[0]).toContain('passport_expired');
      expect((await call('POST', '/api/v1/stays%3abatch', { items: [bad] })).json()).toMatchObject({ stored: 0, failed: 1 });
      expect({ stays: await count('stays'), audit: await count('audit_log') }).toEqual(before);
    });

    it('stores a family of three with one stays:batch call; a replay stores nothing; another body under the key is a 409', async () => {
      const stays = await count('stays');
      const bad = checkInBody();
      (bad.guest as { surname: string }).surname = '';
      const items = [family(), checkInBody(), checkInBody(), bad];
      const key = `batch-${kind}-${Date.now()}`;
      const res = await call('POST', '/api/v1/stays:batch', { items }, { 'idempotency-key': key });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ stored: 3, failed: 1 });
      expect(body.items.map((i: { status: number }) => i.status)).toEqual([201, 201, 201, 400]);
      expect(body.items[0].members).toHaveLength(2);
      expect(body.items[3].problem.errors[0].field).toBe('guest.surname');
      expect(await count('stays')).toBe(stays + 5); // the family's three and two singles

      const replay = await call('POST', '/api/v1/stays:batch', { items }, { 'idempotency-key': key });
      expect(replay.statusCode).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.json()).toEqual(body);
      expect(await count('stays')).toBe(stays + 5);

      const other = await call('POST', '/api/v1/stays:batch', { items: [checkInBody()] }, { 'idempotency-key': key });
      expect(other.statusCode).toBe(409);
      expect(await count('stays')).toBe(stays + 5);
      expect((await verifyAuditChain(server.db)).ok).toBe(true);
    });

    it('takes a batch far wider than one check-in (150 guests)', async () => {
      const res = await call('POST', '/api/v1/stays:batch', { items: Array.from({ length: 150 }, () => checkInBody()) });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json()).toMatchObject({ stored: 150, failed: 0 });
    });

    it('takes a compressed body (gzip, deflate, br) and refuses another coding, a broken stream and a zip bomb', async () => {
      const encoded = (coding: string, body: Buffer) => server.app.inject({
        method: 'POST', url: '/api/v1/stays:batch', payload: body,
        headers: { authorization: bearer, 'content-type': 'application/json', 'content-encoding': coding },
      });
      const batch = (n: number) => Buffer.from(JSON.stringify({ items: Array.from({ length: n }, () => checkInBody()) }));
      const gzip = await encoded('gzip', zlib.gzipSync(batch(40)));
      expect(gzip.statusCode, gzip.body.slice(0, 300)).toBe(200);
      expect(gzip.json()).toMatchObject({ stored: 40, failed: 0 });
      expect((await encoded('deflate', zlib.deflateSync(batch(1)))).json()).toMatchObject({ stored: 1 });
      expect((await encoded('BR', zlib.brotliCompressSync(batch(1)))).json()).toMatchObject({ stored: 1 });

      const unknown = await encoded('compress', batch(1));
      expect(unknown.statusCode).toBe(415);
      expect(unknown.json().errors[0].field).toBe('Content-Encoding');
      expect((await encoded('gzip', Buffer.from('not gzip at all'))).statusCode).toBe(400);
      // 40 MB of one letter packs into about 40 KB: refused at the route's limit, not decoded whole
      const bomb = zlib.gzipSync(Buffer.from(`{"items":[{"room":"${'A'.repeat(40 * 1024 * 1024)}"}]}`));
      expect(bomb.length).toBeLessThan(100_000);
      const exploded = await encoded('gzip', bomb);
      expect(exploded.statusCode).toBe(413);
      expect(exploded.json().code).toBe('payload_too_large');
    });

    it('refuses an empty batch and one over 500 items as a whole', async () => {
      const empty = await call('POST', '/api/v1/stays:batch', { items: [] });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0].message).toMatch(/^Kirim 1 sampai 500 data/);
      expect((await call('POST', '/api/v1/stays:batch', { items: Array.from({ length: 501 }, () => ({})) })).statusCode).toBe(400);
      expect((await call('POST', '/api/v1/stays:batch', { items: [checkInBody()], more: 1 })).statusCode).toBe(400);
    });

    it('replays a check-in and refuses the key with another body; concurrent requests with one key store once', async () => {
      const stays = await count('stays');
      const body = checkInBody();
      const key = `single-${kind}-${Date.now()}`;
      const answers = await Promise.all(Array.from({ length: 5 }, () => call('POST', '/api/v1/stays', body, { 'idempotency-key': key })));
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      expect(await count('stays')).toBe(stays + 1);
      expect((await call('POST', '/api/v1/stays', checkInBody(), { 'idempotency-key': key })).statusCode).toBe(409);

      // the same for a route that stores its answer after the handler (check-out)
      const stayId = answers[0]!.json().id;
      const out = `checkout-${kind}-${Date.now()}`;
      const departure = { departureDate: body.arrivalDate };
      const outs = await Promise.all(Array.from({ length: 3 }, () => call('POST', `/api/v1/stays/${stayId}/checkout`, departure, { 'idempotency-key': out })));
      expect(outs.map((o) => o.statusCode)).toEqual([200, 200, 200]);
      expect((await call('POST', `/api/v1/stays/${stayId}/checkout`, { departureDate: '2000-01-01' }, { 'idempotency-key': out })).statusCode).toBe(409);
      const checkouts = await server.db.selectFrom('audit_log').select('seq').where('resource_id', '=', stayId).where('action', '=', 'stay.check_out').execute();
      expect(checkouts).toHaveLength(1);
      const badKey = await call('POST', '/api/v1/stays', body, { 'idempotency-key': 'bad key!' });
      expect(badKey.statusCode).toBe(400);
      // the refusal says what a key may be, so a PMS developer can fix it without the docs
      expect(badKey.json().errors).toEqual([{ field: 'Idempotency-Key', message: expect.stringContaining('8 sampai 100 karakter') }]);
    });

    // how the write group stores them (together, or alone after a refused pass) is held in record-check-ins.test.ts
    it('answers each of many check-ins sent at once, though they may be stored together', async () => {
      const stays = await count('stays');
      const valid = Array.from({ length: 12 }, () => checkInBody());
      const twice = checkInBody();
      const bad = { ...checkInBody(), arrivalDate: '2026-02-30' };
      const send = (bodies: object[]) => Promise.all(bodies.map((b) => call('POST', '/api/v1/stays', b)));
      const first = await send(valid.slice(0, 6));
      expect(first.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
      // one passport twice and one bad date among valid ones
      const second = await send([...valid.slice(6, 9), twice, bad, twice, ...valid.slice(9)]);
      expect(second.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 400, 409, 201, 201, 201]);
      expect(second[4]!.json().errors.map((e: { field: string }) => e.field)).toContain('arrivalDate');
      expect(second[5]!.json().existing.id).toBe(second[3]!.json().id);
      const answered = [...first, ...second].filter((a) => a.statusCode === 201).map((a) => a.json());
      expect(new Set(answered.map((a) => a.receiptNumber)).size).toBe(13);
      expect(await count('stays')).toBe(stays + 13);
      expect((await verifyAuditChain(server.db)).ok).toBe(true);
    });

    it('concurrent batches with one key store once', async () => {
      const stays = await count('stays');
      const items = [checkInBody(), checkInBody()];
      const key = `race-${kind}-${Date.now()}`;
      const answers = await Promise.all(Array.from({ length: 4 }, () => call('POST', '/api/v1/stays:batch', { items }, { 'idempotency-key': key })));
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
      expect(await count('stays')).toBe(stays + 2);
    });

    it('since= returns the lodging\'s own stays changed since then, paged by cursor, and never another lodging\'s', async () => {
      const since = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const mine = [(await call('POST', '/api/v1/stays', checkInBody())).json().id, (await call('POST', '/api/v1/stays', checkInBody())).json().id];
      const officer = await server.login('imigrasi.parepare');
      const lodgings = (await server.app.inject({ method: 'GET', url: '/api/v1/lodgings', headers: { cookie: officer } })).json().items as { id: string; name: string; kind: string; verified: boolean }[];
      const other = lodgings.find((l) => l.kind === 'lodging' && l.verified && l.name !== 'Hotel Maryam');
      const theirs = await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: officer }, payload: { ...checkInBody(), lodgingId: other!.id } });
      expect(theirs.statusCode).toBe(201);

      const seen: string[] = [];
      let url = `/api/v1/stays?since=${encodeURIComponent(since)}&pageSize=1`;
      for (let i = 0; i < 50; i++) {
        const page = await call('GET', url);
        expect(page.statusCode).toBe(200);
        seen.push(...page.json().items.map((s: { id: string }) => s.id));
        if (!page.json().nextCursor) break;
        url = `/api/v1/stays?since=${encodeURIComponent(since)}&pageSize=1&cursor=${page.json().nextCursor}`;
      }
      expect(seen).toEqual(expect.arrayContaining(mine));
      expect(seen).not.toContain(theirs.json().id);
      expect(new Set(seen).size).toBe(seen.length);

      const beforeCheckOut = new Date().toISOString();
      await call('POST', `/api/v1/stays/${mine[0]}/checkout`, { departureDate: checkInBody().arrivalDate });
      const later = await call('GET', `/api/v1/stays?since=${encodeURIComponent(beforeCheckOut)}&pageSize=200`);
      expect(later.json().items.map((s: { id: string }) => s.id)).toContain(mine[0]);
      const bad = await call('GET', '/api/v1/stays?since=yesterday');
      expect(bad.statusCode).toBe(400);
      // since takes an instant: the message asks for ISO 8601, not for a bare date
      expect(bad.json().errors).toEqual([{ field: 'since', message: expect.stringContaining('ISO 8601') }]);
      expect((await call('GET', `/api/v1/stays?since=${encodeURIComponent(since)}&cursor=bm90LWEtY3Vyc29y`)).statusCode).toBe(400);
    });

    it('documents the custom-method paths with a colon', () => {
      const paths = Object.keys((server.app.swagger() as { paths: Record<string, unknown> }).paths);
      expect(paths).toEqual(expect.arrayContaining(['/api/v1/stays:validate', '/api/v1/stays:batch', '/api/v1/api-keys', '/api/v1/api-keys/{id}']));
    });
  });
}
