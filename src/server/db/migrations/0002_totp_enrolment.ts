import type { Kysely } from 'kysely';

// A secret offered to a user during TOTP enrolment; it becomes totp_secret once a code from it is confirmed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_pending_secret').execute();
}
