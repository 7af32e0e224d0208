import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { checkCheckIn } from '../../../domain/validation/checkIn';
import { localDateTime } from '../../../domain/regions';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database, StayChangeKind } from '../../db/schema';
import { conflict, FieldErrors, fieldInvalid } from '../../errors';
import { outboxRow } from '../../events/bus';
import { authorize, ensureVisible } from '../../policies';
import { regionTimeZone } from '../reference/queries';
import { canSee } from './commands';
import { alreadyPresent, presentAtLodging } from './duplicates';
import { loadStayRecord, type StayRecord } from './queries';

// Changes to a stay after its report. Each is one transaction: the stay row takes the new
// values, a stay_changes row keeps the values before and after with the reason, and the audit
// log gets the same. The original report is therefore always readable from the history.

export type ChangeAction = 'change' | 'move' | 'correct' | 'cancel' | 'reopen';
export type Values = Record<string, string | null>;

/** Loads the stay inside a write transaction: 404 outside the actor's scope, 409 for a state the change cannot apply to, then the rule. */
export async function withStay<T>(
  db: Kysely<Database>, actor: Actor, stayId: string, action: ChangeAction,
  body: (trx: Transaction<Database>, stay: StayRecord) => Promise<T>,
): Promise<StayRecord> {
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const stay = await loadStayRecord(trx, stayId);
    ensureVisible(stay !== undefined && canSee(actor, stay));
    if (stay.cancelled_at) throw conflict('detail.stay_cancelled');
    if ((action === 'change' || action === 'move') && stay.departure_date) throw conflict('detail.already_checked_out');
    if (action === 'reopen' && !stay.departure_date) throw conflict('detail.not_checked_out');
    authorize(actor, 'stay', action, stay);
    await body(trx, stay);
  });
  return (await loadStayRecord(db, stayId))!;
}

/** Appends the change to the stay's history, the audit log and the outbox. */
export async function recordChange(
  trx: Transaction<Database>, actor: Actor, stay: StayRecord, kind: StayChangeKind, reason: string | null,
  before: Values, after: Values, now: Date, extra: Record<string, unknown> = {},
): Promise<void> {
  const at = now.toISOString();
  const seq = await appendAudit(trx, actor, {
    action: `stay.${kind}`, resourceType: 'stay', resourceId: stay.id, regionCode: stay.region_code,
    detail: { reason, before, after, ...extra },
  }, now);
  await trx.insertInto('stay_changes').values({
    id: randomUUID(), stay_id: stay.id, kind, reason, before: JSON.stringify(before), after: JSON.stringify(after),
    changed_by: actor.id, changed_at: at, audit_seq: seq,
  }).execute();
  await trx.insertInto('outbox').values(outboxRow('stay.changed', stay.region_code, {
    stayId: stay.id, regionCode: stay.region_code, lodgingId: stay.lodging_id, kind, at,
  }, now)).execute();
}

/** The fields that differ between two value sets, as before/after pairs. */
export function diff(current: Values, next: Values): { before: Values; after: Values } {
  const before: Values = {};
  const after: Values = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || (current[k] ?? null) === (v ?? null)) continue;
    before[k] = current[k] ?? null;
    after[k] = v ?? null;
  }
  return { before, after };
}

/** Every field of a stay a change can touch, under the names the history shows. */
export function stayValues(s: StayRecord): Values {
  return {
    surname: s.surname, givenNames: s.given_names, sex: s.sex, dateOfBirth: s.date_of_birth, nationality: s.nationality,
    documentNumber: s.document_number, issuingState: s.issuing_state, documentExpiry: s.expiry_date,
    permitKind: s.permit_kind, permitNumber: s.permit_number, permitValidFrom: s.permit_valid_from, permitValidUntil: s.permit_valid_until,
    arrivalDate: s.arrival_date, arrivalTime: s.arrival_time ?? null, plannedDeparture: s.planned_departure, room: s.room,
  };
}

// the check-in rules name fields as the check-in body does; a change names them as stayValues
const FIELD_OF: Record<string, string> = {
  'guest.surname': 'surname', 'guest.givenNames': 'givenNames', 'guest.dateOfBirth': 'dateOfBirth', 'guest.nationality': 'nationality',
  'guest.document.number': 'documentNumber', 'guest.document.issuingState': 'issuingState', 'guest.document.expiryDate': 'documentExpiry',
  'guest.permit.number': 'permitNumber', 'guest.permit.validFrom': 'permitValidFrom', 'guest.permit.validUntil': 'permitValidUntil',
  arrivalDate: 'arrivalDate', plannedDeparture: 'plannedDeparture', room: 'room',
};

/**
 * Runs the check-in rules over the changed stay as if reported at its original time: a
 * corrected arrival must be plausible for the day the guest was reported, and late_report
 * keeps its meaning. Refuses errors on the fields that changed (named
 * `<prefix><field>`) and returning the findings the stay now carries.
 */
export async function recheck(
  trx: Transaction<Database>, stay: StayRecord, next: Values, changed: string[], prefix: string,
): Promise<string[]> {
  const zone = await regionTimeZone(trx, stay.region_code);
  const reportedAt = localDateTime(stay.created_at, zone);
  const codes = [next.nationality, next.issuingState].filter((c): c is string => !!c);
  const known = new Set((await trx.selectFrom('countries').select('code').where('code', 'in', codes).execute()).map((c) => c.code));
  const { errors, findings } = checkCheckIn({
    guest: {
      surname: next.surname ?? '', givenNames: next.givenNames ?? '', dateOfBirth: next.dateOfBirth ?? '', nationality: next.nationality ?? '',
      document: { number: next.documentNumber ?? '', issuingState: next.issuingState ?? '', expiryDate: next.documentExpiry ?? '' },
      permit: { kind: next.permitKind ?? '', number: next.permitNumber ?? undefined, validFrom: next.permitValidFrom ?? '', validUntil: next.permitValidUntil ?? undefined },
    },
    arrivalDate: next.arrivalDate ?? '', arrivalTime: next.arrivalTime ?? undefined,
    plannedDeparture: next.plannedDeparture ?? undefined, room: next.room ?? undefined,
  }, reportedAt.slice(0, 10), (c) => known.has(c), reportedAt.slice(11, 16));
  const fieldErrors = new FieldErrors();
  for (const e of errors) {
    const field = FIELD_OF[e.field] ?? e.field;
    if (changed.includes(field)) fieldErrors.add(prefix + field, e.key, e.params);
  }
  fieldErrors.throwIfAny();
  return findings;
}

/** Extension: a new planned departure and/or permit end. */
export async function extendStay(
  db: Kysely<Database>, actor: Actor, stayId: string, input: { plannedDeparture?: string; permitValidUntil?: string; reason?: string }, now = new Date(),
) {
  return withStay(db, actor, stayId, 'change', async (trx, stay) => {
    const current = stayValues(stay);
    const { before, after } = diff(current, { plannedDeparture: input.plannedDeparture ?? current.plannedDeparture!, permitValidUntil: input.permitValidUntil ?? current.permitValidUntil! });
    if (Object.keys(after).length === 0) throw fieldInvalid('plannedDeparture', 'field.nothing_changed');
    const findings = await recheck(trx, stay, { ...current, ...after }, Object.keys(after), '');
    await trx.updateTable('stays').set({
      planned_departure: after.plannedDeparture ?? stay.planned_departure, permit_valid_until: after.permitValidUntil ?? stay.permit_valid_until,
      findings: JSON.stringify(findings),
    }).where('id', '=', stay.id).execute();
    await recordChange(trx, actor, stay, 'extend', input.reason?.trim() || null, before, after, now);
  });
}

/** Room change of a present guest. */
export async function changeRoom(db: Kysely<Database>, actor: Actor, stayId: string, input: { room: string; reason?: string }, now = new Date()) {
  return withStay(db, actor, stayId, 'move', async (trx, stay) => {
    const room = input.room.trim() || null;
    const { before, after } = diff(stayValues(stay), { room });
    if (Object.keys(after).length === 0) throw fieldInvalid('room', 'field.nothing_changed');
    await recheck(trx, stay, { ...stayValues(stay), room }, ['room'], '');
    await trx.updateTable('stays').set({ room }).where('id', '=', stay.id).execute();
    await recordChange(trx, actor, stay, 'room', input.reason?.trim() || null, before, after, now);
  });
}

/** Cancels a mistaken report: kept and marked, no longer present anywhere. */
export async function cancelReport(db: Kysely<Database>, actor: Actor, stayId: string, input: { reason: string }, now = new Date()) {
  return withStay(db, actor, stayId, 'cancel', async (trx, stay) => {
    const at = now.toISOString();
    await trx.updateTable('stays').set({ cancelled_at: at, cancelled_by: actor.id, cancel_reason: input.reason.trim() }).where('id', '=', stay.id).execute();
    const status = stay.departure_date ? 'checked_out' : 'present';
    await recordChange(trx, actor, stay, 'cancel_report', input.reason.trim(), { status }, { status: 'cancelled' }, now);
  });
}

/** Cancels a mistaken check-out: the guest is present again (unless the passport is present here in another stay). */
export async function cancelCheckOut(db: Kysely<Database>, actor: Actor, stayId: string, input: { reason: string }, now = new Date()) {
  return withStay(db, actor, stayId, 'reopen', async (trx, stay) => {
    const other = await presentAtLodging(trx, stay.lodging_id, { issuingState: stay.issuing_state, number: stay.document_number }, stay.id);
    if (other) throw alreadyPresent(other, 'stayId');
    await trx.updateTable('stays').set({ departure_date: null, checked_out_at: null, checked_out_by: null }).where('id', '=', stay.id).execute();
    await recordChange(trx, actor, stay, 'cancel_checkout', input.reason.trim(), { departureDate: stay.departure_date }, { departureDate: null }, now);
  });
}
