import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type RegistrationInput, checkRegistration, normaliseNib, normaliseNik, normalisePhone,
} from '../../../domain/validation/registration';
import { appendAudit } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import { throttled } from '../../auth/login';
import { hashPassword } from '../../auth/passwords';
import { type Bucket, takeAttempt } from '../../auth/throttle';
import type { Database } from '../../db/schema';
import { FieldErrors, conflict, fieldInvalid, notFound } from '../../errors';
import { outboxRow } from '../../events/bus';
import { authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { VERIFY_EMAIL_HOURS, consumeToken, issueToken, signatureValid } from './tokens';
import './policy';

// Self-registration of reporters: a lodging, a company or sponsor, or a private person
// registers with an account, proves its e-mail address by a link, and an immigration officer
// of its area approves (the organisation becomes verified and may report) or rejects it with
// a reason. Every step is audited; mail goes out after commit (routes.ts).

/** Per client address, in the login throttle's table: 10 registrations, then one every 4 minutes. */
export const REGISTRATION_BUCKET: Bucket = { capacity: 10, perSecond: 1 / 240, maxLevel: 15 };

export interface RegisteredReporter { id: string; userId: string; username: string; name: string; email: string; token: string }

export async function register(db: Kysely<Database>, key: Buffer, input: RegistrationInput & { locale?: string }, ip: string, now = new Date()): Promise<RegisteredReporter> {
  if (!(await takeAttempt(db, `register:${ip}`, REGISTRATION_BUCKET, now))) throw throttled();
  const errors = new FieldErrors();
  for (const p of checkRegistration(input)) errors.add(p.field, p.key, p.params);
  if (!errors.has('villageCode')) {
    const village = await db.selectFrom('regions').select(['code', 'level']).where('code', '=', input.villageCode).executeTakeFirst();
    if (!village) errors.add('villageCode', 'field.unknown_region');
  }
  errors.throwIfAny();
  const username = input.username.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password); // slow: before the transaction
  const business = input.kind !== 'private';
  const at = now.toISOString();
  const org = {
    id: randomUUID(), kind: input.kind, lodging_type: input.kind === 'lodging' ? input.lodgingType! : null, name: input.name.trim(),
    address: input.address.trim(), village_code: input.villageCode, phone: input.phone?.trim() ? normalisePhone(input.phone) : null,
    verified_at: null, verified_by: null, created_at: at,
    nib: business ? normaliseNib(input.nib!) : null, nik: business ? null : normaliseNik(input.nik!),
    lat: input.lat ?? null, lng: input.lng ?? null, person_in_charge: business ? input.personInCharge!.trim() : null,
    contact_email: input.email.trim(), registration_status: 'pending' as const, registrant_user_id: randomUUID(),
  };
  return db.transaction().execute(async (trx) => {
    // a username is public-facing and must be unique: saying it is taken is unavoidable (throttled above)
    if (await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) {
      throw conflict(undefined, [{ field: 'username', key: 'field.username_taken' }]);
    }
    await trx.insertInto('reporter_orgs').values(org).execute();
    await trx.insertInto('users').values({
      id: org.registrant_user_id, username, display_name: org.person_in_charge ?? org.name, email: org.contact_email, password_hash: passwordHash,
      role: 'reporter', agency_id: null, area_code: null, reporter_org_id: org.id, totp_secret: null, locale: input.locale === 'en' ? 'en' : 'id',
      // inactive until the e-mail address is proven; a reporter sees only its own data, so
      // the two-person rule for accounts does not apply: the officer decides on the organisation
      active: 0, failed_logins: 0, locked_until: null, created_at: at, approval: 'approved', created_by: null,
    }).execute();
    const token = await issueToken(trx, key, { user_id: org.registrant_user_id, purpose: 'verify_email', email: org.contact_email }, VERIFY_EMAIL_HOURS, now);
    await appendAudit(trx, { id: org.registrant_user_id, username }, {
      action: 'registration.submit', resourceType: 'reporter_org', resourceId: org.id, regionCode: org.village_code,
      detail: { kind: org.kind, name: org.name, username, ip },
    }, now);
    await trx.insertInto('outbox').values(outboxRow('registration.submitted', org.village_code, { registrationId: org.id, regionCode: org.village_code }, now)).execute();
    return { id: org.id, userId: org.registrant_user_id, username, name: org.name, email: org.contact_email, token };
  });
}

/** The link's token proves the address: the account may sign in from now on. */
export async function verifyEmail(db: Kysely<Database>, key: Buffer, token: string, now = new Date()): Promise<{ username: string }> {
  const invalid = () => fieldInvalid('token', 'field.token_invalid'); // one answer for unknown, used, expired and altered
  if (!signatureValid(key, token)) throw invalid();
  return db.transaction().execute(async (trx) => {
    const row = await consumeToken(trx, token, 'verify_email', now);
    if (!row) throw invalid();
    const user = await trx.selectFrom('users').select(['id', 'username', 'email', 'reporter_org_id']).where('id', '=', row.user_id).executeTakeFirst();
    if (!user || user.email !== row.email) throw invalid(); // the address changed since the link was sent
    await trx.updateTable('users').set({ email_verified_at: now.toISOString(), active: 1 }).where('id', '=', user.id).execute();
    const org = user.reporter_org_id ? await trx.selectFrom('reporter_orgs').select(['id', 'village_code']).where('id', '=', user.reporter_org_id).executeTakeFirst() : undefined;
    await appendAudit(trx, user, {
      action: 'registration.email_verified', resourceType: 'reporter_org', resourceId: org?.id ?? null, regionCode: org?.village_code ?? null, detail: { username: user.username },
    }, now);
    return { username: user.username };
  });
}

export interface Decision { id: string; to: string | null; name: string; username: string; office: string; reason?: string }

async function loadForDecision(db: Kysely<Database>, actor: Actor, id: string) {
  const org = await db.selectFrom('reporter_orgs').leftJoin('users', 'users.id', 'reporter_orgs.registrant_user_id')
    .select(['reporter_orgs.id', 'reporter_orgs.name', 'reporter_orgs.village_code', 'reporter_orgs.registration_status', 'reporter_orgs.kind',
      'users.id as user_id', 'users.username', 'users.email', 'users.email_verified_at'])
    .where('reporter_orgs.id', '=', id).where('reporter_orgs.registration_status', 'is not', null).executeTakeFirst();
  if (!org) throw notFound();
  ensureVisible(scopeFor(actor).contains({ regionCode: org.village_code }));
  return org;
}

async function officeName(db: Kysely<Database>, actor: Actor): Promise<string> {
  const agency = actor.agencyId ? await db.selectFrom('agencies').select('name').where('id', '=', actor.agencyId).executeTakeFirst() : undefined;
  return agency?.name ?? 'Kantor Imigrasi';
}

/** An officer of the area approves: the organisation is verified and may report. */
export async function approveRegistration(db: Kysely<Database>, actor: Actor, id: string, now = new Date()): Promise<Decision> {
  const org = await loadForDecision(db, actor, id);
  authorize(actor, 'registration', 'approve', org);
  if (org.registration_status !== 'pending') throw conflict('detail.registration_decided');
  if (!org.email_verified_at) throw conflict('detail.email_not_verified');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const changed = await trx.updateTable('reporter_orgs')
      .set({ registration_status: 'approved', verified_at: at, verified_by: actor.id, decided_by: actor.id, decided_at: at, rejected_reason: null })
      .where('id', '=', org.id).where('registration_status', '=', 'pending').executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw conflict('detail.registration_decided'); // decided meanwhile
    if (org.user_id) await trx.updateTable('users').set({ active: 1, decided_by: actor.id, decided_at: at }).where('id', '=', org.user_id).execute();
    await appendAudit(trx, actor, {
      action: 'registration.approve', resourceType: 'reporter_org', resourceId: org.id, regionCode: org.village_code,
      detail: { name: org.name, kind: org.kind, username: org.username },
    }, now);
    await trx.insertInto('outbox').values(outboxRow('registration.decided', org.village_code, { registrationId: org.id, regionCode: org.village_code }, now)).execute();
  });
  return { id: org.id, to: org.email, name: org.name, username: org.username ?? '', office: await officeName(db, actor) };
}

/** An officer of the area rejects, with a reason the registrant is told. */
export async function rejectRegistration(db: Kysely<Database>, actor: Actor, id: string, reason: string, now = new Date()): Promise<Decision> {
  const org = await loadForDecision(db, actor, id);
  authorize(actor, 'registration', 'reject', org);
  if (org.registration_status !== 'pending') throw conflict('detail.registration_decided');
  const why = reason.trim();
  if (why.length < 3) throw fieldInvalid('reason', 'field.too_short', { limit: 3 });
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const changed = await trx.updateTable('reporter_orgs')
      .set({ registration_status: 'rejected', rejected_reason: why, decided_by: actor.id, decided_at: at })
      .where('id', '=', org.id).where('registration_status', '=', 'pending').executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw conflict('detail.registration_decided');
    await appendAudit(trx, actor, {
      action: 'registration.reject', resourceType: 'reporter_org', resourceId: org.id, regionCode: org.village_code,
      detail: { name: org.name, kind: org.kind, username: org.username, reason: why },
    }, now);
    await trx.insertInto('outbox').values(outboxRow('registration.decided', org.village_code, { registrationId: org.id, regionCode: org.village_code }, now)).execute();
  });
  return { id: org.id, to: org.email, name: org.name, username: org.username ?? '', office: await officeName(db, actor), reason: why };
}
