import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameKey, normalizeDocumentNumber, normalizeName } from './names';

describe('names', () => {
  it('tidies the display form and keeps its case', () => {
    expect(normalizeName('  van der   Berg\t')).toBe('van der Berg');
    expect(normalizeName('ＷＡＮＧ　Wei')).toBe('WANG Wei'); // full-width letters and ideographic space
    expect(normalizeName('Mu\u0308ller')).toBe('Müller'); // combining diaeresis composed
  });

  it('derives an upper-case matching key', () => {
    expect(nameKey(' van der  Berg ')).toBe('VAN DER BERG');
    expect(nameKey('müller')).toBe(nameKey('MÜLLER'));
  });

  it('normalisation is idempotent (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
      expect(nameKey(nameKey(s))).toBe(nameKey(s));
    }));
  });
});

describe('document numbers', () => {
  it('upper-cases and strips spaces and dashes', () => {
    expect(normalizeDocumentNumber(' ab 123-456 ')).toBe('AB123456');
    expect(normalizeDocumentNumber('C01X00T47')).toBe('C01X00T47');
    expect(normalizeDocumentNumber('e\u2013123 45')).toBe('E12345');
  });
  it('gives what the full normalisation gives, a number already in its kept form included (property)', () => {
    const full = (s: string) => s.normalize('NFKC').toUpperCase().replace(/[\s\-\u2010-\u2015]/gu, '');
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Z0-9]{0,12}$/), fc.stringMatching(/^[a-zA-Z0-9 \-]{0,12}$/)), (s) => {
      expect(normalizeDocumentNumber(s)).toBe(full(s));
    }));
  });
});
