import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { appendAudit } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import { verifyPassword } from '../../auth/passwords';
import { deleteRecoveryCodes, replaceRecoveryCodes, useRecoveryCode } from '../../auth/recovery-codes';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import { conflict, fieldInvalid, validation } from '../../errors';
import { gate } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';

// TOTP for officers: start (a secret and its QR for the authenticator app), then confirm with
// a code from the app; only then does sign-in ask for codes, and the confirmation returns the
// recovery codes, once. A session alone cannot replace or remove an enrolled second factor:
// that takes a current code, or the password plus a recovery code (a stolen cookie has neither).

export interface SecondFactorProof { totp?: string; password?: string; recoveryCode?: string }

const checkCode = async (secret: string, token: string) =>
  (await verify({ secret, token, epochTolerance: 30 }).catch(() => ({ valid: false }))).valid;

/**
 * Throws 400 unless the proof holds. With TOTP enrolled: a current code, or the password and a
 * recovery code. Without: the password, so a stolen session cannot enrol its own authenticator
 * and lock the owner out.
 */
export async function requireSecondFactor(db: Kysely<Database>, actor: Actor, proof: SecondFactorProof): Promise<void> {
  const user = await db.selectFrom('users').select(['totp_secret', 'password_hash']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!user.totp_secret) {
    if (!proof.password) throw validation([{ field: 'password', key: 'field.required' }]);
    if (!(await verifyPassword(user.password_hash, proof.password))) throw await refused(db, actor, 'password', 'field.current_password_wrong');
    return;
  }
  if (proof.totp) {
    if (!(await checkCode(user.totp_secret, proof.totp))) throw await refused(db, actor, 'totp', 'field.totp_wrong');
    return;
  }
  if (proof.password && proof.recoveryCode) {
    // the password first, so a wrong password never spends a recovery code
    if (!(await verifyPassword(user.password_hash, proof.password))) throw await refused(db, actor, 'password', 'field.current_password_wrong');
    if (!(await useRecoveryCode(db, actor.id, proof.recoveryCode))) throw await refused(db, actor, 'recoveryCode', 'field.recovery_code_wrong');
    return;
  }
  throw validation([{ field: 'totp', key: 'field.second_factor_proof' }]);
}

async function refused(db: Kysely<Database>, actor: Actor, field: string, key: Parameters<typeof fieldInvalid>[1]) {
  await db.transaction().execute((trx) => appendAudit(trx, actor, { action: 'auth.totp_proof_failed', resourceType: 'user', resourceId: actor.id, detail: { field } }));
  return fieldInvalid(field, key);
}

export async function startTotpEnrolment(db: Kysely<Database>, actor: Actor, proof: SecondFactorProof) {
  await requireSecondFactor(db, actor, proof);
  const secret = generateSecret();
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', actor.id).execute();
  const uri = generateURI({ issuer: 'Sinergi', label: actor.username, secret });
  return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Activates the pending secret (set only by a start that passed requireSecondFactor); returns fresh recovery codes. */
export async function confirmTotpEnrolment(db: Kysely<Database>, actor: Actor, code: string): Promise<string[]> {
  const user = await db.selectFrom('users').select(['totp_pending_secret']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (!user.totp_pending_secret) throw conflict();
  if (!(await checkCode(user.totp_pending_secret, code))) throw fieldInvalid('totp', 'field.totp_wrong');
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: user.totp_pending_secret, totp_pending_secret: null }).where('id', '=', actor.id).execute();
    const codes = await replaceRecoveryCodes(trx, actor.id);
    await appendAudit(trx, actor, { action: 'auth.totp_enrolled', resourceType: 'user', resourceId: actor.id });
    return codes;
  });
}

export async function removeTotp(db: Kysely<Database>, actor: Actor, proof: SecondFactorProof): Promise<void> {
  await requireSecondFactor(db, actor, proof);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: null, totp_pending_secret: null }).where('id', '=', actor.id).execute();
    await deleteRecoveryCodes(trx, actor.id);
    await appendAudit(trx, actor, { action: 'auth.totp_removed', resourceType: 'user', resourceId: actor.id });
  });
}

const proofBody = {
  type: ['object', 'null'], additionalProperties: false, // no body at all: a first enrolment needs no proof
  properties: {
    totp: { type: 'string', pattern: '^\\d{6}$' },
    password: { type: 'string', minLength: 1, maxLength: 256 },
    recoveryCode: { type: 'string', minLength: 1, maxLength: 32 },
  },
} as const;
// a signed-in thief may try codes and passwords here: keep it slow
const PROOF_RATE = { max: 10, timeWindow: '1 minute' };

export function totpRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: SecondFactorProof | undefined }>('/api/v1/me/totp', {
    config: { access: gate('account', 'manage'), rateLimit: PROOF_RATE },
    schema: {
      tags: ['auth'], operationId: 'startTotpEnrolment', summary: 'Start TOTP enrolment: a new secret and its QR code',
      description: 'With TOTP already on (replacing the authenticator), send a current `totp` code, or `password` and a `recoveryCode`.',
      body: proofBody,
      response: { 200: { type: 'object', properties: { secret: { type: 'string' }, otpauthUri: { type: 'string' }, qrDataUrl: { type: 'string' } } }, ...problems(400, 401, 429) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'account', 'manage');
    return startTotpEnrolment(ctx.db, actor, request.body ?? {});
  });

  app.post<{ Body: { totp: string } }>('/api/v1/me/totp/confirm', {
    config: { access: gate('account', 'manage'), rateLimit: PROOF_RATE },
    schema: {
      tags: ['auth'], operationId: 'confirmTotpEnrolment', summary: 'Confirm TOTP enrolment with a code from the authenticator app; returns the recovery codes, once',
      body: { type: 'object', required: ['totp'], additionalProperties: false, properties: { totp: { type: 'string', pattern: '^\\d{6}$' } } },
      response: {
        200: { type: 'object', properties: { recoveryCodes: { type: 'array', items: { type: 'string' } } } },
        ...problems(400, 401, 409, 429),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'account', 'manage');
    return { recoveryCodes: await confirmTotpEnrolment(ctx.db, actor, request.body.totp) };
  });

  app.delete<{ Body: SecondFactorProof }>('/api/v1/me/totp', {
    config: { access: gate('account', 'manage'), rateLimit: PROOF_RATE },
    schema: {
      tags: ['auth'], operationId: 'removeTotp', summary: 'Turn TOTP off: needs a current code, or the password and a recovery code',
      body: proofBody,
      response: { 204: { type: 'null' }, ...problems(400, 401, 429) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'account', 'manage');
    await removeTotp(ctx.db, actor, request.body ?? {});
    return reply.status(204).send();
  });
}
