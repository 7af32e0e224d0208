import { type Kysely, sql } from 'kysely';

// The area figures read only present stays, by region: a partial index that also holds the
// columns they count (permit, purpose, nationality as reported, lodging, person) answers them
// from the index alone, without a row lookup per present stay (measured at 5M stays, bench/supervision).
// It replaces stays_present_region; SQLite has no INCLUDE, so the columns are part of the key.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stays_present_region').execute();
  await db.schema.createIndex('stays_present_region').on('stays')
    .columns(['region_code', 'permit_valid_until', 'permit_kind', 'report_kind', 'reported_nationality', 'lodging_id', 'person_id'])
    .where(sql.ref('departure_date'), 'is', null).where(sql.ref('cancelled_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stays_present_region').execute();
  await db.schema.createIndex('stays_present_region').on('stays').columns(['region_code', 'permit_valid_until'])
    .where(sql.ref('departure_date'), 'is', null).where(sql.ref('cancelled_at'), 'is', null).execute();
}
