import { type Kysely, sql } from 'kysely';

// Other report kinds: a company reports its foreign workers, a private host a foreigner living
// with them. All are stays (the same person records, dashboards and present counts) with a
// `report_kind`; a worker's employment details sit in a side table keyed by the stay.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stays')
    .addColumn('report_kind', 'text', (c) => c.notNull().defaultTo('lodging')) // lodging | work | residence
    .execute();
  // stays reported before this migration by companies and private hosts were already of their kind
  await sql`update stays set report_kind = 'work' where lodging_id in (select id from reporter_orgs where kind = 'company')`.execute(db);
  await sql`update stays set report_kind = 'residence' where lodging_id in (select id from reporter_orgs where kind = 'private')`.execute(db);

  await db.schema
    .createTable('stay_employments')
    .addColumn('stay_id', 'text', (c) => c.primaryKey().references('stays.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('worksite_address', 'text', (c) => c.notNull())
    .addColumn('worksite_village_code', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('work_permit_ref', 'text', (c) => c.notNull()) // work permit (IMTA / notifikasi) or RPTKA reference
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_until', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stay_employments').execute();
  await db.schema.alterTable('stays').dropColumn('report_kind').execute();
}
