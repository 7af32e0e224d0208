import { type Kysely, sql } from 'kysely';

// One receipt for a family or group: every stay names the receipt that lists it
// (`receipt_group`, the head's number; a member's own number is `<receipt>-<line>`).
// Receipt numbers come from a counter per regency and day instead of a LIKE scan over stays,
// so numbering costs the same with ten stays or ten million.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stays').addColumn('receipt_group', 'text').execute();
  await sql`update stays set receipt_group = receipt_number`.execute(db);
  await db.schema.createIndex('stays_receipt_group').on('stays').column('receipt_group').execute();

  await db.schema
    .createTable('receipt_counters')
    .addColumn('prefix', 'text', (c) => c.primaryKey()) // STTP/<regency>/<yyyymmdd>/
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into receipt_counters (prefix, last)
    select substr(receipt_number, 1, length(receipt_number) - 6), max(cast(substr(receipt_number, length(receipt_number) - 5) as integer))
    from stays group by substr(receipt_number, 1, length(receipt_number) - 6)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('receipt_counters').execute();
  await db.schema.dropIndex('stays_receipt_group').execute();
  await db.schema.alterTable('stays').dropColumn('receipt_group').execute();
}
