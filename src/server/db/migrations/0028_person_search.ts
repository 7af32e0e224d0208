import type { Kysely } from 'kysely';

// Name search at national scale (bench/supervision, 1M persons):
// - a person's tokens by person, with the token: the search starts from its rarest query word
//   and checks the other words on each candidate from this index alone;
// - stays by person and region: whether a candidate was ever in the caller's area is one seek
//   in the index, not a read of each of its stays. It replaces stays_person (its prefix).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('person_name_tokens_person').execute();
  await db.schema.createIndex('person_name_tokens_person').on('person_name_tokens').columns(['person_id', 'token']).execute();
  await db.schema.createIndex('stays_person_region').on('stays').columns(['person_id', 'region_code']).execute();
  await db.schema.dropIndex('stays_person').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('stays_person').on('stays').column('person_id').execute();
  await db.schema.dropIndex('stays_person_region').execute();
  await db.schema.dropIndex('person_name_tokens_person').execute();
  await db.schema.createIndex('person_name_tokens_person').on('person_name_tokens').column('person_id').execute();
}
