import type { Kysely } from 'kysely';

// Alerts raised by rules and watchlist screening, and what people did with each: every step of
// the workflow (acknowledged, assigned, resolved, reopened, comments) is a row of alert_activity.
// `key` is unique: the same facts never raise a second alert, even after a false positive.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull()) // rule | watchlist
    .addColumn('rule', 'text', (c) => c.notNull()) // overstay, ..., or the watchlist kind
    .addColumn('severity', 'text', (c) => c.notNull()) // low | medium | high
    .addColumn('status', 'text', (c) => c.notNull()) // new | acknowledged | assigned | resolved
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('stay_id', 'text')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull()) // JSON { key, params }
    .addColumn('watchlist_entry_id', 'text')
    .addColumn('score', 'real')
    .addColumn('assigned_agency_id', 'text')
    .addColumn('assigned_user_id', 'text')
    .addColumn('resolution', 'text') // confirmed | false_positive | no_action
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema.createIndex('alerts_region_status').on('alerts').columns(['region_code', 'status', 'created_at']).execute();
  await db.schema.createIndex('alerts_person').on('alerts').column('person_id').execute();

  await db.schema
    .createTable('alert_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // raised | acknowledged | assigned | resolved | reopened | comment
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON
    .execute();
  await db.schema.createIndex('alert_activity_alert').on('alert_activity').columns(['alert_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_activity').execute();
  await db.schema.dropTable('alerts').execute();
}
