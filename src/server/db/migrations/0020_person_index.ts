import { type Kysely, sql } from 'kysely';

// The supervision picture at national scale (issue #8):
// - persons.name_key: the order-independent normalised name; with birth date and nationality it
//   proposes probable links. Null until indexed (the app fills rows left null at start).
// - person_name_tokens: every name token and its sound code, for search by name in any order.
// - stays indexes for the area figures: present stays by region (partial, small) and arrivals by day.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('name_key', 'text').execute();
  await db.schema.createIndex('persons_probable').on('persons').columns(['name_key', 'date_of_birth', 'nationality']).execute();

  await db.schema
    .createTable('person_name_tokens')
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_name_tokens_pk', ['token', 'person_id'])
    .execute();
  await db.schema.createIndex('person_name_tokens_person').on('person_name_tokens').column('person_id').execute();

  await db.schema.createIndex('stays_present_region').on('stays').columns(['region_code', 'permit_valid_until'])
    .where(sql.ref('departure_date'), 'is', null).where(sql.ref('cancelled_at'), 'is', null).execute();
  await db.schema.createIndex('stays_region_arrival').on('stays').columns(['region_code', 'arrival_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stays_region_arrival').execute();
  await db.schema.dropIndex('stays_present_region').execute();
  await db.schema.dropTable('person_name_tokens').execute();
  await db.schema.dropIndex('persons_probable').execute();
  await db.schema.alterTable('persons').dropColumn('name_key').execute();
}
