import { FINDING_GROUPS, type Finding } from '../../../domain/access/findings';
import type { Actor } from '../../auth/actor';
import { abilities } from '../../policies';
import { ifSees, sees } from '../../policies/fields';
import type { CheckInResult } from './commands';
import type { StayRecord } from './queries';

export function visibleFindings(actor: Actor, findings: string): string[] {
  return (JSON.parse(findings) as string[]).filter((f) => sees(actor, FINDING_GROUPS[f as Finding] ?? 'screening'));
}

/**
 * Every field a client receives about a stay, listed here and nowhere else, each asked of
 * the field matrix: a field outside the actor's groups is null. The receipt PDF prints this.
 */
export function presentStay(actor: Actor, s: StayRecord) {
  const identity = <T>(v: T) => ifSees(actor, 'identity', v);
  const document = <T>(v: T) => ifSees(actor, 'document', v);
  const permit = <T>(v: T) => ifSees(actor, 'permit', v);
  const where = <T>(v: T) => ifSees(actor, 'whereabouts', v);
  return {
    id: s.id,
    receiptNumber: s.receipt_number,
    personId: sees(actor, 'screening') ? s.person_id : null,
    regionCode: s.region_code,
    guest: {
      surname: identity(s.surname), givenNames: identity(s.given_names), sex: identity(s.sex), nationality: identity(s.nationality),
      dateOfBirth: document(s.date_of_birth),
      document: { type: document(s.document_type), number: document(s.document_number), issuingState: document(s.issuing_state), expiryDate: document(s.expiry_date) },
    },
    permit: { kind: permit(s.permit_kind), number: permit(s.permit_number), validFrom: permit(s.permit_valid_from), validUntil: permit(s.permit_valid_until) },
    arrivalDate: where(s.arrival_date),
    plannedDeparture: where(s.planned_departure),
    departureDate: where(s.departure_date),
    present: s.departure_date === null && !s.cancelled_at,
    /** a report cancelled as mistaken: kept and shown, never counted as present */
    cancelled: Boolean(s.cancelled_at),
    cancelReason: s.cancelled_at ? s.cancel_reason : null,
    arrivalTime: where(s.arrival_time ?? null),
    receiptGroup: s.receipt_group ?? s.receipt_number,
    room: where(s.room),
    lodging: where({ id: s.lodging_id, name: s.lodging_name }),
    findings: visibleFindings(actor, s.findings),
    reportKind: s.report_kind ?? 'lodging',
    employment: presentEmployment(actor, s),
    createdAt: s.created_at,
    changedAt: s.changed_at ?? s.created_at,
    abilities: abilities(actor, 'stay', { checkOut: 'checkout', change: 'change', move: 'move', correct: 'correct', cancel: 'cancel', reopen: 'reopen' }, s),
  };
}

/** A worker's employment (employer, position, worksite, work permit, period): the `employment` group only. */
type EmploymentColumns = Pick<StayRecord, 'lodging_id' | 'lodging_name' | 'emp_position' | 'emp_worksite_address' | 'emp_worksite_village_code'
  | 'emp_lat' | 'emp_lng' | 'emp_work_permit_ref' | 'emp_period_from' | 'emp_period_until'>;
export function presentEmployment(actor: Actor, s: EmploymentColumns) {
  if (s.emp_position === null || !sees(actor, 'employment')) return null;
  return {
    employer: { id: s.lodging_id, name: s.lodging_name },
    position: s.emp_position,
    worksite: { address: s.emp_worksite_address, villageCode: s.emp_worksite_village_code, lat: s.emp_lat, lng: s.emp_lng },
    workPermitRef: s.emp_work_permit_ref,
    period: { from: s.emp_period_from, until: s.emp_period_until },
  };
}

export type StayView = ReturnType<typeof presentStay>;

/** The check-in answer: which person a passport belongs to is screening material, so a lodging learns nothing from it. */
export function presentCheckIn(actor: Actor, r: CheckInResult) {
  const screening = sees(actor, 'screening');
  return {
    id: r.id, receiptNumber: r.receiptNumber, personId: screening ? r.personId : null,
    members: r.members.map((m) => ({ id: m.id, receiptNumber: m.receiptNumber, personId: screening ? m.personId : null })),
  };
}
