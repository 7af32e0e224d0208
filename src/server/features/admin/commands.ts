import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import { hashPassword } from '../../auth/passwords';
import type { Database } from '../../db/schema';
import { FieldErrors } from '../../errors';
import { authorize } from '../../policies';
import { needsApproval } from './accounts';
import type { AgencyInput, ReporterOrgInput, UserInput } from './schemas';
import './policy';

// Administration: agencies, reporting organisations and user accounts. Each change is audited.

const OFFICER_ROLES_NEEDING_AREA = ['immigration_officer', 'timpora_member', 'field_officer'];

async function regionExists(trx: Transaction<Database>, code: string) {
  return (await trx.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function createAgency(db: Kysely<Database>, actor: Actor, input: AgencyInput) {
  authorize(actor, 'agency', 'manage');
  return db.transaction().execute(async (trx) => {
    const errors = new FieldErrors();
    if (!(await regionExists(trx, input.regionCode))) errors.add('regionCode', 'field.unknown_region');
    errors.throwIfAny();
    const row = { id: randomUUID(), kind: input.kind, name: input.name.trim(), region_code: input.regionCode, created_at: new Date().toISOString() };
    await trx.insertInto('agencies').values(row).execute();
    await appendAudit(trx, actor, { action: 'agency.create', resourceType: 'agency', resourceId: row.id, regionCode: row.region_code, detail: { kind: row.kind, name: row.name } });
    return row;
  });
}

export async function createReporterOrg(db: Kysely<Database>, actor: Actor, input: ReporterOrgInput) {
  authorize(actor, 'agency', 'manage');
  return db.transaction().execute(async (trx) => {
    const errors = new FieldErrors();
    if (!(await regionExists(trx, input.villageCode))) errors.add('villageCode', 'field.unknown_region');
    errors.throwIfAny();
    const now = new Date().toISOString();
    const row = {
      id: randomUUID(), kind: input.kind, lodging_type: input.kind === 'lodging' ? input.lodgingType ?? 'hotel' : null,
      name: input.name.trim(), address: input.address?.trim() ?? '', village_code: input.villageCode, phone: input.phone ?? null,
      verified_at: input.verified ? now : null, verified_by: input.verified ? actor.id : null, created_at: now,
    };
    await trx.insertInto('reporter_orgs').values(row).execute();
    await appendAudit(trx, actor, { action: 'reporter_org.create', resourceType: 'reporter_org', resourceId: row.id, regionCode: row.village_code, detail: { name: row.name, verified: Boolean(input.verified) } });
    return row;
  });
}

export async function createUser(db: Kysely<Database>, actor: Actor, input: UserInput) {
  authorize(actor, 'user', 'manage');
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const errors = new FieldErrors();
    const username = input.username.toLowerCase();
    if (await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) errors.add('username', 'field.username_taken');
    if (input.password.length < 10) errors.add('password', 'field.password_weak');
    if (OFFICER_ROLES_NEEDING_AREA.includes(input.role)) {
      if (!input.areaCode) errors.add('areaCode', 'field.area_required');
      if (!input.agencyId) errors.add('agencyId', 'field.agency_required');
    }
    if (input.role === 'reporter' && !input.reporterOrgId) errors.add('reporterOrgId', 'field.reporter_org_required');
    if (input.areaCode && !(await regionExists(trx, input.areaCode))) errors.add('areaCode', 'field.unknown_region');
    if (input.agencyId && !(await trx.selectFrom('agencies').select('id').where('id', '=', input.agencyId).executeTakeFirst())) errors.add('agencyId', 'field.unknown_agency');
    if (input.reporterOrgId && !(await trx.selectFrom('reporter_orgs').select('id').where('id', '=', input.reporterOrgId).executeTakeFirst())) errors.add('reporterOrgId', 'field.unknown_reporter_org');
    errors.throwIfAny();
    const pending = await needsApproval(trx, input.role, actor);
    const row = {
      id: randomUUID(), username, display_name: input.displayName.trim(), email: input.email ?? null, password_hash: passwordHash,
      role: input.role, agency_id: input.agencyId ?? null, area_code: input.role === 'reporter' ? null : input.areaCode ?? null,
      reporter_org_id: input.role === 'reporter' ? input.reporterOrgId! : null, totp_secret: null, locale: 'id', active: pending ? 0 : 1,
      failed_logins: 0, locked_until: null, created_at: new Date().toISOString(), approval: pending ? 'pending' : 'approved', created_by: actor.id,
    };
    await trx.insertInto('users').values(row).execute();
    await appendAudit(trx, actor, { action: 'user.create', resourceType: 'user', resourceId: row.id, regionCode: row.area_code, detail: { username, role: row.role, approval: row.approval } });
    return row;
  });
}
