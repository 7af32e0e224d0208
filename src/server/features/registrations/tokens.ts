import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, EmailTokensTable } from '../../db/schema';

// Links sent by e-mail. A token is 32 random bytes and an HMAC of them under a key kept in the
// settings table: an altered token fails the signature before any lookup. The table keeps only
// the token's SHA-256, so a copy of the database opens no link; a token is used once and expires.

const KEY_SETTING = 'email_token_key';
export const VERIFY_EMAIL_HOURS = 48;

const keys = new WeakMap<Kysely<Database>, Promise<Buffer>>();

async function loadKey(db: Kysely<Database>): Promise<Buffer> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY_SETTING).executeTakeFirst();
  if (row) return Buffer.from(row.value, 'base64');
  await db.insertInto('settings').values({ key: KEY_SETTING, value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
  const stored = await db.selectFrom('settings').select('value').where('key', '=', KEY_SETTING).executeTakeFirstOrThrow();
  return Buffer.from(stored.value, 'base64');
}

/** The signing key (created at first use); call outside a transaction. */
export function tokenKey(db: Kysely<Database>): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = loadKey(db);
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(`email-token:${body}`).digest().subarray(0, 16).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A fresh token for a user; stores its hash in the caller's transaction and returns the token. */
export async function issueToken(
  trx: Transaction<Database>, key: Buffer, row: Pick<EmailTokensTable, 'user_id' | 'purpose' | 'email'>, hours: number, now = new Date(),
): Promise<string> {
  const body = randomBytes(32).toString('base64url');
  const token = `${body}.${mac(key, body)}`;
  await trx.insertInto('email_tokens').values({
    ...row, token_hash: tokenHash(token), created_at: now.toISOString(), expires_at: new Date(now.getTime() + hours * 3600_000).toISOString(), used_at: null,
  }).execute();
  return token;
}

/** True when the token carries a valid signature (says nothing about use or expiry). */
export function signatureValid(key: Buffer, token: string): boolean {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return false;
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Marks the token used, in the caller's transaction, and returns its row; undefined when it
 * is unknown, of another purpose, used or expired. The update is conditional, so two
 * concurrent uses cannot both succeed.
 */
export async function consumeToken(trx: Transaction<Database>, token: string, purpose: EmailTokensTable['purpose'], now = new Date()) {
  const hash = tokenHash(token);
  const used = await trx.updateTable('email_tokens').set({ used_at: now.toISOString() })
    .where('token_hash', '=', hash).where('purpose', '=', purpose).where('used_at', 'is', null).where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return undefined;
  return trx.selectFrom('email_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirstOrThrow();
}
