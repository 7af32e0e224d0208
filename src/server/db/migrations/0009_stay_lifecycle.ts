import type { Kysely } from 'kysely';

// A stay's life after its check-in: every change (extension, room change, correction,
// cancellation of the report or of its check-out) is a row of stay_changes with the values
// before and after, so the original report stays visible while the stay row shows the current
// values. A cancelled report is kept and marked, never deleted. An optional arrival time makes
// "more than 24 hours late" exact. Reminders record the daily "stays to close" notice of a lodging.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stays').addColumn('arrival_time', 'text').execute();
  await db.schema.alterTable('stays').addColumn('cancelled_at', 'text').execute();
  await db.schema.alterTable('stays').addColumn('cancelled_by', 'text').execute();
  await db.schema.alterTable('stays').addColumn('cancel_reason', 'text').execute();
  // the duplicate check on the check-in path: is this passport present at this lodging?
  await db.schema.createIndex('stays_document_present').on('stays').columns(['document_id', 'departure_date']).execute();

  await db.schema
    .createTable('stay_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stay_id', 'text', (c) => c.notNull().references('stays.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // extend | room | correct | cancel_report | cancel_checkout
    .addColumn('reason', 'text')
    .addColumn('before', 'text', (c) => c.notNull()) // JSON: the changed fields as they were
    .addColumn('after', 'text', (c) => c.notNull()) // JSON: the same fields as they are now
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('audit_seq', 'integer')
    .execute();
  await db.schema.createIndex('stay_changes_stay').on('stay_changes').columns(['stay_id', 'changed_at']).execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('reporter_orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // open_stays
    .addColumn('day', 'text', (c) => c.notNull()) // the lodging's local date the reminder is for
    .addColumn('stay_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text')
    .addColumn('emailed_at', 'text')
    .execute();
  await db.schema.createIndex('reminders_org_kind_day').on('reminders').columns(['org_id', 'kind', 'day']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminders').execute();
  await db.schema.dropTable('stay_changes').execute();
  await db.schema.dropIndex('stays_document_present').execute();
  for (const c of ['cancel_reason', 'cancelled_by', 'cancelled_at', 'arrival_time']) await db.schema.alterTable('stays').dropColumn(c).execute();
}
