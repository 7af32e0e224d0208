import type { Kysely } from 'kysely';

// Entity resolution (issue #8): officers merge two persons and split a wrong merge.
// - persons.merged_into: the person that absorbed this one (null while it stands on its own).
// - person_merges: each merge and exactly which rows moved (JSON), so a split restores them.
// - person_link_dismissals: pairs decided "not the same person", never proposed again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('merged_into', 'text').execute();

  await db.schema
    .createTable('person_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kept_person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('absorbed_person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('moved', 'text', (c) => c.notNull())
    .addColumn('merged_by', 'text', (c) => c.notNull())
    .addColumn('merged_at', 'text', (c) => c.notNull())
    .addColumn('split_by', 'text')
    .addColumn('split_at', 'text')
    .addColumn('split_reason', 'text')
    .execute();
  await db.schema.createIndex('person_merges_kept').on('person_merges').column('kept_person_id').execute();
  await db.schema.createIndex('person_merges_absorbed').on('person_merges').column('absorbed_person_id').execute();

  await db.schema
    .createTable('person_link_dismissals')
    .addColumn('person_a', 'text', (c) => c.notNull())
    .addColumn('person_b', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('dismissed_by', 'text', (c) => c.notNull())
    .addColumn('dismissed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_link_dismissals_pk', ['person_a', 'person_b'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_link_dismissals').execute();
  await db.schema.dropTable('person_merges').execute();
  await db.schema.alterTable('persons').dropColumn('merged_into').execute();
}
