import type { Actor } from '../../auth/actor';
import { abilities } from '../../policies';
import type { StayRecord } from './queries';

/** Every field a client receives about a stay, listed here and nowhere else. */
export function presentStay(actor: Actor, s: StayRecord) {
  return {
    id: s.id,
    receiptNumber: s.receipt_number,
    personId: s.person_id,
    regionCode: s.region_code,
    guest: {
      surname: s.surname, givenNames: s.given_names, sex: s.sex, dateOfBirth: s.date_of_birth, nationality: s.nationality,
      document: { type: s.document_type, number: s.document_number, issuingState: s.issuing_state, expiryDate: s.expiry_date },
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
