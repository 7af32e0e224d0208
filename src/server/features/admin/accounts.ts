import type { Kysely, Transaction } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor, Role } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { conflict, forbidden, notFound } from '../../errors';
import { authorize, can } from '../../policies';

// The two-person rule for accounts. An account whose role can see personal data is created
// inactive and waits for a second, different administrator; so does a new administrator
// once there is more than one (an administrator could otherwise mint a helper to approve
// his own officer account). The one exception is bootstrap: the sole administrator may add
// the second one, who then approves what the first creates.

/** Roles that can see personal data. Everything but admin and auditor; the one list. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['immigration_officer', 'timpora_member', 'field_officer', 'reporter'];

export async function needsApproval(trx: Transaction<Database>, role: string, creator: Pick<Actor, 'id'>): Promise<boolean> {
  if ((PERSONAL_DATA_ROLES as readonly string[]).includes(role)) return true;
  if (role !== 'admin') return false;
  const others = await trx.selectFrom('users').select('id')
    .where('role', '=', 'admin').where('active', '=', 1).where('id', '!=', creator.id).limit(1).executeTakeFirst();
  return others !== undefined;
}

async function loadForDecision(trx: Transaction<Database>, userId: string) {
  const user = await trx.selectFrom('users').select(['id', 'username', 'role', 'area_code', 'approval', 'created_by']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound();
  return { user, record: { createdBy: user.created_by ?? null, approval: user.approval } };
}

/** A second administrator approves: the account becomes active. */
export async function approveUser(db: Kysely<Database>, actor: Actor, userId: string, now = new Date()) {
  authorize(actor, 'user', 'manage');
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const { user, record } = await loadForDecision(trx, userId);
    if (record.approval !== 'pending') throw conflict('detail.not_pending');
    if (!can(actor, 'user', 'approve', record)) throw forbidden('detail.second_admin_required');
    const at = now.toISOString();
    await trx.updateTable('users').set({ approval: 'approved', active: 1, decided_by: actor.id, decided_at: at, decision_reason: null }).where('id', '=', user.id).execute();
    await appendAudit(trx, actor, { action: 'user.approve', resourceType: 'user', resourceId: user.id, regionCode: user.area_code, detail: { username: user.username, role: user.role, createdBy: record.createdBy } }, now);
    return user.id;
  });
}

/** Any administrator may turn a pending account down (the creator withdrawing it too); it stays inactive. */
export async function rejectUser(db: Kysely<Database>, actor: Actor, userId: string, reason: string, now = new Date()) {
  authorize(actor, 'user', 'manage');
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const { user, record } = await loadForDecision(trx, userId);
    if (record.approval !== 'pending') throw conflict('detail.not_pending');
    authorize(actor, 'user', 'reject', record);
    const at = now.toISOString();
    await trx.updateTable('users').set({ approval: 'rejected', active: 0, decided_by: actor.id, decided_at: at, decision_reason: reason.trim() }).where('id', '=', user.id).execute();
    await appendAudit(trx, actor, { action: 'user.reject', resourceType: 'user', resourceId: user.id, regionCode: user.area_code, detail: { username: user.username, role: user.role, reason: reason.trim() } }, now);
    return user.id;
  });
}

/** Accounts awaiting the second approval, with who created them (for administrators and auditors). */
export async function listPendingAccounts(db: Kysely<Database>, actor: Actor) {
  authorize(actor, 'user', 'listPending');
  const rows = await db.selectFrom('users').leftJoin('users as creator', 'creator.id', 'users.created_by')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.agency_id', 'users.area_code', 'users.created_at', 'users.created_by', 'creator.username as created_by_username'])
    .where('users.approval', '=', 'pending').orderBy('users.created_at').execute();
  return rows.map((u) => ({
    id: u.id, username: u.username, displayName: u.display_name, role: u.role, agencyId: u.agency_id, areaCode: u.area_code,
    createdAt: u.created_at, createdBy: u.created_by ?? null, createdByUsername: u.created_by_username ?? null,
  }));
}
