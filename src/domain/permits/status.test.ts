import { describe, expect, it } from 'vitest';
import { latestPermitStatus } from './status';

describe('latestPermitStatus', () => {
  const today = '2026-03-01';
  it('is null without a stay', () => expect(latestPermitStatus(null, today)).toBeNull());
  it('is valid without an end date or more than 30 days ahead', () => {
    expect(latestPermitStatus({ permitValidUntil: null }, today)).toBe('valid');
    expect(latestPermitStatus({ permitValidUntil: '2026-04-01' }, today)).toBe('valid');
  });
  it('is expiring within 30 days, on the last day too', () => {
    expect(latestPermitStatus({ permitValidUntil: '2026-03-31' }, today)).toBe('expiring');
    expect(latestPermitStatus({ permitValidUntil: today }, today)).toBe('expiring');
  });
  it('is expired after the end date', () => expect(latestPermitStatus({ permitValidUntil: '2026-02-28' }, today)).toBe('expired'));
});
