import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { requestDigest } from '../../http/idempotency';
import { latInsideIndonesia, lngInsideIndonesia } from '../../../domain/reports/kinds';
import { SIGHTING_FUTURE_SKEW_MS, SIGHTING_MAX_AGE_DAYS } from '../../../domain/sightings';
import { checkFreeText, visibleText } from '../../../domain/validation/text';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database, SightingsTable } from '../../db/schema';
import { conflict, FieldErrors, fieldInvalid, notFound } from '../../errors';
import { outboxRow } from '../../events/bus';
import { authorize, can, inArea } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { loadPersonInScope } from '../persons/queries';
import type { SightingInput } from './schemas';

// Commands of early-detection reports: one transaction each, with its audit entry and outbox
// event. A report is what its officer said: triage adds an outcome, it never edits the report.

export type SightingRow = SightingsTable;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * Stores a sighting once per Idempotency-Key: a replay (same key, same body) answers the first
 * answer and stores nothing; the same key with another body is a 409.
 */
export async function createSighting(db: Kysely<Database>, actor: Actor, key: string, input: SightingInput, now = new Date()): Promise<{ status: number; body: { id: string } }> {
  if (!IDEMPOTENCY_KEY.test(key)) throw fieldInvalid('Idempotency-Key', 'field.bad_format');
  const hash = requestHash(input);
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const replay = await replayOf(trx, actor, key, hash);
    if (replay) return replay;
    await validate(trx, actor, input, now);
    const id = randomUUID();
    const at = now.toISOString();
    const text = (v: string | undefined) => (v === undefined || !visibleText(v) ? null : v.trim());
    await trx.insertInto('sightings').values({
      id, reported_by: actor.id, reporter_agency_id: actor.agencyId, idempotency_key: key, request_hash: hash,
      observed_at: new Date(input.observedAt).toISOString(), village_code: input.location.villageCode,
      rw: input.location.rw ?? null, rt: input.location.rt ?? null, lat: input.location.lat, lon: input.location.lon,
      subject_name: text(input.subject.name), subject_nationality: input.subject.nationality ?? null, subject_description: text(input.subject.description),
      category: input.activity.category, note: text(input.activity.note), status: 'new', person_id: null, case_id: null,
      outcome_reason: null, triaged_by: null, triaged_at: null, photo_type: null, photo_size: null, created_at: at, updated_at: at,
    }).execute();
    await appendAudit(trx, actor, {
      action: 'sighting.create', resourceType: 'sighting', resourceId: id, regionCode: input.location.villageCode,
      detail: { category: input.activity.category, observedAt: input.observedAt },
    }, now);
    await trx.insertInto('outbox').values(outboxRow('sighting.created', input.location.villageCode, {
      sightingId: id, regionCode: input.location.villageCode, category: input.activity.category, at,
    }, now)).execute();
    return { status: 201, body: { id } };
  });
}

const requestHash = (input: SightingInput) => requestDigest(input);

/**
 * The feature's own dedupe, kept on the row (unique per reporter and key) so a report queued for
 * weeks is still stored once. The shared Idempotency-Key layer may replace this one function.
 */
async function replayOf(trx: Transaction<Database>, actor: Actor, key: string, hash: string) {
  const row = await trx.selectFrom('sightings').select(['id', 'request_hash'])
    .where('reported_by', '=', actor.id).where('idempotency_key', '=', key).executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hash) throw conflict('detail.idempotency_mismatch', [{ field: 'Idempotency-Key', key: 'field.idempotency_reused' }]);
  return { status: 201, body: { id: row.id } };
}

async function validate(trx: Transaction<Database>, actor: Actor, input: SightingInput, now: Date): Promise<void> {
  const errors = new FieldErrors();
  const observed = Date.parse(input.observedAt);
  if (Number.isNaN(observed)) errors.add('observedAt', 'field.bad_format');
  else if (observed > now.getTime() + SIGHTING_FUTURE_SKEW_MS) errors.add('observedAt', 'field.date_in_future');
  else if (observed < now.getTime() - SIGHTING_MAX_AGE_DAYS * 86_400_000) errors.add('observedAt', 'field.sighting_too_old', { days: SIGHTING_MAX_AGE_DAYS });
  if (!latInsideIndonesia(input.location.lat)) errors.add('location.lat', 'field.gps_outside_indonesia');
  if (!lngInsideIndonesia(input.location.lon)) errors.add('location.lon', 'field.gps_outside_indonesia');
  const village = await trx.selectFrom('regions').select(['code', 'level']).where('code', '=', input.location.villageCode).executeTakeFirst();
  if (!village || Number(village.level) !== 4) errors.add('location.villageCode', 'field.unknown_village');
  else if (!inArea(actor, village.code)) errors.add('location.villageCode', 'field.village_outside_area');
  for (const [field, value] of [['subject.name', input.subject.name], ['subject.description', input.subject.description], ['activity.note', input.activity.note]] as const) {
    const problem = value === undefined ? undefined : checkFreeText(value);
    if (problem) errors.add(field, problem);
  }
  if (input.subject.nationality) {
    const country = await trx.selectFrom('countries').select('code').where('code', '=', input.subject.nationality).executeTakeFirst();
    if (!country) errors.add('subject.nationality', 'field.unknown_country');
  }
  errors.throwIfAny();
}

/** The sighting if the actor may know it exists (its own, or in its scope); else 404. */
export async function visibleSighting(db: Kysely<Database>, actor: Actor, id: string): Promise<SightingRow> {
  const row = await db.selectFrom('sightings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(row.reported_by === actor.id || scopeFor(actor).contains({ regionCode: row.village_code }))) throw notFound();
  return row;
}

/** Links a sighting to a known person of the area; the alert rules then look at it (sighting.linked). */
export async function linkSighting(db: Kysely<Database>, actor: Actor, id: string, input: { personId: string; note?: string }, now = new Date()): Promise<SightingRow> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const row = await visibleSighting(trx, actor, id);
    authorize(actor, 'sighting', 'link', row);
    const person = await loadPersonInScope(trx, actor, input.personId);
    if (!person || !can(actor, 'person', 'read', person)) throw fieldInvalid('personId', 'field.unknown_person');
    const at = now.toISOString();
    const note = input.note !== undefined && visibleText(input.note) ? input.note.trim() : null;
    if (note && checkFreeText(note)) throw fieldInvalid('note', checkFreeText(note)!);
    await trx.updateTable('sightings').set({
      status: 'linked', person_id: input.personId, outcome_reason: note, triaged_by: actor.id, triaged_at: at, updated_at: at,
    }).where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'sighting.link', resourceType: 'sighting', resourceId: id, regionCode: row.village_code,
      detail: { personId: input.personId, previous: row.person_id },
    }, now);
    await trx.insertInto('outbox').values(outboxRow('sighting.linked', row.village_code, {
      sightingId: id, regionCode: row.village_code, personId: input.personId, category: row.category, at,
    }, now)).execute();
    return trx.selectFrom('sightings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}

/** Nothing follows from the report; the reason is what its officer reads. */
export async function dismissSighting(db: Kysely<Database>, actor: Actor, id: string, reason: string, now = new Date()): Promise<SightingRow> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const row = await visibleSighting(trx, actor, id);
    authorize(actor, 'sighting', 'dismiss', row);
    if (!visibleText(reason)) throw fieldInvalid('reason', 'field.required');
    const problem = checkFreeText(reason);
    if (problem) throw fieldInvalid('reason', problem);
    const at = now.toISOString();
    await trx.updateTable('sightings').set({ status: 'dismissed', outcome_reason: reason.trim(), triaged_by: actor.id, triaged_at: at, updated_at: at })
      .where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'sighting.dismiss', resourceType: 'sighting', resourceId: id, regionCode: row.village_code, detail: { reason: reason.trim() } }, now);
    await trx.insertInto('outbox').values(outboxRow('sighting.dismissed', row.village_code, { sightingId: id, regionCode: row.village_code, category: row.category, at }, now)).execute();
    return trx.selectFrom('sightings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}

/**
 * For the cases feature: inside its own transaction, after creating the case of `POST /api/v1/cases
 * { source: { kind: 'sighting', id } }`, marks the sighting as taken up (the officer sees "case opened").
 */
export async function markSightingCaseOpened(trx: Transaction<Database>, actor: Actor, sightingId: string, caseId: string, now = new Date()): Promise<SightingRow> {
  const row = await visibleSighting(trx, actor, sightingId);
  authorize(actor, 'sighting', 'openCase', row);
  const at = now.toISOString();
  await trx.updateTable('sightings').set({ status: 'case_opened', case_id: caseId, triaged_by: actor.id, triaged_at: at, updated_at: at })
    .where('id', '=', sightingId).execute();
  await appendAudit(trx, actor, { action: 'sighting.case_opened', resourceType: 'sighting', resourceId: sightingId, regionCode: row.village_code, detail: { caseId } }, now);
  await trx.insertInto('outbox').values(outboxRow('sighting.case_opened', row.village_code, { sightingId, regionCode: row.village_code, category: row.category, at }, now)).execute();
  return trx.selectFrom('sightings').selectAll().where('id', '=', sightingId).executeTakeFirstOrThrow();
}
