import type { Kysely } from 'kysely';

// Core schema. Migrations never import app code: one schema-builder migration serves
// SQLite and PostgreSQL. Ids are text (UUIDs or codes); timestamps are ISO-8601 UTC text;
// calendar dates are 'YYYY-MM-DD' text, so both dialects compare them the same way.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull()) // 1 province, 2 regency/city, 3 district, 4 village
    .addColumn('parent_code', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull()) // WIB | WITA | WIT
    .execute();
  await db.schema.createIndex('regions_parent').on('regions').column('parent_code').execute();

  await db.schema
    .createTable('countries')
    .addColumn('code', 'text', (c) => c.primaryKey()) // ICAO alpha-3 or ICAO document code (D, GBD, UNO, XXA, ...)
    .addColumn('alpha2', 'text')
    .addColumn('name_id', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('icao_only', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reporter_orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // lodging | company | private
    .addColumn('lodging_type', 'text') // hotel | villa | homestay | guest_house | kos (lodgings only)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('village_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('phone', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reporter_orgs_village').on('reporter_orgs').column('village_code').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // admin | immigration_officer | timpora_member | field_officer | reporter | auditor
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('area_code', 'text', (c) => c.references('regions.code'))
    .addColumn('reporter_org_id', 'text', (c) => c.references('reporter_orgs.id'))
    .addColumn('totp_secret', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha-256 of the cookie token; the token itself is never stored
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull()) // province | regency | district
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('office_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('sk_number', 'text', (c) => c.notNull())
    .addColumn('sk_date', 'text', (c) => c.notNull())
    .addColumn('sk_issuer', 'text', (c) => c.notNull())
    .addColumn('budget_year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'agency_id'])
    .execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull()) // M | F | X
    .addColumn('date_of_birth', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('person_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('type', 'text', (c) => c.notNull()) // passport
    .addColumn('number', 'text', (c) => c.notNull()) // normalised: upper case, no spaces
    .addColumn('issuing_state', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('expiry_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('person_documents_state_number', ['issuing_state', 'number'])
    .execute();
  await db.schema.createIndex('person_documents_person').on('person_documents').column('person_id').execute();

  await db.schema
    .createTable('stays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('person_documents.id'))
    .addColumn('lodging_id', 'text', (c) => c.notNull().references('reporter_orgs.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code')) // the lodging's village
    .addColumn('arrival_date', 'text', (c) => c.notNull())
    .addColumn('planned_departure', 'text')
    .addColumn('departure_date', 'text') // null while the guest is present
    .addColumn('room', 'text')
    .addColumn('permit_kind', 'text', (c) => c.notNull())
    .addColumn('permit_number', 'text')
    .addColumn('permit_valid_from', 'text', (c) => c.notNull())
    .addColumn('permit_valid_until', 'text')
    .addColumn('reported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('checked_out_at', 'text')
    .addColumn('checked_out_by', 'text')
    .execute();
  await db.schema.createIndex('stays_region_present').on('stays').columns(['region_code', 'departure_date']).execute();
  await db.schema.createIndex('stays_person').on('stays').column('person_id').execute();
  await db.schema.createIndex('stays_lodging').on('stays').columns(['lodging_id', 'created_at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey()) // assigned by the appender, gap-free
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_username', 'text')
    .addColumn('action', 'text', (c) => c.notNull()) // e.g. stay.check_in, person.read, user.create
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('region_code', 'text')
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_resource').on('audit_log').columns(['resource_type', 'resource_id']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('payload', 'text', (c) => c.notNull()) // JSON
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_unpublished').on('outbox').column('published_at').execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'route', 'key'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['settings', 'idempotency_keys', 'outbox', 'audit_log', 'stays', 'person_documents', 'persons',
    'team_members', 'teams', 'sessions', 'users', 'reporter_orgs', 'agencies', 'countries', 'regions']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
