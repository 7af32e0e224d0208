import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScratchDatabase, type ScratchDb } from '../../../test/fixtures/scratch-db';
import { housekeeping } from './housekeeping';

describe('housekeeping', () => {
  let scratch: ScratchDb;
  beforeAll(async () => { scratch = await openScratchDatabase('sqlite'); });
  afterAll(async () => scratch?.dispose());

  it('removes expired sessions, old idempotency keys and old published events only', async () => {
    const db = scratch.db.kysely;
    const now = new Date('2026-11-27T12:00:00Z');
    await db.insertInto('users').values({
      id: 'u1', username: 'u1', display_name: 'U', email: null, password_hash: 'x', role: 'admin', agency_id: null, area_code: null,
      reporter_org_id: null, totp_secret: null, locale: 'id', active: 1, failed_logins: 0, locked_until: null, created_at: now.toISOString(),
    }).execute();
    const session = (id: string, expires: string) => ({ id, user_id: 'u1', created_at: '2026-11-26T00:00:00Z', expires_at: expires, last_seen_at: '2026-11-26T00:00:00Z', ip: null });
    await db.insertInto('sessions').values([session('old', '2026-11-27T11:00:00Z'), session('live', '2026-11-27T13:00:00Z')]).execute();
    const key = (k: string, at: string) => ({ key: k, user_id: 'u1', route: 'r', request_hash: 'h', status: 201, body: '{}', created_at: at });
    await db.insertInto('idempotency_keys').values([key('old', '2026-11-20T00:00:00Z'), key('new', '2026-11-27T00:00:00Z')]).execute();
    const event = (id: string, published: string | null) => ({ id, at: '2026-11-01T00:00:00Z', event: 'e', region_code: null, payload: '{}', published_at: published });
    await db.insertInto('outbox').values([event('gone', '2026-11-01T00:00:01Z'), event('recent', '2026-11-26T00:00:00Z'), event('pending', null)]).execute();

    expect(await housekeeping(db, now)).toEqual({ channelMessages: 0, sessions: 1, throttleBuckets: 0, idempotencyKeys: 1, outbox: 1, preregistrations: 0, exportFiles: 0 });
    expect((await db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual(['live']);
    expect((await db.selectFrom('outbox').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['pending', 'recent']);
  });
});
