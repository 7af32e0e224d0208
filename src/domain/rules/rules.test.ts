import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { DEFAULT_RULE_SETTINGS as S, evaluateRules, RULES, type PersonFacts, type StayFact } from './index';

// Each rule fires at its edge and not one day (or one hour) before it.

const TODAY = '2026-11-30';
let n = 0;
const stay = (over: Partial<StayFact> = {}): StayFact => ({
  id: `s${++n}`, kind: 'lodging', reporterId: 'hotel-a', regionCode: '73.12.01.2001', arrivalDate: addDays(TODAY, -3),
  plannedDeparture: addDays(TODAY, 3), departureDate: null, reportedAt: `${addDays(TODAY, -3)}T05:00:00Z`,
  permitKind: 'visa_free_visit', permitValidUntil: addDays(TODAY, 27), documentExpiry: '2030-01-01', ...over,
});
const facts = (over: Partial<PersonFacts> = {}): PersonFacts =>
  ({ personId: 'p1', today: TODAY, utcOffsetMinutes: 480, stays: [], sightings: [], identityClaims: [], ...over });
const fire = (rule: keyof typeof RULES, f: PersonFacts, settings = S) => RULES[rule](f, settings);

describe('overstay', () => {
  it('fires the day after the permit ends, not on its last day', () => {
    expect(fire('overstay', facts({ stays: [stay({ permitValidUntil: TODAY })] }))).toEqual([]);
    const [h] = fire('overstay', facts({ stays: [stay({ permitValidUntil: addDays(TODAY, -1) })] }));
    expect(h).toMatchObject({ rule: 'overstay', severity: 'high', explanation: { key: 'rule.overstay', params: { days: 1 } } });
  });
  it('ignores checked-out and cancelled stays and permits without an end', () => {
    const ended = addDays(TODAY, -10);
    expect(fire('overstay', facts({ stays: [
      stay({ permitValidUntil: ended, departureDate: addDays(TODAY, -1) }), stay({ permitValidUntil: ended, cancelled: true }),
      stay({ permitKind: 'itap', permitValidUntil: null }),
    ] }))).toEqual([]);
  });
});

describe('permit expiring', () => {
  it('is medium within 7 days, low within 30 for a long-term permit, silent after', () => {
    const sev = (days: number) => fire('permit_expiring', facts({ stays: [stay({ permitKind: 'itas', permitValidUntil: addDays(TODAY, days) })] }))[0]?.severity;
    expect([sev(0), sev(7), sev(8), sev(30), sev(31)]).toEqual(['medium', 'medium', 'low', 'low', undefined]);
  });
  it('warns a visitor only in the last 7 days, not from the first day of a 30-day permit', () => {
    const sev = (days: number) => fire('permit_expiring', facts({ stays: [stay({ permitValidUntil: addDays(TODAY, days) })] }))[0]?.severity;
    expect([sev(7), sev(8), sev(29)]).toEqual(['medium', undefined, undefined]);
  });
  it('changes its key when the window changes, so the 7-day warning follows a dismissed 30-day one', () => {
    const at = (days: number) => fire('permit_expiring', facts({ today: addDays(TODAY, -days), stays: [stay({ id: 'x', permitKind: 'itas', permitValidUntil: TODAY })] }))[0]!.key;
    expect(at(20)).not.toBe(at(5));
    expect(at(6)).toBe(at(5));
  });
});

describe('passport expired', () => {
  it('fires when the passport ended before today, not on its last day', () => {
    expect(fire('passport_expired', facts({ stays: [stay({ documentExpiry: TODAY })] }))).toEqual([]);
    expect(fire('passport_expired', facts({ stays: [stay({ documentExpiry: addDays(TODAY, -1) })] }))).toHaveLength(1);
  });
});

describe('frequent mover', () => {
  const moves = (gaps: number[], lodgings = ['a', 'b', 'c', 'd']) =>
    gaps.map((d, i) => stay({ reporterId: lodgings[i]!, arrivalDate: addDays(TODAY, -d), departureDate: i < gaps.length - 1 ? addDays(TODAY, -d + 1) : null }));
  it('fires on three lodgings within seven days', () => {
    const [h] = fire('frequent_mover', facts({ stays: moves([6, 3, 0]) }));
    expect(h).toMatchObject({ severity: 'medium', explanation: { params: { lodgings: 3 } } });
  });
  it('does not fire when the three arrivals span eight days, or repeat one lodging', () => {
    expect(fire('frequent_mover', facts({ stays: moves([7, 3, 0]) }))).toEqual([]);
    expect(fire('frequent_mover', facts({ stays: moves([5, 3, 0], ['a', 'b', 'a']) }))).toEqual([]);
  });
  it('leaves old movement alone and follows its settings', () => {
    expect(fire('frequent_mover', facts({ stays: moves([30, 28, 26]) }))).toEqual([]);
    expect(fire('frequent_mover', facts({ stays: moves([3, 0]) }), { ...S, frequentMover: { lodgings: 2, withinDays: 7 } })).toHaveLength(1);
  });
});

describe('visa-activity mismatch', () => {
  it('fires on a visit permit with an open work report', () => {
    const visit = stay();
    const job = stay({ kind: 'work', reporterId: 'pt-x', permitKind: 'itas' });
    expect(fire('visa_activity_mismatch', facts({ stays: [visit, job] }))).toMatchObject([{ severity: 'high', stayId: visit.id, explanation: { key: 'rule.visa_work_report' } }]);
  });
  it('fires once for a work report on a visit permit: on the lodging stay when there is one, else on the report itself', () => {
    const visit = stay();
    const job = stay({ kind: 'work', reporterId: 'pt-x', permitKind: 'visa_on_arrival' });
    expect(fire('visa_activity_mismatch', facts({ stays: [visit, job] })).map((h) => h.stayId)).toEqual([visit.id]);
    expect(fire('visa_activity_mismatch', facts({ stays: [job] })).map((h) => h.stayId)).toEqual([job.id]);
    const second = stay({ kind: 'work', reporterId: 'pt-y', permitKind: 'visa_on_arrival' });
    expect(fire('visa_activity_mismatch', facts({ stays: [job, second] })).map((h) => h.stayId)).toEqual([job.id, second.id]); // one each
  });
  it('fires on a work sighting during the visit, not before it or on a work permit', () => {
    const visit = stay({ arrivalDate: addDays(TODAY, -3) });
    const seen = (d: number) => ({ id: `g${d}`, regionCode: '73.12.01.2001', seenOn: addDays(TODAY, d), activity: 'work' as const });
    expect(fire('visa_activity_mismatch', facts({ stays: [visit], sightings: [seen(-1)] }))).toHaveLength(1);
    expect(fire('visa_activity_mismatch', facts({ stays: [visit], sightings: [seen(-4)] }))).toEqual([]);
    expect(fire('visa_activity_mismatch', facts({ stays: [stay({ permitKind: 'itas' })], sightings: [seen(-1)] }))).toEqual([]);
    expect(fire('visa_activity_mismatch', facts({ stays: [visit], sightings: [{ ...seen(-1), activity: 'other' }] }))).toEqual([]);
  });
});

describe('stay not closed', () => {
  it('fires after planned departure plus the grace days', () => {
    expect(fire('stay_not_closed', facts({ stays: [stay({ plannedDeparture: addDays(TODAY, -3) })] }))).toEqual([]);
    expect(fire('stay_not_closed', facts({ stays: [stay({ plannedDeparture: addDays(TODAY, -4) })] }))).toMatchObject([{ explanation: { key: 'rule.not_closed_planned' } }]);
  });
  it('uses the permit end when no departure was planned', () => {
    expect(fire('stay_not_closed', facts({ stays: [stay({ plannedDeparture: null, permitValidUntil: addDays(TODAY, -4) })] })))
      .toMatchObject([{ explanation: { key: 'rule.not_closed_permit' } }]);
  });
});

describe('identity conflict', () => {
  const claim = (stayId: string, surname: string, dob = '1990-01-01', number = 'X1234567') =>
    ({ stayId, documentNumber: number, issuingState: 'NLD', surname, givenNames: 'ANNA', dateOfBirth: dob });
  it('fires when one document carries two names or two birth dates', () => {
    expect(fire('identity_conflict', facts({ identityClaims: [claim('a', 'JANSEN'), claim('b', 'JANSSEN')] }))).toHaveLength(1);
    expect(fire('identity_conflict', facts({ identityClaims: [claim('a', 'JANSEN'), claim('b', 'JANSEN', '1990-01-02')] }))).toHaveLength(1);
  });
  it('does not fire on case, spacing or document-format differences', () => {
    expect(fire('identity_conflict', facts({ identityClaims: [claim('a', 'Jansen '), claim('b', 'JANSEN', '1990-01-01', 'x 1234-567')] }))).toEqual([]);
  });
});

describe('unregistered presence', () => {
  const seen = (regionCode: string, d = -1) => ({ id: 'g1', regionCode, seenOn: addDays(TODAY, d), activity: 'other' as const });
  it('fires on a sighting where no stay places the person', () => {
    expect(fire('unregistered_presence', facts({ sightings: [seen('73.12.01.2001')] }))).toHaveLength(1);
    expect(fire('unregistered_presence', facts({ stays: [stay({ regionCode: '73.71.01.1001' })], sightings: [seen('73.12.01.2001')] }))).toHaveLength(1);
  });
  it('does not fire when a stay in the same regency covers the day', () => {
    expect(fire('unregistered_presence', facts({ stays: [stay({ regionCode: '73.12.05.2003' })], sightings: [seen('73.12.01.2001')] }))).toEqual([]);
    expect(fire('unregistered_presence', facts({ stays: [stay({ departureDate: addDays(TODAY, -1) })], sightings: [seen('73.12.01.2001', -1)] }))).toEqual([]);
  });
});

describe('late report', () => {
  // WITA is UTC+8: the end of the arrival day 2026-11-27 is 2026-11-27T16:00Z; 24 h later is 2026-11-28T16:00Z.
  const reported = (at: string, over: Partial<StayFact> = {}) => fire('late_report', facts({ stays: [stay({ arrivalDate: '2026-11-27', reportedAt: at, ...over })] }));
  it('gives a date-only arrival the whole day, then 24 hours', () => {
    expect(reported('2026-11-28T16:00:00Z')).toEqual([]);
    expect(reported('2026-11-28T16:01:00Z')).toMatchObject([{ severity: 'low', explanation: { params: { hours: 24, limit: 24 } } }]);
  });
  it('counts from the arrival time when it is known', () => {
    expect(reported('2026-11-28T10:00:00Z', { arrivedAt: '2026-11-27T09:00:00Z' })).toHaveLength(1);
    expect(reported('2026-11-28T09:00:00Z', { arrivedAt: '2026-11-27T09:00:00Z' })).toEqual([]);
  });
  it('does not alert on a stay filed after the guest had left (history, imports)', () => {
    expect(reported('2026-11-29T16:01:00Z', { departureDate: '2026-11-28' })).toEqual([]);
    expect(reported('2026-11-29T16:01:00Z', { departureDate: '2026-11-30' })).toHaveLength(1);
  });
  it('leaves work reports to their own deadlines', () => {
    expect(reported('2026-11-29T16:01:00Z', { kind: 'work' })).toEqual([]);
  });
});

describe('evaluateRules', () => {
  it('runs only the enabled rules and keys every hit by rule', () => {
    const f = facts({ stays: [stay({ permitValidUntil: addDays(TODAY, -1), documentExpiry: addDays(TODAY, -1) })] });
    expect(evaluateRules(f, S).map((h) => h.rule).sort()).toEqual(['overstay', 'passport_expired']);
    expect(evaluateRules(f, { ...S, enabled: { ...S.enabled, overstay: false } }).map((h) => h.rule)).toEqual(['passport_expired']);
    for (const h of evaluateRules(f, S)) expect(h.key.startsWith(`${h.rule}:`)).toBe(true);
  });
});
