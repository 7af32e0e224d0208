import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { damerauLevenshtein, editSimilarity, jaro, jaroWinkler } from './similarity';

describe('similarity', () => {
  it('gives the textbook Jaro-Winkler figures', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('SERGEY', 'SERGEI')).toBeCloseTo(0.933, 3);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });

  it('counts edits, an adjacent transposition as one', () => {
    expect(damerauLevenshtein('IVANOV', 'IVANVO')).toBe(1);
    expect(damerauLevenshtein('KITTEN', 'SITTING')).toBe(3);
    expect(damerauLevenshtein('', 'ABC')).toBe(3);
    expect(editSimilarity('ABCD', 'ABCE')).toBe(0.75);
  });

  it('is symmetric and bounded', () => {
    const tok = fc.stringMatching(/^[A-Z]{0,12}$/);
    fc.assert(
      fc.property(tok, tok, (a, b) => {
        const j = jaroWinkler(a, b);
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
        expect(jaro(a, b)).toBeCloseTo(jaro(b, a), 10);
        expect(damerauLevenshtein(a, b)).toBe(damerauLevenshtein(b, a));
        expect(damerauLevenshtein(a, b) === 0).toBe(a === b);
      }),
    );
  });
});
