import { type Kysely, sql } from 'kysely';

// The access layer's data:
// - team_memberships: which users sit in which Timpora team, from when to when (an officer's
//   area is its own plus the areas of the teams it is an active member of);
// - a stay keeps the identity as its reporter gave it (a report is what its reporter said);
//   the person record changes only by an officer's decision;
// - identity_conflicts: a report whose name, sex or birth date differs from its person's;
// - findings: facts officers must know (expired passport, late report, ...), stored with the stay.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('team_memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('position', 'text', (c) => c.notNull().defaultTo('anggota')) // pengarah | ketua | sekretaris | anggota
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .execute();
  await db.schema.createIndex('team_memberships_user').on('team_memberships').column('user_id').execute();
  await db.schema.createIndex('team_memberships_team').on('team_memberships').column('team_id').execute();

  for (const column of ['reported_surname', 'reported_given_names', 'reported_sex', 'reported_date_of_birth', 'reported_nationality', 'reported_document_expiry']) {
    await db.schema.alterTable('stays').addColumn(column, 'text').execute();
  }
  await db.schema.alterTable('stays').addColumn('findings', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  // Reports made before this migration: their identity is their person's as it stands.
  await sql`update stays set
      reported_surname = (select surname from persons where persons.id = stays.person_id),
      reported_given_names = (select given_names from persons where persons.id = stays.person_id),
      reported_sex = (select sex from persons where persons.id = stays.person_id),
      reported_date_of_birth = (select date_of_birth from persons where persons.id = stays.person_id),
      reported_nationality = (select nationality from persons where persons.id = stays.person_id),
      reported_document_expiry = (select expiry_date from person_documents where person_documents.id = stays.document_id)`.execute(db);

  await db.schema
    .createTable('identity_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('stay_id', 'text', (c) => c.notNull().references('stays.id'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull()) // JSON: { field: { person, reported } }
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open')) // open | resolved
    .addColumn('resolution', 'text') // keep_person | take_reported
    .addColumn('reason', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_conflicts_region').on('identity_conflicts').columns(['region_code', 'status']).execute();
  await db.schema.createIndex('identity_conflicts_person').on('identity_conflicts').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('identity_conflicts').execute();
  for (const column of ['reported_surname', 'reported_given_names', 'reported_sex', 'reported_date_of_birth', 'reported_nationality', 'reported_document_expiry', 'findings']) {
    await db.schema.alterTable('stays').dropColumn(column).execute();
  }
  await db.schema.dropTable('team_memberships').execute();
}
