import type { Kysely, Transaction } from 'kysely';
import { normalizeDocumentNumber, normalizeName } from '../../../domain/identity/names';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { fieldInvalid } from '../../errors';
import { diff, recheck, recordChange, stayValues, type Values, withStay } from './changes';
import { alreadyPresent, presentAtLodging } from './duplicates';
import { identityConflictFor } from './identity';
import { linkPersons } from './record-guests';
import type { StayRecord } from './queries';
import { indexPersonName } from '../persons/name-index';

// A correction of what was reported (a typo in a name, a wrong passport number, the permit,
// the dates), always with a reason. The stay row takes the corrected values; the history keeps
// the original beside them.
//
// The person behind the report (DESIGN.md: "a report is what its reporter said"):
// - a person known only from this report is the report's echo, so it follows the correction;
// - a person known from other reports is never rewritten: the corrected report is compared with
//   it and a difference is an identity conflict for immigration, as at check-in;
// - a corrected passport number that belongs to a known person links the stay to that person;
//   an unknown one renames the document when only this report used it, else starts a new person.
// Open conflicts raised by the report as it was are closed as superseded by the correction.

export interface CorrectionInput {
  reason: string;
  fields: Partial<Record<
    'surname' | 'givenNames' | 'sex' | 'dateOfBirth' | 'nationality' | 'documentNumber' | 'issuingState' | 'documentExpiry'
    | 'permitKind' | 'permitNumber' | 'permitValidFrom' | 'permitValidUntil' | 'arrivalDate' | 'arrivalTime' | 'plannedDeparture', string | null>>;
}

const IDENTITY = ['surname', 'givenNames', 'sex', 'dateOfBirth', 'nationality', 'documentNumber', 'issuingState', 'documentExpiry'];
const REQUIRED = ['surname', 'sex', 'dateOfBirth', 'nationality', 'documentNumber', 'issuingState', 'documentExpiry', 'permitKind', 'permitValidFrom', 'arrivalDate'];

/** The sent fields in the form they are stored (names upper-cased and spaced, document numbers without separators). */
function normalized(fields: CorrectionInput['fields']): Values {
  const out: Values = {};
  for (const [k, raw] of Object.entries(fields)) {
    if (raw === undefined) continue;
    const v = typeof raw === 'string' ? raw.trim() : raw;
    if (v === null || v === '') {
      if (REQUIRED.includes(k)) throw fieldInvalid(`fields.${k}`, 'field.required');
      out[k] = k === 'givenNames' ? '' : null;
    } else if (k === 'surname' || k === 'givenNames') out[k] = normalizeName(v);
    else if (k === 'documentNumber') out[k] = normalizeDocumentNumber(v);
    else out[k] = v;
  }
  return out;
}

export async function correctStay(db: Kysely<Database>, actor: Actor, stayId: string, input: CorrectionInput, now = new Date()) {
  return withStay(db, actor, stayId, 'correct', async (trx, stay) => {
    const current = stayValues(stay);
    const { before, after } = diff(current, normalized(input.fields));
    const changed = Object.keys(after);
    if (changed.length === 0) throw fieldInvalid('fields', 'field.nothing_changed');
    const next = { ...current, ...after };
    const findings = await recheck(trx, stay, next, changed, 'fields.');
    const link = changed.some((f) => IDENTITY.includes(f)) ? await relink(trx, actor, stay, next, input.reason.trim(), now) : null;
    await trx.updateTable('stays').set({
      reported_surname: next.surname, reported_given_names: next.givenNames, reported_sex: next.sex,
      reported_date_of_birth: next.dateOfBirth, reported_nationality: next.nationality, reported_document_expiry: next.documentExpiry,
      permit_kind: next.permitKind!, permit_number: next.permitNumber, permit_valid_from: next.permitValidFrom!, permit_valid_until: next.permitValidUntil,
      arrival_date: next.arrivalDate!, arrival_time: next.arrivalTime, planned_departure: next.plannedDeparture,
      findings: JSON.stringify(findings),
      ...(link ? { person_id: link.personId, document_id: link.documentId } : {}),
    }).where('id', '=', stay.id).execute();
    await recordChange(trx, actor, stay, 'correct', input.reason.trim(), before, after, now, link ? { identity: link.note } : {});
  });
}

/** Re-links the corrected report to its person (see the comment at the top); returns the stay's person and document. */
async function relink(trx: Transaction<Database>, actor: Actor, stay: StayRecord, next: Values, reason: string, now: Date) {
  const at = now.toISOString();
  const reported = {
    surname: next.surname!, given_names: next.givenNames ?? '', sex: next.sex!, date_of_birth: next.dateOfBirth!, nationality: next.nationality!,
  };
  const sole = !(await trx.selectFrom('stays').select('id').where('person_id', '=', stay.person_id).where('id', '!=', stay.id).limit(1).executeTakeFirst());
  await trx.updateTable('identity_conflicts').set({ status: 'resolved', resolution: 'superseded', reason, resolved_by: actor.id, resolved_at: at })
    .where('stay_id', '=', stay.id).where('status', '=', 'open').execute();

  const passport = { number: next.documentNumber!, issuingState: next.issuingState! };
  const passportChanged = passport.number !== stay.document_number || passport.issuingState !== stay.issuing_state;
  if (passportChanged) {
    const present = await presentAtLodging(trx, stay.lodging_id, passport, stay.id);
    if (present && !stay.departure_date) throw alreadyPresent(present, 'fields.documentNumber');
  }
  const known = passportChanged
    ? await trx.selectFrom('person_documents').select('id').where('issuing_state', '=', passport.issuingState).where('number', '=', passport.number).executeTakeFirst()
    : undefined;

  if (sole && !known) {
    // the person and document exist only because of this report: they follow its correction
    await trx.updateTable('persons').set({ ...reported, sex: reported.sex as 'M' | 'F' | 'X', updated_at: at }).where('id', '=', stay.person_id).execute();
    await indexPersonName(trx, stay.person_id, reported);
    await trx.updateTable('person_documents').set({ number: passport.number, issuing_state: passport.issuingState, expiry_date: next.documentExpiry! })
      .where('id', '=', stay.document_id).execute();
    return { personId: stay.person_id, documentId: stay.document_id, note: { person: 'followed_report', personId: stay.person_id } };
  }
  const { personId, documentId, matched } = passportChanged
    ? (await linkPersons(trx, [{ document: { type: 'passport', ...passport, expiryDate: next.documentExpiry! }, reported }], at))[0]!
    : { personId: stay.person_id, documentId: stay.document_id, matched: await personFacts(trx, stay.person_id, stay.document_id) };
  const conflictRow = matched ? identityConflictFor(matched, stay.id, stay.region_code, { ...reported, document_expiry: next.documentExpiry! }, at) : null;
  if (conflictRow) await trx.insertInto('identity_conflicts').values(conflictRow).execute();
  return {
    personId, documentId,
    note: { person: personId === stay.person_id ? 'kept' : 'relinked', personId, previousPersonId: stay.person_id, identityConflict: conflictRow?.id ?? null },
  };
}

async function personFacts(trx: Transaction<Database>, personId: string, documentId: string) {
  return trx.selectFrom('persons').innerJoin('person_documents as d', 'd.person_id', 'persons.id')
    .select(['persons.id', 'persons.surname', 'persons.given_names', 'persons.sex', 'persons.date_of_birth', 'persons.nationality',
      'd.id as document_id', 'd.expiry_date as document_expiry'])
    .where('persons.id', '=', personId).where('d.id', '=', documentId).executeTakeFirstOrThrow();
}
