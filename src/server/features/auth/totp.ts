import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { appendAudit } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import { conflict, fieldInvalid } from '../../errors';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';

// TOTP enrolment for officers: start (a secret and its QR for the authenticator app),
// then confirm with a code from the app; only then does sign-in ask for codes.

export async function startTotpEnrolment(db: Kysely<Database>, actor: Actor) {
  const secret = generateSecret();
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', actor.id).execute();
  const uri = generateURI({ issuer: 'Sinergi', label: actor.username, secret });
  return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export async function confirmTotpEnrolment(db: Kysely<Database>, actor: Actor, code: string) {
  const user = await db.selectFrom('users').select(['totp_pending_secret']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!user.totp_pending_secret) throw conflict();
  const result = await verify({ secret: user.totp_pending_secret, token: code, epochTolerance: 30 }).catch(() => ({ valid: false }));
  if (!result.valid) throw fieldInvalid('totp', 'field.totp_wrong');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: user.totp_pending_secret, totp_pending_secret: null }).where('id', '=', actor.id).execute();
    await appendAudit(trx, actor, { action: 'auth.totp_enrolled', resourceType: 'user', resourceId: actor.id });
  });
}

export function totpRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/me/totp', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['auth'], summary: 'Start TOTP enrolment: a new secret and its QR code',
      response: { 200: { type: 'object', properties: { secret: { type: 'string' }, otpauthUri: { type: 'string' }, qrDataUrl: { type: 'string' } } }, ...problems(401) },
    },
  }, async (request) => startTotpEnrolment(ctx.db, requireActor(request)));

  app.post<{ Body: { totp: string } }>('/api/v1/me/totp/confirm', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['auth'], summary: 'Confirm TOTP enrolment with a code from the authenticator app',
      body: { type: 'object', required: ['totp'], additionalProperties: false, properties: { totp: { type: 'string', pattern: '^\\d{6}$' } } },
      response: { 204: { type: 'null' }, ...problems(400, 401, 409) },
    },
  }, async (request, reply) => {
    await confirmTotpEnrolment(ctx.db, requireActor(request), request.body.totp);
    return reply.status(204).send();
  });
}
