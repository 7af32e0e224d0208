import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { actorForApiKey } from '../auth/api-keys';
import { SESSION_COOKIE, sessionForToken } from '../auth/sessions';
import type { AppContext } from '../context';
import { forbidden, unauthenticated } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** public id of the request's session (see publicSessionId); null for API-key calls */
    sessionId: string | null;
  }
}

/**
 * What a key may not do: manage the account it belongs to (sign-in, password, second factor,
 * sessions, API keys). A leaked key must not mint new keys that outlive its revocation.
 */
const SESSION_ONLY = /^\/api\/v1\/(auth\/|me\/|api-keys)/;

/**
 * Resolves the caller on every API request: `Authorization: Bearer <API key>` (hotel
 * software), else the session cookie (the web app). A key that is unknown or revoked is a
 * 401 at once, never a silent fall-back to anonymous. Bearer calls carry no cookie, so
 * cross-site request forgery does not apply to them.
 */
export function registerActorResolution(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, key] = authorization.split(' ', 2);
      if (scheme?.toLowerCase() !== 'bearer' || !key) throw unauthenticated([{ field: 'Authorization', key: 'field.bad_format' }]);
      request.actor = await actorForApiKey(ctx.db, key.trim());
      if (!request.actor) throw unauthenticated([{ field: 'Authorization', key: 'field.api_key_invalid' }]);
      if (SESSION_ONLY.test(request.url)) throw forbidden('detail.session_required');
      return;
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const session = await sessionForToken(ctx.db, token);
    request.actor = session?.actor ?? null;
    request.sessionId = session?.sessionId ?? null;
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
