import { describe, expect, it } from 'vitest';
import type { Stay } from '../../api/types';
import { guestName, withheldGroups } from './visibility';

const full: Stay = {
  id: 's1', receiptNumber: 'R/1', personId: null, regionCode: '73.12',
  guest: {
    surname: 'LINDQVIST', givenNames: 'ASTRID', sex: 'F', dateOfBirth: '1988-03-14', nationality: 'SWE',
    document: { type: 'passport', number: 'X1', issuingState: 'SWE', expiryDate: '2030-01-01' },
  },
  permit: { kind: 'visa_on_arrival', number: null, validFrom: '2026-01-01', validUntil: '2026-01-30' },
  arrivalDate: '2026-01-02', plannedDeparture: null, departureDate: null, present: true, room: null,
  lodging: { id: 'l1', name: 'Hotel Maryam' }, findings: [], createdAt: '2026-01-02T01:00:00Z', abilities: { checkOut: false },
};

describe('withheld field groups', () => {
  it('an empty optional field is not a withheld one', () => {
    expect([...withheldGroups(full)]).toEqual([]);
    expect(guestName(full)).toBe('LINDQVIST, ASTRID');
  });

  it('names the groups the server sent as null', () => {
    const s: Stay = {
      ...full,
      guest: { ...full.guest, dateOfBirth: null, document: { type: null, number: null, issuingState: null, expiryDate: null } },
    };
    expect([...withheldGroups(s)]).toEqual(['document']);
    const hidden: Stay = { ...s, guest: { ...s.guest, surname: null, givenNames: null }, lodging: null, permit: { kind: null, number: null, validFrom: null, validUntil: null } };
    expect([...withheldGroups(hidden)].sort()).toEqual(['document', 'identity', 'permit', 'whereabouts']);
    expect(guestName(hidden)).toBeNull();
  });
});
