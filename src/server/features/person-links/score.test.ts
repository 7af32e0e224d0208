import { describe, expect, it } from 'vitest';
import { pairOf, scoreLink } from './score';

const base = { name_key: 'ANNA MULLER', date_of_birth: '1988-02-03', nationality: 'DEU', sex: 'F', documents: [{ issuing_state: 'DEU', number: 'C01X00T47' }] };

describe('scoreLink', () => {
  it('scores a renewed passport high, with every reason', () => {
    const renewed = { ...base, documents: [{ issuing_state: 'DEU', number: 'C02Y11Z58' }] };
    expect(scoreLink(base, renewed)).toEqual({
      score: 0.95, reasons: ['same_name_key', 'same_birth_date', 'same_nationality', 'different_document', 'same_sex', 'same_issuing_state'],
    });
  });

  it('scores lower when the sex differs and when the documents come from other states', () => {
    const other = { ...base, sex: 'M', documents: [{ issuing_state: 'AUT', number: 'P1234567' }] };
    const { score, reasons } = scoreLink(base, other);
    expect(score).toBe(0.8);
    expect(reasons).toContain('different_sex');
    expect(reasons).not.toContain('same_issuing_state');
  });

  it('orders a pair the same either way', () => {
    expect(pairOf('b', 'a')).toEqual(['a', 'b']);
    expect(pairOf('a', 'b')).toEqual(['a', 'b']);
  });
});
