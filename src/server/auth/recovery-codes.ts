import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

// TOTP recovery codes: 10 random codes of 80 bits (xxxx-xxxx-xxxx-xxxx, base32), shown once at
// enrolment. Only a SHA-256 is stored (salted with the user id): the codes are random enough
// that a slow hash buys nothing, and login can look one up directly. Each works once.

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 symbols, no l/1/o/0 to misread

const normalise = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const hashCode = (userId: string, code: string) => createHash('sha256').update(`${userId}:${normalise(code)}`).digest('hex');

function newCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return chars.join('').replace(/(.{4})(?!$)/g, '$1-');
}

/** Replaces the user's codes with fresh ones (inside the caller's transaction); returns them for showing once. */
export async function replaceRecoveryCodes(trx: Kysely<Database>, userId: string, now = new Date()): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await trx.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await trx.insertInto('totp_recovery_codes')
    .values(codes.map((code) => ({ code_hash: hashCode(userId, code), user_id: userId, created_at: now.toISOString(), used_at: null })))
    .execute();
  return codes;
}

/** Spends one code; true when it was the user's and unused. One conditional update: a code works once even in parallel. */
export async function useRecoveryCode(db: Kysely<Database>, userId: string, code: string, now = new Date()): Promise<boolean> {
  const result = await db.updateTable('totp_recovery_codes').set({ used_at: now.toISOString() })
    .where('code_hash', '=', hashCode(userId, code)).where('user_id', '=', userId).where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteRecoveryCodes(trx: Kysely<Database>, userId: string): Promise<void> {
  await trx.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
}
