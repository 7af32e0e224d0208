import { type Kysely, sql } from 'kysely';

// The departure indexes hold departed stays only. Whole, they misled SQLite's planner on present
// lists: its statistics average "departure_date = ?" over all stays (16 rows a day) and do not
// know that null, everyone present, is 145,000 rows of 5,000,000, so a regency's present list
// walked every present stay of the country (0.5 s for Badung). A departure range still uses them
// (a comparison implies "is not null", on SQLite and PostgreSQL).
// Also: watchlist entries by the time they changed, for re-screening a list change alone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('watchlist_entries_updated').on('watchlist_entries').column('updated_at').execute();
  await db.schema.dropIndex('stays_region_present').execute();
  await db.schema.createIndex('stays_region_present').on('stays').columns(['region_code', 'departure_date', 'cancelled_at'])
    .where(sql.ref('departure_date'), 'is not', null).execute();
  await db.schema.dropIndex('stays_regency_departure').execute();
  await db.schema.createIndex('stays_regency_departure').on('stays').expression(sql`substr(region_code, 1, 5), departure_date, cancelled_at`)
    .where(sql.ref('departure_date'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('watchlist_entries_updated').execute();
  await db.schema.dropIndex('stays_regency_departure').execute();
  await db.schema.createIndex('stays_regency_departure').on('stays').expression(sql`substr(region_code, 1, 5), departure_date, cancelled_at`).execute();
  await db.schema.dropIndex('stays_region_present').execute();
  await db.schema.createIndex('stays_region_present').on('stays').columns(['region_code', 'departure_date', 'cancelled_at']).execute();
}
