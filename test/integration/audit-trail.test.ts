import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyIdOf, verifyCheckpoints, writeCheckpoint } from '../../src/server/audit/checkpoints';
import { lockWrites, verifyAuditChain } from '../../src/server/audit/log';
import { foldPending } from '../../src/server/audit/pending';
import { receiptAuditPosition } from '../../src/server/audit/position';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

for (const kind of dialectMatrix()) {
  describe(`audit trail on ${kind}`, () => {
    let server: TestServer;
    let hotel: string;
    let officer: string;
    let stayId: string;
    beforeAll(async () => {
      server = await startTestServer({ kind });
      hotel = await server.login('hotel.maryam');
      officer = await server.login('imigrasi.parepare');
      stayId = (await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: checkInBody() })).json().id;
    });
    afterAll(async () => server?.close());
    const get = (url: string, cookie: string) => server.app.inject({ url, headers: { cookie } });

    it('logs reads through the pending table; folding puts them in the chain, which verifies', async () => {
      expect((await get(`/api/v1/stays/${stayId}`, officer)).statusCode).toBe(200);
      expect((await get('/api/v1/stays?pageSize=5', officer)).statusCode).toBe(200);
      await foldPending(server.db);
      expect(await server.db.selectFrom('audit_pending').select('id').execute()).toEqual([]);
      const reads = await server.db.selectFrom('audit_log').select(['action', 'actor_username']).where('resource_id', '=', stayId).where('action', '=', 'person.read').execute();
      expect(reads).toEqual([{ action: 'person.read', actor_username: 'imigrasi.parepare' }]);
      expect(await server.db.selectFrom('audit_log').select('seq').where('action', '=', 'stay.list').executeTakeFirst()).toBeDefined();
      expect((await verifyAuditChain(server.db)).ok).toBe(true);
    });

    // SQLite has one connection and one writer anyway; the lock that serialised readers is PostgreSQL's.
    it.skipIf(kind === 'sqlite')('answers an audited read while a writer holds the lock', async () => {
      let release!: () => void;
      let lockHeld!: () => void;
      const held = new Promise<void>((resolve) => { lockHeld = resolve; });
      const writer = server.db.transaction().execute(async (trx) => {
        await lockWrites(trx);
        lockHeld();
        await new Promise<void>((resolve) => { release = resolve; });
      });
      await held;
      const read = await get(`/api/v1/stays/${stayId}`, officer); // before: waited for the writer forever
      expect(read.statusCode).toBe(200);
      release();
      await writer;
      await foldPending(server.db);
      expect((await verifyAuditChain(server.db)).ok).toBe(true);
    });

    it('keeps the check-in\'s chain position on the stay for its receipt', async () => {
      const entry = await server.db.selectFrom('audit_log').select(['seq', 'hash']).where('resource_id', '=', stayId).where('action', '=', 'stay.check_in').executeTakeFirstOrThrow();
      const stay = await server.db.selectFrom('stays').select('audit_seq').where('id', '=', stayId).executeTakeFirstOrThrow();
      expect(Number(stay.audit_seq)).toBe(Number(entry.seq));
      expect(await receiptAuditPosition(server.db, stayId)).toBe(`#${Number(entry.seq)} ${entry.hash.slice(0, 16)}`);
      expect((await get(`/api/v1/stays/${stayId}/receipt.pdf`, hotel)).statusCode).toBe(200);
    });

    it('gives the auditor the trail, filtered and paged, and nobody else', async () => {
      const auditor = await server.login('auditor');
      expect((await get('/api/v1/audit/entries', officer)).statusCode).toBe(403);
      expect((await get('/api/v1/audit/entries?pageSize=1000', auditor)).statusCode).toBe(400);
      expect((await get('/api/v1/audit/entries?sneaky=1', auditor)).statusCode).toBe(400);
      const all = (await get('/api/v1/audit/entries?pageSize=2', auditor)).json();
      expect(all.items).toHaveLength(2);
      expect(all.items[0].seq).toBeGreaterThan(all.items[1].seq);
      const byOfficer = (await get('/api/v1/audit/entries?actor=imigrasi.parepare&action=person.read', auditor)).json();
      expect(byOfficer.total).toBeGreaterThan(0);
      expect(byOfficer.items.every((e: { actor: string; action: string }) => e.actor === 'imigrasi.parepare' && e.action === 'person.read')).toBe(true);
      const personId = (await server.db.selectFrom('stays').select('person_id').where('id', '=', stayId).executeTakeFirstOrThrow()).person_id;
      const aboutPerson = (await get(`/api/v1/audit/entries?resourceId=${personId}`, auditor)).json();
      expect(aboutPerson.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['stay.check_in', 'person.read']));
      const today = new Date().toISOString().slice(0, 10);
      expect((await get(`/api/v1/audit/entries?from=${today}&to=${today}&pageSize=1`, auditor)).json().total).toBeGreaterThan(0);
      expect((await get('/api/v1/audit/entries?to=2000-01-01', auditor)).json().total).toBe(0);

      const verified = await server.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie: auditor } });
      expect(verified.json()).toMatchObject({ ok: true, by: 'auditor' });
      const status = (await get('/api/v1/audit/status', auditor)).json();
      expect(status.lastVerification).toMatchObject({ ok: true, by: 'auditor' });
      expect(status.head.seq).toBeGreaterThan(0);
      expect((await get('/api/v1/audit/checkpoints', auditor)).statusCode).toBe(200);
    });
  });

  describe(`audit chain ends on ${kind}`, () => {
    it('calls a missing head a break, and a signed checkpoint catches a log cut back and re-headed', async () => {
      const server = await startTestServer({ kind });
      try {
        for (let i = 0; i < 3; i++) await server.login('hotel.maryam');
        const { privateKey } = generateKeyPairSync('ed25519');
        const checkpoint = await writeCheckpoint(server.db, { key: privateKey, keyId: keyIdOf(privateKey), source: 'config' });
        expect(checkpoint).not.toBeNull();
        expect(await verifyCheckpoints(server.db, [JSON.stringify(checkpoint)], privateKey)).toMatchObject({ ok: true, checkpoints: 1 });
        const forged = { ...checkpoint!, at: '2000-01-01T00:00:00.000Z' };
        expect(await verifyCheckpoints(server.db, [JSON.stringify(forged)], privateKey)).toMatchObject({ ok: false, index: 1 });

        // the attack: delete the head record together with the last entries
        const head = await server.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
        const cut = Number(head.seq) - 2;
        await server.db.deleteFrom('audit_log').where('seq', '>', cut).execute();
        await server.db.deleteFrom('settings').where('key', '=', 'audit_head').execute();
        const report = await verifyAuditChain(server.db);
        expect(report.ok).toBe(false);
        expect(report.firstBroken!.reason).toContain('head is missing');

        // a careful attacker re-writes the head too: the chain holds, the checkpoint does not
        const last = await server.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
        await sql`insert into settings (key, value) values ('audit_head', ${`${last.seq}:${last.hash}`})`.execute(server.db);
        expect((await verifyAuditChain(server.db)).ok).toBe(true);
        const contained = await verifyCheckpoints(server.db, [JSON.stringify(checkpoint)], privateKey);
        expect(contained).toMatchObject({ ok: false, index: 1, seq: checkpoint!.seq });
      } finally {
        await server.close();
      }
    });
  });
}
