import type { Kysely, Transaction } from 'kysely';
import { latInsideIndonesia, lngInsideIndonesia, type ReportKind } from '../../../domain/reports/kinds';
import { checkFreeText, visibleText } from '../../../domain/validation/text';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { AppError, type FieldError, forbidden, validation } from '../../errors';
import type { MessageKey } from '../../i18n/messages';
import { type CheckInLodging, type CheckInResult, recordCheckIn } from '../stays/commands';
import type { CheckInInput } from '../stays/schemas';
import type { ResidenceReportInput, WorkReportInput } from './schemas';

// Work reports and residence reports are check-ins of another kind: recordCheckIn links the
// person, numbers the receipt, appends the audit entry and the outbox event; this module adds
// what the kind needs (a worker's employment) and names errors by this route's fields.

export type ReportResult = Omit<CheckInResult, 'members'>;

/** A company reports a foreign worker. The stay's region is the worksite's village. */
export async function reportWorker(db: Kysely<Database>, actor: Actor, input: WorkReportInput, now = new Date()): Promise<ReportResult> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const org = await ownVerifiedOrg(trx, actor, 'company');
    const errors = new Errors();
    text(errors, 'position', input.position, true);
    text(errors, 'worksite.address', input.worksite.address, true);
    text(errors, 'workPermitRef', input.workPermitRef, true);
    const village = await trx.selectFrom('regions').select(['code', 'level']).where('code', '=', input.worksite.villageCode).executeTakeFirst();
    if (!village || Number(village.level) !== 4) errors.add('worksite.villageCode', 'field.unknown_village');
    if (!latInsideIndonesia(input.worksite.lat)) errors.add('worksite.lat', 'field.gps_outside_indonesia');
    if (!lngInsideIndonesia(input.worksite.lng)) errors.add('worksite.lng', 'field.gps_outside_indonesia');
    if (input.period.until < input.period.from) errors.add('period.until', 'field.period_order');

    // a worksite may lie in another regency than the company's office: the report belongs to the worksite
    const site: CheckInLodging = { id: org.id, village_code: village ? input.worksite.villageCode : org.village_code };
    const checkIn: CheckInInput = { guest: input.worker, arrivalDate: input.period.from, plannedDeparture: input.period.until };
    const result = await recordAs(trx, actor, site, checkIn, now, 'work', 'worker', errors);
    const at = now.toISOString();
    await trx.insertInto('stay_employments').values({
      stay_id: result.id, position: input.position.trim(), worksite_address: input.worksite.address.trim(),
      worksite_village_code: input.worksite.villageCode, lat: input.worksite.lat, lng: input.worksite.lng,
      work_permit_ref: input.workPermitRef.trim(), period_from: input.period.from, period_until: input.period.until,
    }).execute();
    await appendAudit(trx, actor, {
      action: 'stay.employment', resourceType: 'stay', resourceId: result.id, regionCode: input.worksite.villageCode,
      detail: { receiptNumber: result.receiptNumber, employerId: org.id, worksiteVillageCode: input.worksite.villageCode, period: input.period, at },
    }, now);
    return { id: result.id, receiptNumber: result.receiptNumber, personId: result.personId };
  });
}

/** A private host reports a foreigner living at the host's own address. */
export async function reportResidence(db: Kysely<Database>, actor: Actor, input: ResidenceReportInput, now = new Date()): Promise<ReportResult> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const org = await ownVerifiedOrg(trx, actor, 'private');
    const errors = new Errors();
    if (input.period.until !== undefined && input.period.until < input.period.from) errors.add('period.until', 'field.period_order');
    const checkIn: CheckInInput = { guest: input.resident, arrivalDate: input.period.from, plannedDeparture: input.period.until };
    const result = await recordAs(trx, actor, org, checkIn, now, 'residence', 'resident', errors);
    return { id: result.id, receiptNumber: result.receiptNumber, personId: result.personId };
  });
}

async function ownVerifiedOrg(trx: Transaction<Database>, actor: Actor, kind: 'company' | 'private') {
  const id = actor.reporterOrg?.id;
  const org = id ? await trx.selectFrom('reporter_orgs').select(['id', 'kind', 'village_code', 'verified_at']).where('id', '=', id).executeTakeFirst() : undefined;
  if (!org || org.kind !== kind) throw forbidden();
  if (!org.verified_at) throw forbidden('detail.not_verified');
  return org;
}

function text(errors: Errors, field: string, value: string, required: boolean) {
  if (required && !visibleText(value)) errors.add(field, 'field.required');
  else {
    const problem = checkFreeText(value);
    if (problem) errors.add(field, problem);
  }
}

/**
 * recordCheckIn under this route's field names: the check-in's `guest.*` is `<person>.*`, its
 * arrival and planned departure are `period.from` and `period.until`. Errors of both are
 * thrown together (400) so the form shows every problem at once; nothing is kept on an error.
 */
async function recordAs(
  trx: Transaction<Database>, actor: Actor, site: CheckInLodging, input: CheckInInput, now: Date,
  reportKind: ReportKind, person: string, errors: Errors,
): Promise<CheckInResult> {
  let checkInErrors: FieldError[] = [];
  let result: CheckInResult | undefined;
  try {
    result = await recordCheckIn(trx, actor, site, input, now, { reportKind });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'validation') throw e;
    checkInErrors = e.fieldErrors.map((f) => rename(f, person));
  }
  const mine = errors.list;
  const all = [...mine, ...checkInErrors.filter((c) => !mine.some((m) => m.field === c.field))];
  if (all.length > 0 || !result) throw validation(all);
  return result;
}

const FIELD_NAMES: Record<string, string> = { arrivalDate: 'period.from', plannedDeparture: 'period.until' };
const KEYS: Partial<Record<MessageKey, MessageKey>> = { 'field.arrival_far_future': 'field.start_far_future', 'field.before_arrival': 'field.period_order' };

function rename(f: FieldError, person: string): FieldError {
  const field = FIELD_NAMES[f.field] ?? f.field.replace(/^guest\./, `${person}.`);
  return { ...f, field, key: KEYS[f.key] ?? f.key };
}

/** This route's own field errors, one per field, thrown with the check-in's. */
class Errors {
  readonly list: FieldError[] = [];
  add(field: string, key: MessageKey): void {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, key });
  }
}
