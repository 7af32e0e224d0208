import { type Kysely, sql } from 'kysely';

// Cases (temuan dan tindak lanjut) and joint operations (operasi gabungan).
// A case comes from a source (a stay, a sighting, an operation finding or an alert), is
// assigned to an agency and a member, and moves open → in_progress → action_taken → closed;
// every step is a row of case_events (the timeline). Attachments are kept in the database
// (bytes, with their sniffed type and hash) so every app instance serves them alike.
// An operation has its plan (targets, participants) and its field results (persons checked,
// findings); a finding can open a case.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter.constructor.name.startsWith('Postgres');
  const bytes = sql.raw(isPostgres ? 'bytea' : 'blob');

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | in_progress | action_taken | closed
    .addColumn('source_kind', 'text', (c) => c.notNull()) // stay | sighting | operation_finding | alert
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_by_agency_id', 'text')
    .addColumn('assigned_agency_id', 'text')
    .addColumn('assigned_user_id', 'text')
    .addColumn('action_kind', 'text') // administrative | criminal_handover | no_action
    .addColumn('action_measure', 'text') // deportation | detention | fine | entry_ban | other (administrative)
    .addColumn('action_note', 'text')
    .addColumn('action_at', 'text')
    .addColumn('action_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_region_status').on('cases').columns(['region_code', 'status', 'created_at']).execute();
  await db.schema.createIndex('cases_source').on('cases').columns(['source_kind', 'source_id']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // opened | assigned | status | action | closed | comment | attachment | person_linked | person_unlinked
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'at']).execute();

  await db.schema
    .createTable('case_persons')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_persons_pk', ['case_id', 'person_id'])
    .execute();
  await db.schema.createIndex('case_persons_person').on('case_persons').column('person_id').execute();

  await db.schema
    .createTable('case_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull()) // sniffed: image/jpeg | image/png | application/pdf
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_attachments_case').on('case_attachments').column('case_id').execute();

  await db.schema
    .createTable('operations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull()) // calendar date
    .addColumn('region_code', 'text', (c) => c.notNull()) // the operation's area
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // planned | done
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_agency_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('operations_region').on('operations').columns(['region_code', 'planned_on']).execute();

  await db.schema
    .createTable('operation_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operations.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // lodging | area
    .addColumn('reporter_org_id', 'text')
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .execute();
  await db.schema.createIndex('operation_targets_op').on('operation_targets').column('operation_id').execute();

  await db.schema
    .createTable('operation_participants')
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operations.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('user_id', 'text', (c) => c.notNull()) // '' for the agency as a whole
    .addPrimaryKeyConstraint('operation_participants_pk', ['operation_id', 'agency_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('operation_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operations.id'))
    .addColumn('person_id', 'text')
    .addColumn('name', 'text') // a free entry when the person is not (yet) known
    .addColumn('nationality', 'text')
    .addColumn('documents_seen', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('operation_checks_op').on('operation_checks').column('operation_id').execute();

  await db.schema
    .createTable('operation_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operations.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('operation_findings_op').on('operation_findings').column('operation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['operation_findings', 'operation_checks', 'operation_participants', 'operation_targets', 'operations',
    'case_attachments', 'case_persons', 'case_events', 'cases']) await db.schema.dropTable(t).execute();
}
