import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../../audit/log';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { announceSessionsEnded } from '../../auth/session-events';
import { endSessions, listSessions } from '../../auth/sessions';
import type { AppContext } from '../../context';
import { FieldErrors, notFound } from '../../errors';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { gate } from '../../http/access';

// One's own sessions (list, revoke) and password. Ending a session closes its event streams
// at once (session.ended on the bus); a new password ends every other session.

export const MIN_PASSWORD_LENGTH = 10;
// a signed-in thief may try passwords here: keep it slow
const PASSWORD_RATE = { max: 10, timeWindow: '1 minute' };

const sessionJson = {
  type: 'object', required: ['id', 'createdAt', 'lastSeenAt', 'current'],
  properties: {
    id: { type: 'string' }, createdAt: { type: 'string' }, lastSeenAt: { type: 'string' }, expiresAt: { type: 'string' },
    ip: { type: ['string', 'null'] }, current: { type: 'boolean' },
  },
} as const;

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const ended = (ids: string[]) => announceSessionsEnded(ctx.bus, ids, (err) => app.log.error({ err }, 'session.ended'));

  app.get('/api/v1/me/sessions', {
    config: { access: gate('account', 'manage') },
    schema: {
      tags: ['auth'], operationId: 'listMySessions', summary: 'The signed-in user\'s sessions (this one marked current)',
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: sessionJson } } }, ...problems(401) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'account', 'manage');
    const items = await listSessions(ctx.db, actor.id);
    return { items: items.map((s) => ({ ...s, current: s.id === request.sessionId })) };
  });

  app.delete<{ Params: { id: string } }>('/api/v1/me/sessions/:id', {
    config: { access: gate('account', 'manage') },
    schema: {
      tags: ['auth'], operationId: 'revokeMySession', summary: 'End one of the signed-in user\'s sessions (its live streams close at once)',
      params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', pattern: '^[0-9a-f]{32}$' } } },
      response: { 204: { type: 'null' }, ...problems(400, 401, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'account', 'manage');
    const ids = await endSessions(ctx.db, actor.id, { only: request.params.id });
    if (!ids.length) throw notFound(); // not one of the caller's: nobody learns whose it is
    await ctx.db.transaction().execute((trx) => appendAudit(trx, actor, { action: 'auth.session_revoked', resourceType: 'user', resourceId: actor.id, detail: { session: ids[0] } }));
    await ended(ids);
    return reply.status(204).send();
  });

  app.post<{ Body: { currentPassword: string; newPassword: string } }>('/api/v1/me/password', {
    config: { access: gate('account', 'manage'), rateLimit: PASSWORD_RATE },
    schema: {
      tags: ['auth'], operationId: 'changeMyPassword', summary: 'Change the password; ends every other session of the user',
      body: {
        type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false,
        properties: {
          currentPassword: { type: 'string', minLength: 1, maxLength: 256 },
          newPassword: { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 256 },
        },
      },
      response: { 204: { type: 'null' }, ...problems(400, 401, 429) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'account', 'manage');
    const { currentPassword, newPassword } = request.body;
    const user = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', actor.id).executeTakeFirstOrThrow();
    const errors = new FieldErrors();
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      errors.add('currentPassword', 'field.current_password_wrong');
      await ctx.db.transaction().execute((trx) => appendAudit(trx, actor, { action: 'auth.password_change_failed', resourceType: 'user', resourceId: actor.id }));
    }
    if (newPassword.trim().toLowerCase() === actor.username.toLowerCase()) errors.add('newPassword', 'field.password_is_username');
    errors.throwIfAny();
    const passwordHash = await hashPassword(newPassword);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', actor.id).execute();
      await appendAudit(trx, actor, { action: 'auth.password_changed', resourceType: 'user', resourceId: actor.id });
    });
    await ended(await endSessions(ctx.db, actor.id, { allBut: request.sessionId }));
    return reply.status(204).send();
  });
}
