import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database';
import { analyzeSqlite } from '../../src/server/db/statistics';

// Stores N synthetic stays fast, in SQL (a recursive CTE on SQLite, generate_series on
// PostgreSQL), not through HTTP: one person and passport per stay, spread over the demo's
// lodgings and the last three years, 95% already checked out. Chunks keep each transaction small.

const CHUNK = 100_000;
const STATES = ['AUS', 'CHN', 'NLD', 'JPN', 'KOR', 'USA', 'GBR', 'DEU', 'MYS', 'SGP'];

export async function bulkStays(db: Db, n: number): Promise<void> {
  const k = db.kysely;
  const lodgings = await k.selectFrom('reporter_orgs').innerJoin('users', 'users.reporter_org_id', 'reporter_orgs.id')
    .select(['reporter_orgs.id', 'reporter_orgs.village_code', 'users.id as user_id']).where('reporter_orgs.kind', '=', 'lodging')
    .groupBy(['reporter_orgs.id', 'reporter_orgs.village_code', 'users.id']).execute();
  if (lodgings.length === 0) throw new Error('no demo lodgings to spread the stays over');
  // a small lookup table makes "the lodging of stay i" a join instead of a CASE per row
  await sql`create table bench_lodgings (n integer primary key, id text, village_code text, user_id text)`.execute(k);
  for (const [i, l] of lodgings.entries()) {
    await sql`insert into bench_lodgings values (${i}, ${l.id}, ${l.village_code}, ${l.user_id})`.execute(k);
  }
  const states = `'${STATES.join("','")}'`;
  const L = lodgings.length;
  for (let from = 1; from <= n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK - 1);
    const series = db.kind === 'postgres'
      ? `with s as (select g as i from generate_series(${from}, ${to}) g)`
      : `with recursive s(i) as (select ${from} union all select i + 1 from s where i < ${to})`;
    const state = db.kind === 'postgres' ? `(array[${states}])[1 + i % ${STATES.length}]` : `(case i % ${STATES.length} ${STATES.map((s, j) => `when ${j} then '${s}'`).join(' ')} end)`;
    // days ago in [0, 1095); a date/time expression per dialect
    const day = (expr: string) => (db.kind === 'postgres' ? `to_char(current_date - (${expr})::int, 'YYYY-MM-DD')` : `date('now', '-' || (${expr}) || ' days')`);
    const at = (expr: string) => (db.kind === 'postgres' ? `to_char((now() - ((${expr}) || ' days')::interval) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"')` : `strftime('%Y-%m-%dT%H:%M:%S.000Z', 'now', '-' || (${expr}) || ' days')`);
    const ago = `(i * 7919) % 1095`;
    await db.kysely.transaction().execute(async (trx) => {
      await sql.raw(`${series} insert into persons (id, surname, given_names, sex, date_of_birth, nationality, created_at, updated_at)
        select 'bulk-p-' || i, 'BULK', 'GUEST ' || i, case when i % 2 = 0 then 'M' else 'F' end, '1980-01-01', ${state}, ${at(ago)}, ${at(ago)} from s`).execute(trx);
      await sql.raw(`${series} insert into person_documents (id, person_id, type, number, issuing_state, expiry_date, created_at)
        select 'bulk-d-' || i, 'bulk-p-' || i, 'passport', 'BK' || i, ${state}, '2035-01-01', ${at(ago)} from s`).execute(trx);
      await sql.raw(`${series} insert into stays (id, receipt_number, receipt_group, person_id, document_id, lodging_id, region_code, arrival_date,
          planned_departure, departure_date, room, permit_kind, permit_number, permit_valid_from, permit_valid_until, reported_by,
          reported_surname, reported_given_names, reported_sex, reported_date_of_birth, reported_nationality, reported_document_expiry,
          findings, created_at, checked_out_at, checked_out_by)
        select 'bulk-s-' || i, 'STTP/BULK/' || i, 'STTP/BULK/' || i, 'bulk-p-' || i, 'bulk-d-' || i, l.id, l.village_code, ${day(ago)},
          ${day(`${ago} - 3`)}, case when i % 20 = 0 then null else ${day(`${ago} - 2`)} end, '1', 'visa_on_arrival', null, ${day(`${ago} + 1`)}, ${day(`${ago} - 28`)}, l.user_id,
          'BULK', 'GUEST ' || i, case when i % 2 = 0 then 'M' else 'F' end, '1980-01-01', ${state}, '2035-01-01',
          '[]', ${at(ago)}, case when i % 20 = 0 then null else ${at(`${ago} - 2`)} end, case when i % 20 = 0 then null else l.user_id end
        from s join bench_lodgings l on l.n = i % ${L}`).execute(trx);
    });
  }
  await sql`drop table bench_lodgings`.execute(k);
  if (db.kind === 'sqlite') {
    await analyzeSqlite(k); // as a migration leaves them
    // the seed's WAL (about a gigabyte) copied into the database file now, not by the checkpointer
    // during the measurement: the stays are measured as a server that has held them a while has them
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(k);
  } else await sql`analyze`.execute(k);
}
