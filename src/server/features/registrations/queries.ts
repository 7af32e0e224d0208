import type { Kysely } from 'kysely';
import { ancestorCodes } from '../../../domain/regions/codes';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { scopeFor } from '../../policies/scope';

const COLUMNS = [
  'reporter_orgs.id', 'reporter_orgs.kind', 'reporter_orgs.lodging_type', 'reporter_orgs.name', 'reporter_orgs.nib', 'reporter_orgs.nik',
  'reporter_orgs.address', 'reporter_orgs.village_code', 'reporter_orgs.lat', 'reporter_orgs.lng', 'reporter_orgs.person_in_charge',
  'reporter_orgs.phone', 'reporter_orgs.contact_email', 'reporter_orgs.registration_status', 'reporter_orgs.rejected_reason',
  'reporter_orgs.created_at', 'reporter_orgs.decided_at', 'users.username', 'users.email_verified_at',
] as const;

export type RegistrationStatus = 'pending' | 'approved' | 'rejected';
export interface RegistrationFilter { status: RegistrationStatus; page: number; pageSize: number }

/** Registrations of the actor's area with the given status, oldest first (a queue), with their place names. */
export async function listRegistrations(db: Kysely<Database>, actor: Actor, f: RegistrationFilter) {
  const scope = scopeFor(actor);
  const q = db.selectFrom('reporter_orgs').leftJoin('users', 'users.id', 'reporter_orgs.registrant_user_id')
    .where('reporter_orgs.registration_status', '=', f.status)
    .where((eb) => scope.where(eb, { region: 'reporter_orgs.village_code' }));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(COLUMNS).orderBy('reporter_orgs.created_at', f.status === 'pending' ? 'asc' : 'desc').orderBy('reporter_orgs.id')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, names: await placeNames(db, rows), total: Number(total.n) };
}

/** One registration by id, no scope applied: for answering a decision the caller was allowed to make. */
export async function loadRegistration(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('reporter_orgs').leftJoin('users', 'users.id', 'reporter_orgs.registrant_user_id')
    .select(COLUMNS).where('reporter_orgs.id', '=', id).executeTakeFirstOrThrow();
  return { row, names: await placeNames(db, [row]) };
}

async function placeNames(db: Kysely<Database>, rows: { village_code: string }[]): Promise<Map<string, string>> {
  const codes = [...new Set(rows.flatMap((r) => ancestorCodes(r.village_code)))];
  if (codes.length === 0) return new Map();
  return new Map((await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute()).map((r) => [r.code, r.name]));
}

export type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>['rows'][number];

/** Regions below a parent (none: the provinces), for the public village picker. */
export function regionsBelow(db: Kysely<Database>, parent: string | undefined) {
  const q = db.selectFrom('regions').select(['code', 'name', 'level']).orderBy('name');
  return (parent ? q.where('parent_code', '=', parent) : q.where('level', '=', 1)).execute();
}
