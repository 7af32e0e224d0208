import type { Kysely } from 'kysely';

// The area dashboard counts reports per channel (import or direct) over a period: an import is
// known by its row in import_rows, so that lookup by stay needs an index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('import_rows_stay').on('import_rows').column('stay_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('import_rows_stay').execute();
}
