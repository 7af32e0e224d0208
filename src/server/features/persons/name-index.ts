import type { Kysely } from 'kysely';
import { type PersonName, personNameKey, personSearchTokens } from '../../../domain/identity/name-index';
import type { Database } from '../../db/schema';

// Keeps a person's name key and search tokens in step with its name. Every write that creates
// a person or changes its name calls indexPersonName in the same transaction.

export async function indexPersonName(db: Kysely<Database>, personId: string, name: PersonName): Promise<void> {
  await db.updateTable('persons').set({ name_key: personNameKey(name) }).where('id', '=', personId).execute();
  await db.deleteFrom('person_name_tokens').where('person_id', '=', personId).execute();
  const tokens = personSearchTokens(name);
  if (tokens.length > 0) {
    await db.insertInto('person_name_tokens').values(tokens.map((token) => ({ token, person_id: personId })))
      .onConflict((oc) => oc.doNothing()).execute();
  }
}

/** Indexes persons stored before the index existed (name_key null), a batch at a time; returns how many. */
export async function indexUnindexedPersons(db: Kysely<Database>, batchSize = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.selectFrom('persons').select(['id', 'surname', 'given_names']).where('name_key', 'is', null).limit(batchSize).execute();
    if (rows.length === 0) return done;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) await indexPersonName(trx, row.id, row);
    });
    done += rows.length;
  }
}
