import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, actorForToken } from '../auth/sessions';
import type { AppContext } from '../context';
import { languageOf } from '../i18n/messages';
import { sendProblem } from './problems';

// In production the API description is for signed-in users unless the operator publishes it
// (SINERGI_PUBLIC_DOCS=1): it maps every route an attacker could try.
const isDocs = (url: string) => url === '/openapi.json' || url.startsWith('/openapi.json?') || url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs?');

export function registerDocsGate(app: FastifyInstance, ctx: AppContext): void {
  if (ctx.config.publicDocs) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!isDocs(request.url)) return;
    const token = request.cookies?.[SESSION_COOKIE];
    if (token && (await actorForToken(ctx.db, token))) return;
    return sendProblem(reply, languageOf(request.headers['accept-language']), 401, 'unauthenticated', []);
  });
}
