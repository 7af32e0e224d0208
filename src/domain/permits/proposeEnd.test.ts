import { describe, expect, it } from 'vitest';
import { PERMIT_KINDS } from './kinds';
import { proposePermitEnd } from './proposeEnd';

describe('proposePermitEnd', () => {
  it('gives visa-free and VoA 30 days, the day of arrival included', () => {
    expect(proposePermitEnd('visa_free_visit', '2026-03-01')).toBe('2026-03-30');
    expect(proposePermitEnd('visa_on_arrival', '2026-03-01')).toBe('2026-03-30');
  });
  it('crosses months and leap days', () => {
    expect(proposePermitEnd('visa_on_arrival', '2028-02-15')).toBe('2028-03-15');
    expect(proposePermitEnd('visa_free_visit', '2026-12-20')).toBe('2027-01-18');
  });
  it('gives a visit visa 60 days', () => expect(proposePermitEnd('visit_visa', '2026-01-01')).toBe('2026-03-01'));
  it('proposes nothing for kinds whose end is printed on the permit', () => {
    for (const k of ['itas', 'itap', 'diplomatic', 'official']) expect(proposePermitEnd(k, '2026-03-01')).toBeNull();
  });
  it('proposes nothing from an unknown kind or a bad date', () => {
    expect(proposePermitEnd('tourist', '2026-03-01')).toBeNull();
    expect(proposePermitEnd('visa_on_arrival', '2026-02-30')).toBeNull();
    expect(proposePermitEnd('visa_on_arrival', '')).toBeNull();
  });
  it('never proposes an end before the first day', () => {
    for (const k of PERMIT_KINDS) {
      const end = proposePermitEnd(k, '2026-06-10');
      if (end) expect(end >= '2026-06-10').toBe(true);
    }
  });
});
