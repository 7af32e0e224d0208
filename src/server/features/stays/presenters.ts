import type { Actor } from '../../auth/actor';
import { abilities } from '../../policies';
import { seesIdentityDetails } from '../../policies/need-to-know';
import type { StayRecord } from './queries';

/**
 * Every field a client receives about a stay, listed here and nowhere else. Agencies that
 * do not need a person's identifying details get null for them.
 */
export function presentStay(actor: Actor, s: StayRecord) {
  const identity = seesIdentityDetails(actor);
  return {
    id: s.id,
    receiptNumber: s.receipt_number,
    personId: s.person_id,
    regionCode: s.region_code,
    guest: {
      surname: s.surname, givenNames: s.given_names, sex: s.sex, dateOfBirth: identity ? s.date_of_birth : null, nationality: s.nationality,
      document: { type: s.document_type, number: identity ? s.document_number : null, issuingState: s.issuing_state, expiryDate: identity ? s.expiry_date : null },
    },
    permit: { kind: s.permit_kind, number: s.permit_number, validFrom: s.permit_valid_from, validUntil: s.permit_valid_until },
    arrivalDate: s.arrival_date,
    plannedDeparture: s.planned_departure,
    departureDate: s.departure_date,
    room: s.room,
    lodging: { id: s.lodging_id, name: s.lodging_name },
    createdAt: s.created_at,
    abilities: abilities(actor, 'stay', { checkOut: 'checkout' }, s),
  };
}
