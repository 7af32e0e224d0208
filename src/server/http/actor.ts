import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { SESSION_COOKIE, sessionForToken } from '../auth/sessions';
import type { AppContext } from '../context';
import { unauthenticated } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** public id of the request's session (see publicSessionId) */
    sessionId: string | null;
  }
}

/** Resolves the session cookie to an actor on every API request. */
export function registerActorResolution(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const session = await sessionForToken(ctx.db, token);
    request.actor = session?.actor ?? null;
    request.sessionId = session?.sessionId ?? null;
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
