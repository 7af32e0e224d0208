import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { verify as verifyTotp } from 'otplib';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/schema';
import { AppError, locked, unauthenticated } from '../errors';
import { hashPassword, verifyPassword } from './passwords';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/**
 * Checks credentials (and TOTP for accounts that enrolled it). Repeated failures lock the
 * account for a while; every outcome is audited. Returns the user id.
 */
export async function checkCredentials(
  db: Kysely<Database>, input: { username: string; password: string; totp?: string }, now = new Date(),
): Promise<string> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', input.username.trim().toLowerCase()).executeTakeFirst();
  if (!user || !Number(user.active)) {
    await verifyPassword(await getDummyHash(), input.password); // same work either way: no user enumeration by timing
    throw unauthenticated([{ field: 'password', key: 'field.wrong_credentials' }]);
  }
  if (user.locked_until && user.locked_until > now.toISOString()) throw locked(user.locked_until);

  let failure: AppError | null = null;
  if (!(await verifyPassword(user.password_hash, input.password))) {
    failure = unauthenticated([{ field: 'password', key: 'field.wrong_credentials' }]);
  } else if (user.totp_secret) {
    if (!input.totp) failure = unauthenticated([{ field: 'totp', key: 'field.totp_required' }]);
    else if (!(await verifyTotp({ secret: user.totp_secret, token: input.totp, epochTolerance: 30 }).catch(() => ({ valid: false }))).valid) {
      failure = unauthenticated([{ field: 'totp', key: 'field.totp_wrong' }]);
    }
  }

  await db.transaction().execute(async (trx) => {
    if (failure) {
      const failed = Number(user.failed_logins) + 1;
      const lockUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
      await trx.updateTable('users').set({ failed_logins: lockUntil ? 0 : failed, locked_until: lockUntil }).where('id', '=', user.id).execute();
      await appendAudit(trx, null, { action: lockUntil ? 'auth.locked' : 'auth.login_failed', resourceType: 'user', resourceId: user.id, detail: { username: user.username } }, now);
    } else {
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
      await appendAudit(trx, { id: user.id, username: user.username }, { action: 'auth.login', resourceType: 'user', resourceId: user.id }, now);
    }
  });
  if (failure) throw failure;
  return user.id;
}

// A real argon2 hash of a random string, to spend the same time on unknown usernames.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
