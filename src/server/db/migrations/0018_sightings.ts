import type { Kysely } from 'kysely';

// Early-detection reports (sightings) of field officers. The Idempotency-Key lives on the row
// itself (unique per reporter): a phone may sync a report queued weeks ago, longer than any
// general replay window, and must still store it once. Triage (link, case, dismiss) updates
// the row; its history is in the audit log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sightings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reporter_agency_id', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull()) // ISO instant, UTC
    .addColumn('village_code', 'text', (c) => c.notNull()) // the sighting's region (scope)
    .addColumn('rw', 'text')
    .addColumn('rt', 'text')
    .addColumn('lat', 'real', (c) => c.notNull())
    .addColumn('lon', 'real', (c) => c.notNull())
    .addColumn('subject_name', 'text')
    .addColumn('subject_nationality', 'text')
    .addColumn('subject_description', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // new | linked | case_opened | dismissed
    .addColumn('person_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('outcome_reason', 'text')
    .addColumn('triaged_by', 'text')
    .addColumn('triaged_at', 'text')
    .addColumn('photo_type', 'text')
    .addColumn('photo_size', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sightings_idempotency', ['reported_by', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('sightings_village_created').on('sightings').columns(['village_code', 'created_at']).execute();
  await db.schema.createIndex('sightings_reporter_created').on('sightings').columns(['reported_by', 'created_at']).execute();
  await db.schema.createIndex('sightings_person').on('sightings').columns(['person_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sightings').execute();
}
