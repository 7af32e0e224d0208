import { type Kysely, sql } from 'kysely';

// The area figures at national scale read indexes only (measured on 5M stays, bench/supervision):
// - present stays: the partial index also holds departure_date and cancelled_at, so a query that
//   names them (as every present query does) is still answered from the index;
// - arrivals and reports per day: (region, arrival date) with the columns the figures count and
//   the id the import join needs;
// - departures per day: (region, departure date, cancelled). It replaces stays_region_present,
//   whose (region, departure date) prefix it keeps.
// - a province's or a regency's days: the same by regency code (the first five characters of the
//   village code) first, so a period is one seek per regency instead of a walk over two years of stays.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stays_present_region').execute();
  await db.schema.createIndex('stays_present_region').on('stays')
    .columns(['region_code', 'permit_valid_until', 'permit_kind', 'report_kind', 'reported_nationality', 'lodging_id', 'person_id', 'departure_date', 'cancelled_at'])
    .where(sql.ref('departure_date'), 'is', null).where(sql.ref('cancelled_at'), 'is', null).execute();
  await db.schema.dropIndex('stays_region_arrival').execute();
  await db.schema.createIndex('stays_region_arrival').on('stays').columns(['region_code', 'arrival_date', 'cancelled_at', 'report_kind', 'findings', 'id']).execute();
  await db.schema.dropIndex('stays_region_present').execute();
  await db.schema.createIndex('stays_region_present').on('stays').columns(['region_code', 'departure_date', 'cancelled_at']).execute();
  await db.schema.createIndex('stays_regency_arrival').on('stays')
    .expression(sql`substr(region_code, 1, 5), arrival_date, cancelled_at, report_kind, findings, id`).execute();
  await db.schema.createIndex('stays_regency_departure').on('stays').expression(sql`substr(region_code, 1, 5), departure_date, cancelled_at`).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stays_regency_departure').execute();
  await db.schema.dropIndex('stays_regency_arrival').execute();
  await db.schema.dropIndex('stays_region_present').execute();
  await db.schema.createIndex('stays_region_present').on('stays').columns(['region_code', 'departure_date']).execute();
  await db.schema.dropIndex('stays_region_arrival').execute();
  await db.schema.createIndex('stays_region_arrival').on('stays').columns(['region_code', 'arrival_date']).execute();
  await db.schema.dropIndex('stays_present_region').execute();
  await db.schema.createIndex('stays_present_region').on('stays')
    .columns(['region_code', 'permit_valid_until', 'permit_kind', 'report_kind', 'reported_nationality', 'lodging_id', 'person_id'])
    .where(sql.ref('departure_date'), 'is', null).where(sql.ref('cancelled_at'), 'is', null).execute();
}
