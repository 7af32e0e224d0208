import type { Kysely } from 'kysely';

// Reporter self-registration (issue #7, item 1):
// - reporter_orgs: what APOA asks of each kind of reporter (NIB of a lodging or company, NIK of
//   a private person, GPS point, person in charge, contact), and the registration's own state.
//   registration_status is null for organisations an administrator entered (no registration);
//   pending | approved | rejected for self-registrations, decided by an immigration officer of the area.
// - users.email_verified_at: when the address was proven by its link.
// - email_tokens: single-use links sent by e-mail (e-mail verification, later password reset);
//   only the SHA-256 of a token is kept, so a copy of the database opens no link.
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['nib', 'nik', 'person_in_charge', 'contact_email', 'registration_status', 'registrant_user_id', 'rejected_reason', 'decided_by', 'decided_at']) {
    await db.schema.alterTable('reporter_orgs').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('reporter_orgs').addColumn('lat', 'double precision').execute();
  await db.schema.alterTable('reporter_orgs').addColumn('lng', 'double precision').execute();
  await db.schema.createIndex('reporter_orgs_registration').on('reporter_orgs').columns(['registration_status', 'village_code']).execute();

  await db.schema.alterTable('users').addColumn('email_verified_at', 'text').execute();

  await db.schema
    .createTable('email_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull()) // verify_email
    .addColumn('email', 'text', (c) => c.notNull()) // the address the link was sent to
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('email_tokens_user').on('email_tokens').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_tokens').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('email_verified_at').execute();
  await db.schema.dropIndex('reporter_orgs_registration').ifExists().execute();
  for (const column of ['lng', 'lat', 'decided_at', 'decided_by', 'rejected_reason', 'registrant_user_id', 'registration_status', 'contact_email', 'person_in_charge', 'nik', 'nib']) {
    await db.schema.alterTable('reporter_orgs').dropColumn(column).execute();
  }
}
