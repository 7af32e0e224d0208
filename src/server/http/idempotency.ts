import { hash as hashText } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { conflict, fieldInvalid } from '../errors';

// One Idempotency-Key mechanism for every POST under /api/ (hotel software and offline phones
// retry): a replay returns the first answer (status and body) and runs nothing; the same key
// with another body is a 409. Keys belong to the caller (user) and the route. An anonymous
// call has no principal to keep keys for, so the header is ignored there.
//
// Two ways to store the answer:
// - after the handler (default): a placeholder row claims the key before the handler runs, so
//   a concurrent request with the same key on another app instance answers 409 instead of
//   running too; the answer fills the row (2xx) or the row goes (anything else: retry freely);
// - inside the command's transaction (route option `config: { idempotency: 'inTransaction' }`,
//   used by check-in): the handler passes `request.idempotency.store` to its command, so the
//   answer commits with the report or not at all, and no extra write is spent on a placeholder.
//   Another instance racing with the same key fails on the key's primary key and rolls back.
// On one instance, requests with the same key wait for each other, so the second one replays.

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
/** a placeholder older than this is from a crashed request: a retry may take it over */
const ABANDONED_MS = 60_000;
const IN_PROGRESS = 0;

export const idempotencyHeader = {
  type: 'string', minLength: 8, maxLength: 100, pattern: IDEMPOTENCY_KEY.source,
  description: 'Makes a retry safe: a replay within 7 days returns the first answer and stores nothing; the same key with another body is a 409.',
} as const;

declare module 'fastify' {
  interface FastifyRequest { idempotency: IdempotentCall | null }
  interface FastifyContextConfig { idempotency?: 'inTransaction' }
}

export class IdempotentCall {
  /** the answer is stored (or was replayed): nothing more to write */
  done = false;
  placeholder = false;
  constructor(readonly userId: string, readonly route: string, readonly key: string, readonly requestHash: string) {}

  /** Stores the answer inside the caller's transaction (call it last in the transaction). */
  readonly store = async (trx: Kysely<Database>, status: number, body: unknown, now = new Date()): Promise<void> => {
    try {
      await trx.insertInto('idempotency_keys').values({
        key: this.key, user_id: this.userId, route: this.route, request_hash: this.requestHash, status,
        body: JSON.stringify(body), created_at: now.toISOString(),
      }).execute();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw conflict('detail.idempotency_in_progress', [{ field: 'Idempotency-Key', key: 'field.idempotency_in_progress' }]);
    }
    this.done = true;
  };
}

const isUniqueViolation = (err: unknown) => {
  const code = (err as { code?: string }).code ?? '';
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT');
};

export function registerIdempotency(app: FastifyInstance, db: Kysely<Database>): void {
  const inFlight = new Map<string, Promise<void>>();
  const releases = new WeakMap<FastifyRequest, () => void>();
  const release = (request: FastifyRequest) => { releases.get(request)?.(); releases.delete(request); };

  app.decorateRequest('idempotency', null);
  app.addHook('onRoute', (route) => {
    if (route.method !== 'POST' || !route.url.startsWith('/api/') || route.config?.access === 'public') return;
    const schema = (route.schema ??= {}) as { headers?: { type: string; properties?: Record<string, unknown> } };
    schema.headers = { ...schema.headers, type: 'object', properties: { ...schema.headers?.properties, 'idempotency-key': idempotencyHeader } };
  });

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.actor || !request.url.startsWith('/api/')) return;
    const key = Array.isArray(header) ? header[0]! : header;
    if (!IDEMPOTENCY_KEY.test(key)) throw fieldInvalid('Idempotency-Key', 'field.idempotency_key_format');
    const call = new IdempotentCall(request.actor.id, `POST ${request.routeOptions.url}`, key,
      requestDigest(request.body ?? null));

    // one at a time per key on this instance: the second waits, then finds the first's answer
    const lock = `${call.userId}\n${call.route}\n${key}`;
    while (inFlight.has(lock)) await inFlight.get(lock);
    let done!: () => void;
    inFlight.set(lock, new Promise<void>((resolve) => { done = resolve; }));
    releases.set(request, () => { inFlight.delete(lock); done(); });

    try {
      if (await answered(call, reply)) return reply;
      if (request.routeOptions.config.idempotency !== 'inTransaction') {
        await claim(call);
        if (await answered(call, reply)) return reply;
      }
      request.idempotency = call;
    } catch (err) {
      release(request);
      throw err;
    }
  });

  /** Replays a stored answer (true), refuses a reuse with another body or a key still in progress (409), or finds nothing (false). */
  async function answered(call: IdempotentCall, reply: FastifyReply): Promise<boolean> {
    if (call.placeholder) return false;
    const row = await db.selectFrom('idempotency_keys').select(['request_hash', 'status', 'body', 'created_at'])
      .where('user_id', '=', call.userId).where('route', '=', call.route).where('key', '=', call.key).executeTakeFirst();
    if (!row) return false;
    if (row.request_hash !== call.requestHash) throw conflict('detail.idempotency_mismatch', [{ field: 'Idempotency-Key', key: 'field.idempotency_reused' }]);
    if (Number(row.status) === IN_PROGRESS) {
      throw conflict('detail.idempotency_in_progress', [{ field: 'Idempotency-Key', key: 'field.idempotency_in_progress' }]);
    }
    call.done = true;
    await reply.code(Number(row.status)).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(row.body);
    return true;
  }

  /** Takes the key with a placeholder row (or takes over an abandoned one); else leaves it to answered(). */
  async function claim(call: IdempotentCall): Promise<void> {
    const now = new Date();
    const taken = await db.insertInto('idempotency_keys').values({
      key: call.key, user_id: call.userId, route: call.route, request_hash: call.requestHash, status: IN_PROGRESS, body: '', created_at: now.toISOString(),
    }).onConflict((oc) => oc.columns(['user_id', 'route', 'key']).doNothing()).executeTakeFirst();
    if (Number(taken.numInsertedOrUpdatedRows ?? 0) > 0) { call.placeholder = true; return; }
    const stale = await db.updateTable('idempotency_keys').set({ request_hash: call.requestHash, created_at: now.toISOString() })
      .where('user_id', '=', call.userId).where('route', '=', call.route).where('key', '=', call.key)
      .where('status', '=', IN_PROGRESS).where('created_at', '<', new Date(now.getTime() - ABANDONED_MS).toISOString()).executeTakeFirst();
    if (Number(stale.numUpdatedRows) > 0) call.placeholder = true;
  }

  app.addHook('onSend', async (request, reply, payload) => {
    const call = request.idempotency;
    if (!call || call.done) return payload;
    call.done = true;
    const ok = reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string';
    const row = db.updateTable('idempotency_keys').where('user_id', '=', call.userId).where('route', '=', call.route).where('key', '=', call.key);
    if (ok && call.placeholder) {
      await row.set({ status: reply.statusCode, body: payload as string }).where('status', '=', IN_PROGRESS).execute();
    } else if (ok) {
      // an inTransaction route that answered without storing: store now
      await db.insertInto('idempotency_keys').values({
        key: call.key, user_id: call.userId, route: call.route, request_hash: call.requestHash, status: reply.statusCode,
        body: payload as string, created_at: new Date().toISOString(),
      }).onConflict((oc) => oc.columns(['user_id', 'route', 'key']).doNothing()).execute();
    } else if (call.placeholder) {
      await db.deleteFrom('idempotency_keys').where('user_id', '=', call.userId).where('route', '=', call.route).where('key', '=', call.key)
        .where('status', '=', IN_PROGRESS).execute();
    }
    return payload;
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
}

/** SHA-256 of a body with its object keys sorted: key order does not make a replay another request. */
export function requestDigest(body: unknown): string {
  return hashText('sha256', JSON.stringify(canonical(body)));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}
