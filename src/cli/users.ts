import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit, lockWrites } from '../server/audit/log';
import { hashPassword } from '../server/auth/passwords';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import type { Database } from '../server/db/schema';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export class RefusedError extends Error {}

/**
 * The way into a production install: the first administrator, on a database without one.
 * Refused once any administrator exists; every later account goes through the admin API.
 */
export async function createFirstAdmin(db: Kysely<Database>, username: string, password: string, now = new Date()): Promise<string> {
  if (!USERNAME.test(username)) throw new RefusedError('username: 3-40 characters, lower-case letters, digits, dot, dash or underscore');
  if (password.length < 10) throw new RefusedError('password: at least 10 characters');
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx); // two operators running this at once: one wins
    if (await trx.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst()) {
      throw new RefusedError('an administrator already exists; further accounts are created by an administrator (POST /api/v1/admin/users)');
    }
    if (await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) throw new RefusedError(`username ${username} is taken`);
    const id = randomUUID();
    await trx.insertInto('users').values({
      id, username, display_name: username, email: null, password_hash: passwordHash, role: 'admin', agency_id: null, area_code: null,
      reporter_org_id: null, totp_secret: null, locale: 'id', active: 1, failed_logins: 0, locked_until: null, created_at: now.toISOString(),
      approval: 'approved', created_by: null,
    }).execute();
    await appendAudit(trx, null, { action: 'user.create_first_admin', resourceType: 'user', resourceId: id, detail: { username } }, now);
    return id;
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** `users create-admin <username>`: the password is read from stdin (never from the command line). */
export async function runUsersCommand(args: string[]): Promise<number> {
  const [sub, username] = args;
  if (sub !== 'create-admin' || !username) {
    console.error('usage: echo "$PASSWORD" | npm run cli -- users create-admin <username>');
    return 2;
  }
  const password = await readStdin();
  const config = loadConfig({ ...process.env, SINERGI_DEMO: 'false' });
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(db.kysely);
    await createFirstAdmin(db.kysely, username.toLowerCase(), password);
    console.log(`administrator ${username.toLowerCase()} created; sign in, then create a second administrator (see docs/operations.md)`);
    return 0;
  } catch (err) {
    if (!(err instanceof RefusedError)) throw err;
    console.error(`refused: ${err.message}`);
    return 1;
  } finally {
    await db.close();
  }
}
