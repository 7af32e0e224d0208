import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DRAFT_DAYS, type PreregAnswers } from '../../../domain/preregistration/check';
import type { PreregLanguage } from '../../../domain/preregistration/languages';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { forbidden } from '../../errors';
import { authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { type CheckInResult, recordCheckIn } from '../stays/commands';
import type { CheckInInput } from '../stays/schemas';
import { draftToCheckIn, withCorrections } from './presenters';
import { type DraftRecord, loadDraft } from './queries';

// Changes of pre-registration. A guest's submission is only a draft: no stay, no outbox event,
// nothing an officer sees. The clerk's confirmation is a check-in like any other (recordCheckIn,
// same transaction), and the draft is gone with it.

export const newToken = () => randomBytes(18).toString('base64url');

const ownLodging = (actor: Actor) => {
  authorize(actor, 'preregistration', 'manage');
  if (!actor.reporterOrg) throw forbidden();
  return actor.reporterOrg;
};

/** A new link for the actor's lodging; the old one (and its posters) stops working at once. */
export async function rotateLink(db: Kysely<Database>, actor: Actor, now = new Date()): Promise<{ token: string; createdAt: string }> {
  const org = ownLodging(actor);
  const token = newToken();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const had = await trx.deleteFrom('prereg_links').where('lodging_id', '=', org.id).executeTakeFirst();
    await trx.insertInto('prereg_links').values({ lodging_id: org.id, token, created_at: at, created_by: actor.id }).execute();
    await appendAudit(trx, actor, {
      action: 'preregistration.link_rotate', resourceType: 'reporter_org', resourceId: org.id, regionCode: org.villageCode,
      detail: { replaced: Number(had.numDeletedRows) > 0 },
    }, now);
  });
  return { token, createdAt: at };
}

/** Turns the lodging's link off; guests holding it get "not found". */
export async function revokeLink(db: Kysely<Database>, actor: Actor, now = new Date()): Promise<void> {
  const org = ownLodging(actor);
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const gone = await trx.deleteFrom('prereg_links').where('lodging_id', '=', org.id).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) return;
    await appendAudit(trx, actor, {
      action: 'preregistration.link_revoke', resourceType: 'reporter_org', resourceId: org.id, regionCode: org.villageCode,
    }, now);
  });
}

/** Stores a guest's answers (already checked) as a draft for the lodging. Audited without the answers. */
export async function submitDraft(
  db: Kysely<Database>, lodging: { id: string; village_code: string }, answers: PreregAnswers, language: PreregLanguage, now = new Date(),
): Promise<{ id: string; expiresAt: string }> {
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + DRAFT_DAYS * 86_400_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    await trx.insertInto('preregistrations').values({
      id, lodging_id: lodging.id, data: JSON.stringify(answers), language, created_at: now.toISOString(), expires_at: expiresAt,
    }).execute();
    await appendAudit(trx, null, {
      action: 'preregistration.submit', resourceType: 'preregistration', resourceId: id, regionCode: lodging.village_code,
      detail: { lodgingId: lodging.id, language },
    }, now);
  });
  return { id, expiresAt };
}

const visibleDraft = (actor: Actor, draft: DraftRecord | undefined): DraftRecord => {
  ensureVisible(draft !== undefined && scopeFor(actor).contains({ regionCode: draft.village_code, orgId: draft.lodging_id }));
  return draft!;
};

/** Loads a draft for a clerk: another lodging's (or an expired one) is 404. */
export async function draftFor(db: Kysely<Database>, actor: Actor, id: string, now = new Date()): Promise<DraftRecord> {
  const draft = visibleDraft(actor, await loadDraft(db, id, now));
  authorize(actor, 'preregistration', 'read', draft);
  return draft;
}

/**
 * The clerk has seen the passport: the draft, with the clerk's corrections, becomes a check-in
 * (validated and recorded by recordCheckIn, audited as one) and the draft is deleted.
 */
export async function confirmDraft(
  db: Kysely<Database>, actor: Actor, id: string, corrections: Partial<Pick<CheckInInput, 'guest' | 'arrivalDate' | 'plannedDeparture' | 'room'>>, now = new Date(),
): Promise<CheckInResult> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const draft = visibleDraft(actor, await loadDraft(trx, id, now));
    authorize(actor, 'preregistration', 'confirm', draft);
    const input = withCorrections(draftToCheckIn(JSON.parse(draft.data) as PreregAnswers), corrections);
    const result = await recordCheckIn(trx, actor, { id: draft.lodging_id, village_code: draft.village_code }, input, now);
    await trx.deleteFrom('preregistrations').where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'preregistration.confirm', resourceType: 'preregistration', resourceId: id, regionCode: draft.village_code,
      detail: { stayId: result.id, receiptNumber: result.receiptNumber, corrected: Object.keys(corrections).sort() },
    }, now);
    return result;
  });
}

/** The clerk throws a draft away (a guest who never came, a mistaken submission). */
export async function discardDraft(db: Kysely<Database>, actor: Actor, id: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const draft = visibleDraft(actor, await loadDraft(trx, id, now));
    authorize(actor, 'preregistration', 'discard', draft);
    await trx.deleteFrom('preregistrations').where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'preregistration.discard', resourceType: 'preregistration', resourceId: id, regionCode: draft.village_code,
    }, now);
  });
}

/** Housekeeping: drafts nobody confirmed in time are deleted (the guest's data is not kept). */
export async function purgeExpiredDrafts(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('preregistrations').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

