import { describe, expect, it } from 'vitest';
import { emptyValues } from './checkInForm';
import { firstToFill, proposedEnd, withProposal } from './focusNext';

describe('focus after a scan', () => {
  const f = (name: string, value: string, required = false, flagged = false, wanted = false) => ({ name, value, required, flagged, wanted });
  it('goes to a flagged field first, then a required empty one, then the room', () => {
    expect(firstToFill([f('a', 'x', true), f('b', '', true), f('c', 'x', false, true)])).toBe('c');
    expect(firstToFill([f('a', 'x', true), f('b', '', true), f('room', '', false, false, true)])).toBe('b');
    expect(firstToFill([f('a', 'x', true), f('room', '', false, false, true)])).toBe('room');
    expect(firstToFill([f('a', 'x', true), f('room', '12', false, false, true)])).toBeNull();
  });
});

describe('permit end proposal in the form', () => {
  const base = { ...emptyValues('2026-03-01') };
  it('follows the kind and the first day while the clerk has not typed an end', () => {
    const v = withProposal(base, base);
    expect(v['guest.permit.validUntil']).toBe('2026-03-30');
    const moved = withProposal(v, { ...v, 'guest.permit.validFrom': '2026-03-05' });
    expect(moved['guest.permit.validUntil']).toBe('2026-04-03');
    const itas = withProposal(moved, { ...moved, 'guest.permit.kind': 'itas' });
    expect(itas['guest.permit.validUntil']).toBe('');
    const voa = withProposal(itas, { ...itas, 'guest.permit.kind': 'visa_on_arrival' });
    expect(voa['guest.permit.validUntil']).toBe('2026-04-03');
  });
  it('keeps an end the clerk typed', () => {
    const v = withProposal(base, base);
    const typed = { ...v, 'guest.permit.validUntil': '2026-03-20' };
    expect(withProposal(typed, { ...typed, 'guest.permit.validFrom': '2026-03-02' })['guest.permit.validUntil']).toBe('2026-03-20');
    expect(proposedEnd(typed)).toBe('2026-03-30');
  });
});
