import type { Insertable, Kysely } from 'kysely';
import type { Database, ReporterOrgsTable, UsersTable } from '../schema';
import { hashPassword } from '../../auth/passwords';
import { mulberry32, seededUuid } from '../../../domain/random';
import { localDate } from '../../../domain/regions';
import { addDays } from '../../../domain/dates';
import { markDemoFlags } from './flags';
import { planDemo, type PlanLodging } from './plan';
import { addAlertScenarios } from './alert-scenarios';
import { AGENCIES, DEMO_ACCOUNTS, DEMO_PASSWORD, MAKASSAR, REPORTER_ORGS, SOPPENG, TEAMS } from './organisations';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './organisations';
export { demoReceiptNumber } from './plan';

export const DEMO_SEED = 20251127;

export interface SeedDemoOptions { seed?: number; now?: Date }
export interface SeedDemoResult {
  skipped: boolean;
  agencies: number; teams: number; reporterOrgs: number; users: number;
  persons: number; stays: number; presentStays: number; ms: number;
}

// Row counts per statement: the widest table (stays, 19 columns) stays far below SQLite's
// 32766 bound parameters.
const CHUNK = 500;

async function insertChunked<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

/**
 * Fills an empty database (after loadReferenceData) with the Soppeng demo: agencies and the
 * Timpora team from the article, lodgings, demo accounts (password DEMO_PASSWORD) and about
 * 200 synthetic foreigners with stays over the last 90 days. Deterministic for (seed, now)
 * except the password hash's salt. Skips when any agency exists. Writes no audit entry
 * (the caller appends 'demo.seed').
 */
export async function seedDemo(db: Kysely<Database>, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const t0 = performance.now();
  const empty: SeedDemoResult = { skipped: true, agencies: 0, teams: 0, reporterOrgs: 0, users: 0, persons: 0, stays: 0, presentStays: 0, ms: 0 };
  if (await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst()) return { ...empty, ms: performance.now() - t0 };
  const probe = await db.selectFrom('regions').select('code').where('code', '=', '73.12.04.1001').executeTakeFirst();
  const germany = await db.selectFrom('countries').select('code').where('code', '=', 'D').executeTakeFirst();
  if (!probe || !germany) throw new Error('seedDemo needs the reference data: call loadReferenceData first');

  const rng = mulberry32(opts.seed ?? DEMO_SEED);
  const now = opts.now ?? new Date();
  const today = localDate(now, 'WITA');
  const since = (days: number) => `${addDays(today, -days)}T01:00:00.000Z`;
  // One argon2 hash for every demo account: hashing is the slow part of seeding.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const agencyId = new Map(AGENCIES.map((a) => [a.key, seededUuid(rng)]));
  const orgId = new Map(REPORTER_ORGS.map((o) => [o.key, seededUuid(rng)]));
  const userId = new Map(DEMO_ACCOUNTS.map((u) => [u.username, seededUuid(rng)]));
  const teamId = new Map(TEAMS.map((t) => [t.key, seededUuid(rng)]));
  const need = <V>(m: Map<string, V>, k: string): V => {
    const v = m.get(k);
    if (v === undefined) throw new Error(`demo data refers to unknown key ${k}`);
    return v;
  };

  const orgRows: Insertable<ReporterOrgsTable>[] = REPORTER_ORGS.map((o) => ({
    id: need(orgId, o.key), kind: o.kind, lodging_type: o.lodgingType, name: o.name, address: o.address,
    village_code: o.villageCode, phone: o.phone, created_at: since(400), verified_at: since(380),
    // Soppeng lodgings were verified by the Parepare office; the Makassar one by the administrator.
    verified_by: need(userId, o.villageCode.startsWith(SOPPENG) ? 'imigrasi.parepare' : 'admin'),
  }));
  const userRows: Insertable<UsersTable>[] = DEMO_ACCOUNTS.map((u) => ({
    id: need(userId, u.username), username: u.username, display_name: u.displayName, email: null, password_hash: passwordHash,
    role: u.role, agency_id: u.agency ? need(agencyId, u.agency) : null, area_code: u.areaCode,
    reporter_org_id: u.reporterOrg ? need(orgId, u.reporterOrg) : null, totp_secret: null, locale: 'id',
    active: 1, failed_logins: 0, locked_until: null, created_at: since(390),
  }));

  const reporterOf = new Map(DEMO_ACCOUNTS.filter((u) => u.reporterOrg).map((u) => [u.reporterOrg as string, u.username]));
  const planLodgings = (regency: string): PlanLodging[] => REPORTER_ORGS.filter((o) => o.villageCode.startsWith(`${regency}.`)).map((o) => ({
    id: need(orgId, o.key), kind: o.kind, villageCode: o.villageCode, regencyCode: regency,
    reporterUserId: need(userId, need(reporterOf, o.key)), rooms: o.rooms, weight: o.weight,
  }));
  const plan = planDemo(rng, {
    today, now: now.toISOString(), soppeng: planLodgings(SOPPENG), makassar: planLodgings(MAKASSAR),
    soppengPersons: 170, makassarPersons: 30, soppengPresent: 32, makassarPresent: 8, overstayers: 3,
  });

  markDemoFlags(plan, today, SOPPENG);

  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'agencies', AGENCIES.map((a) => ({
      id: need(agencyId, a.key), kind: a.kind, name: a.name, region_code: a.regionCode, created_at: since(400),
    })));
    await insertChunked(trx, 'reporter_orgs', orgRows);
    await insertChunked(trx, 'users', userRows);
    await insertChunked(trx, 'teams', TEAMS.map((t) => ({
      id: need(teamId, t.key), name: t.name, level: t.level, region_code: t.regionCode, office_agency_id: need(agencyId, t.office),
      sk_number: t.skNumber, sk_date: t.skDate, sk_issuer: t.skIssuer, budget_year: t.budgetYear, created_at: since(300),
    })));
    await insertChunked(trx, 'team_members', TEAMS.flatMap((t) => t.members.map((m) => ({ team_id: need(teamId, t.key), agency_id: need(agencyId, m) }))));
    await insertChunked(trx, 'team_memberships', TEAMS.flatMap((t) => Object.entries(t.users).map(([username, position]) => ({
      id: seededUuid(rng), team_id: need(teamId, t.key), user_id: need(userId, username), position, joined_on: t.skDate, left_on: null,
      agency_id: userRows.find((u) => u.username === username)?.agency_id ?? null,
    }))));
    await insertChunked(trx, 'persons', plan.persons);
    await insertChunked(trx, 'person_documents', plan.documents);
    await insertChunked(trx, 'stays', plan.stays);
    await insertChunked(trx, 'stay_employments', plan.employments);
    await insertChunked(trx, 'receipt_counters', plan.receiptCounters);
    await addAlertScenarios(trx, rng, today);
  });

  return {
    skipped: false,
    agencies: AGENCIES.length, teams: TEAMS.length, reporterOrgs: REPORTER_ORGS.length, users: DEMO_ACCOUNTS.length,
    persons: plan.persons.length, stays: plan.stays.length,
    presentStays: plan.stays.filter((s) => s.departure_date === null).length,
    ms: performance.now() - t0,
  };
}
