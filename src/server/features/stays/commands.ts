import type { Kysely, Transaction } from 'kysely';
import { localDate, localDateTime } from '../../../domain/regions';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { prepared } from '../../db/prepared';
import { inWriteGroup } from '../../db/write-group';
import type { ReportKind } from '../../../domain/reports/kinds';
import { conflict, fieldInvalid, forbidden } from '../../errors';
import { outboxRow } from '../../events/bus';
import { authorize, ensureVisible, inArea } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { passportKey, refuseIfPresent } from './duplicates';
import { type GuestToStore, knownPersons, storeGuestStays } from './record-guests';
import { knownCountryCodes, regionTimeZone } from '../reference/queries';
import { loadStayRecord, type StayRecord, stayScope } from './queries';
import type { CheckInInput } from './schemas';
import { validateCheckIn } from './validation';

export interface CheckInResult {
  id: string; receiptNumber: string; personId: string;
  /** the other guests of a group, in the order sent; all are listed on the head's receipt */
  members: { id: string; receiptNumber: string; personId: string }[];
}
export interface CheckInLodging { id: string; village_code: string }
/** Stores the answer inside the check-in's transaction (the shared Idempotency-Key mechanism, src/server/http/idempotency.ts). */
export type StoreAnswer = (trx: Transaction<Database>, result: CheckInResult) => Promise<void>;
/**
 * What a caller may add: the kind the stays are stored as (work and residence reports), and what
 * a caller recording many check-ins at once (imports) already knows, so each one skips its lookups.
 */
export interface RecordCheckInOptions {
  reportKind?: ReportKind;
  /** today in the lodging's time zone */
  today?: string;
  /** country codes that exist */
  knownCountries?: ReadonlySet<string>;
  /**
   * An import's past stays: per check-in, the departure its stay is stored checked out with
   * (the check-out's audit entry and event are the caller's to write).
   */
  departures?: readonly (string | undefined)[];
}

/**
 * Checks a guest, or a family or group with its head, in. One transaction resolves the lodging,
 * validates, and records every guest (recordCheckIn); `storeAnswer` keeps the answer for
 * Idempotency-Key replays in the same transaction, so a report and its answer commit together.
 */
export async function checkIn(
  db: Kysely<Database>, actor: Actor, input: CheckInInput, storeAnswer?: StoreAnswer, now = new Date(),
): Promise<CheckInResult> {
  // shares its commit with the check-ins that arrive at the same moment (each under its own
  // savepoint); those of the same reporter, key and lodging are first tried in one pass
  return inWriteGroup(db, async (trx) => {
    const lodging = await resolveLodging(trx, actor, input.lodgingId);
    const result = await recordCheckIn(trx, actor, lodging, input, now);
    if (storeAnswer) await storeAnswer(trx, result);
    return result;
  }, {
    key: `check-in ${actor.id} ${actor.apiKeyId ?? ''} ${input.lodgingId ?? ''}`,
    input: { input, storeAnswer },
    many: (trx, items) => checkInsTogether(trx, actor, items, now),
  });
}

/** Check-ins of one reporter at one lodging, as the write group hands them over together: one pass (recordCheckIns). */
async function checkInsTogether(
  trx: Transaction<Database>, actor: Actor, items: { input: CheckInInput; storeAnswer?: StoreAnswer }[], now: Date,
): Promise<CheckInResult[]> {
  const lodging = await resolveLodging(trx, actor, items[0]!.input.lodgingId);
  const results = await recordCheckIns(trx, actor, lodging, items.map((i) => i.input), now);
  for (const [n, item] of items.entries()) if (item.storeAnswer) await item.storeAnswer(trx, results[n]!);
  return results;
}

/**
 * Records one check-in inside the caller's transaction: validates every guest (a member's
 * errors are named `members.<i>.<field>`), then stores each guest's stay under one receipt.
 * The head's number is the receipt's; member i (from 0) gets `<receipt>-<i + 2>`, a line of it.
 */
export async function recordCheckIn(
  trx: Transaction<Database>, actor: Actor, lodging: CheckInLodging, input: CheckInInput, now: Date,
  options: RecordCheckInOptions = {},
): Promise<CheckInResult> {
  return (await recordCheckIns(trx, actor, lodging, [input], now, options))[0]!;
}

/**
 * Records several check-ins at one lodging as recordCheckIn records each, in one pass: an
 * import's chunk. Every check-in is validated before any is stored; a refusal (invalid, already
 * present) refuses them all, so the caller retries one by one to learn which.
 */
export async function recordCheckIns(
  trx: Transaction<Database>, actor: Actor, lodging: CheckInLodging, inputs: readonly CheckInInput[], now: Date,
  options: RecordCheckInOptions = {},
): Promise<CheckInResult[]> {
  authorize(actor, 'stay', 'create', { lodgingId: lodging.id, regionCode: lodging.village_code });
  // imports hand in today (one lookup per file); they know no arrival time, so the calendar-day rule applies
  const zone = options.today ? null : await regionTimeZone(trx, lodging.village_code);
  const today = options.today ?? localDate(now, zone!);
  const countries = options.knownCountries ?? await knownCountryCodes(trx);
  const nowTime = zone ? localDateTime(now.toISOString(), zone).slice(11, 16) : undefined;
  const guestsOf = inputs.map((input) => [input.guest, ...(input.members ?? [])]);
  const findingsOf = inputs.map((input) => validateCheckIn(input, today, (code) => countries.has(code), nowTime));
  refuseRepeatedPassports(guestsOf);
  // one read of the passports serves the duplicate check and the person links
  const known = await knownPersons(trx, guestsOf.flat().map((g) => g.document));
  await refuseIfPresent(trx, lodging.id, guestsOf, new Map([...known].map(([passport, person]) => [passport, person.document_id])));

  const receipts = await nextReceiptNumbers(trx, lodging.village_code, today, inputs.length);
  const toStore: GuestToStore[] = inputs.flatMap((input, n) => guestsOf[n]!.map((guest, i) => ({
    input, guest, findings: findingsOf[n]![i]!, receiptGroup: receipts[n]!, receiptNumber: i === 0 ? receipts[n]! : `${receipts[n]}-${i + 1}`,
    departureDate: options.departures?.[n],
  })));
  const stored = await storeGuestStays(trx, actor, lodging, toStore, now, options.reportKind ?? 'lodging', known);
  let at = 0;
  return guestsOf.map((guests) => {
    const [head, ...members] = stored.slice(at, (at += guests.length));
    return { ...head!, members };
  });
}

/** One passport is present once: check-ins recorded together may not share one (each call's stays start present). */
function refuseRepeatedPassports(guestsOf: readonly CheckInInput['guest'][][]) {
  const seen = new Map<string, number>();
  for (const [n, guests] of guestsOf.entries()) {
    for (const g of guests) {
      const passport = passportKey(g.document.issuingState, g.document.number);
      const first = seen.get(passport);
      if (first !== undefined && first !== n) throw fieldInvalid('guest.document.number', 'field.duplicate_in_group', { line: first + 1 });
      seen.set(passport, n);
    }
  }
}

/** Closes a stay. Only a present stay can be checked out; the date may not precede arrival. */
export async function checkOut(
  db: Kysely<Database>, actor: Actor, stayId: string, input: { departureDate: string }, now = new Date(),
): Promise<StayRecord> {
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const stay = await loadStayRecord(trx, stayId);
    ensureVisible(stay !== undefined && canSee(actor, stay));
    if (stay!.cancelled_at) throw conflict('detail.stay_cancelled');
    if (stay!.departure_date) throw conflict('detail.already_checked_out');
    authorize(actor, 'stay', 'checkout', stay);
    if (input.departureDate < stay!.arrival_date) throw fieldInvalid('departureDate', 'field.before_arrival');
    if (input.departureDate > localDate(now, await regionTimeZone(trx, stay!.region_code))) throw fieldInvalid('departureDate', 'field.date_in_future');
    const at = now.toISOString();
    await trx.updateTable('stays').set({ departure_date: input.departureDate, checked_out_at: at, checked_out_by: actor.id, changed_at: at })
      .where('id', '=', stayId).execute();
    await appendAudit(trx, actor, {
      action: 'stay.check_out', resourceType: 'stay', resourceId: stayId, regionCode: stay!.region_code,
      detail: { departureDate: input.departureDate },
    }, now);
    await trx.insertInto('outbox').values(outboxRow('stay.checked_out', stay!.region_code, {
      stayId, regionCode: stay!.region_code, lodgingId: stay!.lodging_id, nationality: stay!.nationality, permitKind: stay!.permit_kind, at,
    }, now)).execute();
  });
  return (await loadStayRecord(db, stayId))!;
}

/** Whether the actor may know the stay exists at all (else 404). */
export function canSee(actor: Actor, stay: { lodging_id: string; region_code: string }): boolean {
  return scopeFor(actor).contains(stayScope(stay));
}

export async function resolveLodging(trx: Transaction<Database>, actor: Actor, lodgingId: string | undefined) {
  const id = actor.role === 'reporter' ? actor.reporterOrg?.id : lodgingId;
  if (actor.role !== 'reporter' && !lodgingId) throw fieldInvalid('lodgingId', 'field.lodging_required');
  if (!id) throw forbidden();
  // a reporter's own organisation was read with its key or session a moment ago: no second read
  const own = actor.role === 'reporter' ? actor.reporterOrg : null;
  if (own) {
    if (!own.verified) throw forbidden('detail.not_verified');
    return { id: own.id, kind: own.kind, village_code: own.villageCode, verified_at: 'verified' };
  }
  const lodging = await trx.selectFrom('reporter_orgs').select(['id', 'kind', 'village_code', 'verified_at'])
    .where('id', '=', id).executeTakeFirst();
  if (!lodging || (actor.role !== 'reporter' && !inArea(actor, lodging.village_code))) throw fieldInvalid('lodgingId', 'field.unknown_lodging');
  if (!lodging.verified_at) throw forbidden('detail.not_verified');
  return lodging;
}

// built once (db/prepared.ts): every group commit of check-ins takes numbers
const takeReceiptNumbers = prepared((trx, prefix: string, count: number) => trx.insertInto('receipt_counters').values({ prefix, last: count })
  .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last: eb('receipt_counters.last', '+', eb.ref('excluded.last')) })))
  .returning('last'));

/**
 * `count` receipt numbers in a row, taken from the counter at once:
 * STTP/<regency>/<yyyymmdd>/<running number of that regency and day> (no scan of stays).
 */
export async function nextReceiptNumbers(trx: Transaction<Database>, villageCode: string, day: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  const prefix = `STTP/${villageCode.split('.').slice(0, 2).join('.')}/${day.replaceAll('-', '')}/`;
  const [counter] = await takeReceiptNumbers(trx, prefix, count);
  const last = counter!.last;
  return Array.from({ length: count }, (_, i) => prefix + String(Number(last) - count + 1 + i).padStart(6, '0'));
}
