import type { Kysely } from 'kysely';

// The team channel (messages, their edits, mentions, attachments, each member's read state) and the
// per-user notification inbox (mentions, task assignments, due tasks) with when each was read.
// Mention and task e-mail preferences join the existing notification_preferences row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('channel_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('author_id', 'text') // null: the system (pinned guides)
    .addColumn('kind', 'text', (c) => c.notNull()) // message | announcement | guide
    .addColumn('parent_id', 'text') // thread root, for a reply
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('last_reply_at', 'text') // a root's latest activity: retention keeps live threads
    .execute();
  await db.schema.createIndex('channel_messages_team').on('channel_messages').columns(['team_id', 'created_at']).execute();
  await db.schema.createIndex('channel_messages_parent').on('channel_messages').columns(['parent_id', 'created_at']).execute();

  await db.schema
    .createTable('channel_message_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull()) // the text before the edit
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channel_message_edits_message').on('channel_message_edits').column('message_id').execute();

  await db.schema
    .createTable('channel_mentions')
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_mentions_pk', ['message_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('channel_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text') // null until a message carries it
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channel_attachments_message').on('channel_attachments').column('message_id').execute();

  await db.schema
    .createTable('channel_read_state')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('last_read_at', 'text', (c) => c.notNull()) // created_at of the last message read
    .addColumn('last_read_message_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_read_state_pk', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // mention | task_assigned | task_due
    .addColumn('team_id', 'text')
    .addColumn('ref_type', 'text', (c) => c.notNull()) // channel_message | task
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text') // who caused it (a colleague's display name, never a subject's)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addUniqueConstraint('notifications_once', ['user_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_team').on('notifications').columns(['team_id', 'created_at']).execute();

  await db.schema.alterTable('notification_preferences').addColumn('mentions', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('notification_preferences').addColumn('tasks', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notification_preferences').dropColumn('tasks').execute();
  await db.schema.alterTable('notification_preferences').dropColumn('mentions').execute();
  for (const t of ['notifications', 'channel_read_state', 'channel_attachments', 'channel_mentions', 'channel_message_edits', 'channel_messages']) {
    await db.schema.dropTable(t).execute();
  }
}
