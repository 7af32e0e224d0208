import type { Kysely } from 'kysely';

// Sign-in hardening:
// - login_throttle: a leaky bucket per key (a client address or a submitted username, known or
//   not); level rises by one per attempt before the password is checked and drains with time.
//   Replaces the per-account lockout (users.failed_logins / locked_until stay, unused).
// - totp_recovery_codes: one-time codes shown once at TOTP enrolment; only their SHA-256 is kept.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey()) // ip:<address> | user:<username>
    .addColumn('level', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'double precision', (c) => c.notNull()) // epoch seconds
    .execute();
  await db.schema
    .createTable('totp_recovery_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('totp_recovery_codes_user').on('totp_recovery_codes').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('totp_recovery_codes').ifExists().execute();
  await db.schema.dropTable('login_throttle').ifExists().execute();
}
