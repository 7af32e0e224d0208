import { describe, expect, it } from 'vitest';
import { PHONETIC_PREFIX, nameQueryWords, personNameKey, personSearchTokens } from './name-index';

describe('personNameKey', () => {
  it('ignores order, case, diacritics and titles', () => {
    const a = personNameKey({ surname: 'Müller', given_names: 'Hans Peter' });
    expect(a).toBe('HANS MULLER PETER');
    expect(personNameKey({ surname: 'PETER', given_names: 'Dr. hans MULLER' })).toBe(a);
  });
  it('folds other scripts to the same Latin key', () => {
    expect(personNameKey({ surname: 'Иванов', given_names: 'Сергей' })).toBe(personNameKey({ surname: 'IVANOV', given_names: 'SERGEY' }));
  });
});

describe('personSearchTokens', () => {
  it('holds each token and its sound code', () => {
    const tokens = personSearchTokens({ surname: 'Müller', given_names: 'Anna' });
    expect(tokens).toContain('MULLER');
    expect(tokens).toContain('ANNA');
    expect(tokens.some((t) => t.startsWith(PHONETIC_PREFIX))).toBe(true);
  });
  it('gives Miller and Muller the same sound code', () => {
    const [miller] = nameQueryWords('Miller');
    expect(personSearchTokens({ surname: 'MULLER', given_names: 'X' })).toContain(miller!.phonetic);
  });
});

describe('nameQueryWords', () => {
  it('normalises and dedupes the words of a query, any order', () => {
    expect(nameQueryWords('  josé  GARCÍA josé').map((w) => w.prefix)).toEqual(['JOSE', 'GARCIA']);
  });
  it('searches words shorter than four letters by prefix only', () => {
    expect(nameQueryWords('Li')[0]!.phonetic).toBeNull();
    expect(nameQueryWords('Hon')[0]).toEqual({ prefix: 'HON', exact: false, phonetic: null });
    expect(nameQueryWords('Hans')[0]!.phonetic).toMatch(/^#/);
  });
  it('matches words of one or two letters as whole tokens (the surname Ma, not every MA…)', () => {
    expect(nameQueryWords('Ma Long')).toEqual([
      { prefix: 'MA', exact: true, phonetic: null },
      { prefix: 'LONG', exact: false, phonetic: expect.stringMatching(/^#/) },
    ]);
  });
});
