import { type Kysely, sql } from 'kysely';

// The relay claims the oldest unpublished events: "published_at is null order by at limit n".
// The one index on published_at answered "is null" by listing every pending event and sorting
// them, so during a large import (tens of thousands pending) each claim cost 15-20 ms. Now the
// pending events have an index of their own, in order, and a claim reads just its batch; the
// published ones keep theirs, for housekeeping, which deletes them by age. (Split, so neither
// planner can take the old index for "is null".)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('outbox_pending').on('outbox').column('at').where(sql.ref('published_at'), 'is', null).execute();
  await db.schema.dropIndex('outbox_unpublished').execute();
  await db.schema.createIndex('outbox_published').on('outbox').column('published_at').where(sql.ref('published_at'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_published').execute();
  await db.schema.createIndex('outbox_unpublished').on('outbox').column('published_at').execute();
  await db.schema.dropIndex('outbox_pending').execute();
}
