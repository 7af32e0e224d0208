import { type Kysely, sql } from 'kysely';

// The partner API for hotel software:
// - api_keys: a reporter's keys, stored as the SHA-256 of a high-entropy random key (shown
//   once); `prefix` is the first characters, for telling keys apart; revoked keys stay listed;
// - stays.changed_at: when a stay last changed (check-in, check-out, any later change), so
//   `GET /api/v1/stays?since=` finds what changed with an index. A trigger keeps it: an update
//   that does not set it gets the database's clock, an insert without it its own created_at (or
//   checked_out_at), so a command written later cannot forget it.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name.startsWith('Postgres');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reporter_org_id', 'text', (c) => c.references('reporter_orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema.createIndex('api_keys_user').on('api_keys').columns(['user_id', 'created_at']).execute();

  await blankStoredPersonIds(db);

  await db.schema.alterTable('stays').addColumn('changed_at', 'text').execute();
  await sql`update stays set changed_at = coalesce(checked_out_at, created_at)`.execute(db);
  await db.schema.createIndex('stays_lodging_changed').on('stays').columns(['lodging_id', 'changed_at', 'id']).execute();
  if (isPostgres(db)) {
    await sql.raw(`create function stays_changed_at() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          new.changed_at := coalesce(new.changed_at, new.checked_out_at, new.created_at);
        elsif new.changed_at is not distinct from old.changed_at then
          new.changed_at := to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        end if;
        return new;
      end $$`).execute(db);
    await sql`create trigger stays_changed_at before insert or update on stays for each row execute function stays_changed_at()`.execute(db);
  } else {
    const clock = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
    await sql.raw(`create trigger stays_changed_on_insert after insert on stays for each row when new.changed_at is null
      begin update stays set changed_at = coalesce(new.checked_out_at, new.created_at) where id = new.id; end`).execute(db);
    await sql.raw(`create trigger stays_changed_on_update after update on stays for each row when new.changed_at is old.changed_at
      begin update stays set changed_at = ${clock} where id = new.id; end`).execute(db);
  }
}

/**
 * The check-in's stored answers for Idempotency-Key replays: the old mechanism kept the command's
 * raw result, with the person each passport links to; the shared mechanism replays what it
 * stored as sent, so the person links are blanked here (a lodging must never learn them).
 */
async function blankStoredPersonIds(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows: { user_id: string; route: string; key: string; body: string }[] = await db.selectFrom('idempotency_keys')
      .select(['user_id', 'route', 'key', 'body']).where('route', '=', 'POST /api/v1/stays')
      .where(sql`user_id || '|' || key`, '>', after).orderBy(sql`user_id || '|' || key`).limit(500).execute();
    if (rows.length === 0) return;
    for (const r of rows) {
      const body = JSON.parse(r.body) as { personId?: unknown; members?: { personId?: unknown }[] };
      body.personId = null;
      for (const m of body.members ?? []) m.personId = null;
      await db.updateTable('idempotency_keys').set({ body: JSON.stringify(body) })
        .where('user_id', '=', r.user_id).where('route', '=', r.route).where('key', '=', r.key).execute();
    }
    after = `${rows.at(-1)!.user_id}|${rows.at(-1)!.key}`;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists stays_changed_at on stays`.execute(db);
    await sql`drop function if exists stays_changed_at()`.execute(db);
  } else {
    await sql`drop trigger if exists stays_changed_on_insert`.execute(db);
    await sql`drop trigger if exists stays_changed_on_update`.execute(db);
  }
  await db.schema.dropIndex('stays_lodging_changed').ifExists().execute();
  await db.schema.alterTable('stays').dropColumn('changed_at').execute();
  await db.schema.dropTable('api_keys').ifExists().execute();
}
