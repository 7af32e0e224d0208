import type { Kysely } from 'kysely';

// A Timpora team's meetings (rapat): who was invited and who came, the minutes, the agreements
// (kesepakatan), and the follow-up tasks an agreement becomes (owner agency or member, due date,
// open → done with a note). Times are UTC; the web shows them in the team region's zone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull()) // UTC ISO instant
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // planned | held
    .addColumn('minutes', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_team').on('meetings').columns(['team_id', 'starts_at']).execute();

  await db.schema
    .createTable('meeting_invitations')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('meeting_invitations_pk', ['meeting_id', 'agency_id'])
    .execute();

  // one row per person present: a member (user_id) or someone without an account (name only)
  await db.schema
    .createTable('meeting_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_attendance_meeting').on('meeting_attendance').column('meeting_id').execute();

  await db.schema
    .createTable('meeting_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('meeting_agreements_seq', ['meeting_id', 'seq'])
    .execute();

  await db.schema
    .createTable('team_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('agreement_id', 'text', (c) => c.unique().references('meeting_agreements.id')) // an agreement becomes one task
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_on', 'text', (c) => c.notNull()) // calendar date in the team region
    .addColumn('status', 'text', (c) => c.notNull()) // open | done
    .addColumn('done_note', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_tasks_team').on('team_tasks').columns(['team_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('team_tasks_owner').on('team_tasks').columns(['owner_agency_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['team_tasks', 'meeting_agreements', 'meeting_attendance', 'meeting_invitations', 'meetings']) {
    await db.schema.dropTable(table).execute();
  }
}
