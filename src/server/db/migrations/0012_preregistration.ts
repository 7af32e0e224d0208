import type { Kysely } from 'kysely';

// Guest pre-registration. A lodging has at most one live link token (rotating replaces it, so
// the old poster stops working). A guest's own submission is a draft: nothing is reported until
// the lodging's clerk checks the passport and confirms; unconfirmed drafts expire and are purged.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('prereg_links')
    .addColumn('lodging_id', 'text', (c) => c.primaryKey().references('reporter_orgs.id'))
    // kept readable (not hashed): it only lets a guest submit a draft, and the lodging reprints its poster from it
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('preregistrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lodging_id', 'text', (c) => c.notNull().references('reporter_orgs.id'))
    .addColumn('data', 'text', (c) => c.notNull()) // the guest's answers as JSON
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('preregistrations_lodging').on('preregistrations').columns(['lodging_id', 'created_at']).execute();
  await db.schema.createIndex('preregistrations_expires').on('preregistrations').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('preregistrations').execute();
  await db.schema.dropTable('prereg_links').execute();
}
