import type { Kysely } from 'kysely';

// Accounts under the two-person rule, and an audit trail that can be trusted from outside:
// - users.approval: 'approved' | 'pending' | 'rejected'; accounts that see personal data wait,
//   inactive, until a second administrator approves them (existing and seeded accounts: approved);
// - stays.audit_seq: the chain position of the check-in, printed on the receipt;
// - audit_pending: audited reads, appended without the writers' lock and folded into the chain later;
// - audit_checkpoints: signed {seq, hash, at} of the chain head, to be kept outside the database.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('approval', 'text', (c) => c.notNull().defaultTo('approved')).execute();
  for (const column of ['created_by', 'decided_by', 'decided_at', 'decision_reason']) {
    await db.schema.alterTable('users').addColumn(column, 'text').execute();
  }
  await db.schema.createIndex('users_approval').on('users').column('approval').execute();

  await db.schema.alterTable('stays').addColumn('audit_seq', 'integer').execute();

  await db.schema
    .createTable('audit_pending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_username', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('region_code', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_pending_at').on('audit_pending').columns(['at', 'id']).execute();

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_username', 'seq']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_action').ifExists().execute();
  await db.schema.dropIndex('audit_log_actor').ifExists().execute();
  await db.schema.dropTable('audit_checkpoints').ifExists().execute();
  await db.schema.dropTable('audit_pending').ifExists().execute();
  await db.schema.alterTable('stays').dropColumn('audit_seq').execute();
  await db.schema.dropIndex('users_approval').ifExists().execute();
  for (const column of ['decision_reason', 'decided_at', 'decided_by', 'created_by', 'approval']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
