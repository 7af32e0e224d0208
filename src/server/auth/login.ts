import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { verify as verifyTotp } from 'otplib';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/schema';
import { AppError, type FieldError, unauthenticated } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import { useRecoveryCode } from './recovery-codes';
import { ADDRESS_BUCKET, USERNAME_BUCKET, addressKey, clearBucket, refundAttempt, takeAttempt, usernameKey } from './throttle';

export interface LoginInput { username: string; password: string; totp?: string; recoveryCode?: string }

const WRONG_CREDENTIALS: FieldError = { field: 'password', key: 'field.wrong_credentials' };
export const throttled = () => new AppError(429, 'rate_limited');

/**
 * Checks credentials (and the second factor for accounts that enrolled TOTP: a current code
 * or a one-time recovery code). Attempts are throttled per client address and per submitted
 * username (see throttle.ts); there is no lockout. Every path, throttled ones included, spends
 * one argon2 verification and writes one audit entry, so an unknown user, a wrong password
 * and a throttled attempt differ neither in answer nor in the work behind it (a throttled
 * answer is 429 for known and unknown names alike). Returns the user id.
 */
export async function checkCredentials(db: Kysely<Database>, input: LoginInput, ip: string, now = new Date()): Promise<string> {
  const username = input.username.trim().toLowerCase();
  const ipKey = addressKey(ip);
  const userKey = usernameKey(username);
  // the address first: it dominates, and an address already refused never drains the name's budget
  const scope = !(await takeAttempt(db, ipKey, ADDRESS_BUCKET, now)) ? 'address'
    : !(await takeAttempt(db, userKey, USERNAME_BUCKET, now)) ? 'username' : null;
  const user = await db.selectFrom('users').select(['id', 'username', 'active', 'password_hash', 'totp_secret'])
    .where('username', '=', username).executeTakeFirst();
  const known = user && Number(user.active) ? user : null;
  const audit = (action: string, detail: Record<string, unknown> = {}) =>
    db.transaction().execute((trx) => appendAudit(trx, action === 'auth.login' && known ? known : null, {
      action, resourceType: 'user', resourceId: user?.id ?? null, detail: { username, ip, ...detail },
    }, now));

  if (scope) {
    await verifyPassword(await getDummyHash(), input.password); // the same work as a failure
    await audit('auth.login_throttled', { scope });
    throw throttled();
  }
  const passwordOk = await verifyPassword(known?.password_hash ?? (await getDummyHash()), input.password);
  if (!known || !passwordOk) {
    await audit('auth.login_failed');
    throw unauthenticated([WRONG_CREDENTIALS]);
  }

  let secondFactor: FieldError | null = null;
  if (known.totp_secret) {
    if (input.recoveryCode) {
      if (!(await useRecoveryCode(db, known.id, input.recoveryCode, now))) secondFactor = { field: 'recoveryCode', key: 'field.recovery_code_wrong' };
    } else if (!input.totp) {
      // the password was right: asking for the code is no failed guess, so give the attempt back
      await Promise.all([refundAttempt(db, ipKey), refundAttempt(db, userKey)]);
      await audit('auth.login_failed', { reason: 'totp_required' });
      throw unauthenticated([{ field: 'totp', key: 'field.totp_required' }]);
    } else if (!(await verifyTotp({ secret: known.totp_secret, token: input.totp, epochTolerance: 30 }).catch(() => ({ valid: false }))).valid) {
      secondFactor = { field: 'totp', key: 'field.totp_wrong' };
    }
  }
  if (secondFactor) {
    await audit('auth.login_failed', { reason: secondFactor.field });
    throw unauthenticated([secondFactor]);
  }
  await Promise.all([refundAttempt(db, ipKey), clearBucket(db, userKey)]);
  await audit('auth.login', input.recoveryCode ? { secondFactor: 'recovery_code' } : {});
  return known.id;
}

// A real argon2 hash of a random string, to spend the same time on unknown usernames and throttled attempts.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
