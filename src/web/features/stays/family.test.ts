import { describe, expect, it } from 'vitest';
import { emptyMember, emptyValues, fromFamilyInput, guestLabel, splitFamilyErrors, toFamilyInput, validateMembers, type MemberValues, type Values } from './checkInForm';

const t = (key: string) => key;
const head: Values = {
  ...emptyValues('2026-03-01'),
  'guest.surname': 'HOLMBERG', 'guest.givenNames': 'ERIK', 'guest.sex': 'M', 'guest.dateOfBirth': '1980-02-10', 'guest.nationality': 'SWE',
  'guest.document.number': 'C1234567', 'guest.document.issuingState': 'SWE', 'guest.document.expiryDate': '2032-01-01',
  'guest.permit.kind': 'visa_on_arrival', 'guest.permit.number': 'VOA111', 'guest.permit.validUntil': '2026-03-30', room: '305',
};
const sara: MemberValues = {
  'guest.surname': 'HOLMBERG', 'guest.givenNames': 'SARA', 'guest.sex': 'F', 'guest.dateOfBirth': '1983-05-12', 'guest.nationality': 'SWE',
  'guest.document.number': 'C7654321', 'guest.document.issuingState': 'SWE', 'guest.document.expiryDate': '2032-11-11', 'guest.permit.number': 'VOA222',
};

describe('family in one submission', () => {
  it('members carry the head\'s permit kind and dates, with their own permit number; room and dates once', () => {
    const input = toFamilyInput(head, [sara]);
    expect(input.room).toBe('305');
    expect(input.members).toHaveLength(1);
    expect(input.members![0]).toMatchObject({ givenNames: 'SARA', document: { number: 'C7654321' } });
    expect(input.members![0].permit).toEqual({ kind: 'visa_on_arrival', number: 'VOA222', validFrom: '2026-03-01', validUntil: '2026-03-30' });
    expect(toFamilyInput(head, []).members).toBeUndefined();
  });
  it('round-trips through a stored report', () => {
    const back = fromFamilyInput(toFamilyInput(head, [sara]));
    expect(back.values).toEqual(head);
    expect(back.members).toEqual([sara]);
    expect(guestLabel(toFamilyInput(head, [sara]))).toBe('HOLMBERG, ERIK +1');
  });
  it('checks each member on the member\'s own fields', () => {
    const errors = validateMembers(head, [sara, emptyMember()], '2026-03-01', t);
    expect(errors[0]).toEqual({});
    expect(Object.keys(errors[1]).sort()).toEqual(['guest.dateOfBirth', 'guest.document.expiryDate', 'guest.document.issuingState', 'guest.document.number', 'guest.nationality', 'guest.sex', 'guest.surname']);
  });
  it('puts the server\'s member errors on the member\'s fields', () => {
    const split = splitFamilyErrors([
      { field: 'members.1.document.number', message: 'bad number' },
      { field: 'guest.surname', message: 'bad name' },
      { field: 'members.7.surname', message: 'no such member' },
    ], 2);
    expect(split.members[1]).toEqual({ 'guest.document.number': 'bad number' });
    expect(split.errors).toEqual({ 'guest.surname': 'bad name' });
    expect(split.other).toEqual(['members.7.surname: no such member']);
  });
});
