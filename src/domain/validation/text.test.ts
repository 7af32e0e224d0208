import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFreeText, checkName, hasBadCharacters, hasNul, visibleText } from './text';

const HIDDEN = ['\u0000', '\u0007', '\u001b', '\u007f', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2060', '\ufeff', '\u061c', '\u00ad'];
const hidden = fc.constantFrom(...HIDDEN);
const letters = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdeéüñøçłßÅ'), minLength: 1, maxLength: 30 });
const nameLike = fc.array(letters, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

describe('name rules', () => {
  it('accepts ordinary names, with accents, hyphens, apostrophes and spaces', () => {
    for (const name of ['TESTSSON', "O'NEIL", 'van der Berg', 'MÜLLER-LÜDENSCHEIDT', 'ＷＡＮＧ', 'Ng', 'A']) expect(checkName(name)).toBeUndefined();
    fc.assert(fc.property(nameLike, (name) => checkName(name) === undefined));
  });

  it('refuses a name with any hidden, control or bidi character, wherever it sits (property)', () => {
    fc.assert(fc.property(nameLike, hidden, fc.nat(), (name, bad, at) => {
      const cut = at % (name.length + 1);
      expect(checkName(name.slice(0, cut) + bad + name.slice(cut))).toBe('field.bad_characters');
      expect(hasBadCharacters(bad)).toBe(true);
    }));
  });

  it('treats a name of only whitespace or hidden characters as missing (property)', () => {
    const invisible = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202e', '\u2066');
    const blank = fc.array(fc.oneof(invisible, fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\u2003')), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(fc.property(blank, (s) => {
      expect(visibleText(s)).toBe('');
      expect(checkName(s)).toBe('field.required');
    }));
  });

  it('an optional name may be blank, but not hidden characters', () => {
    expect(checkName('', { required: false })).toBeUndefined();
    expect(checkName('  ', { required: false })).toBeUndefined();
    expect(checkName('\u200b', { required: false })).toBe('field.bad_characters');
  });

  it('refuses names without a single letter (property)', () => {
    for (const s of ['!!!', '123', '-', "'", '...', '٣٤']) expect(checkName(s)).toBe('field.no_letters');
    const noLetters = fc.string({ unit: fc.constantFrom(...'0123456789!?#.,-\'"()/ '), minLength: 1 }).filter((s) => s.trim() !== '');
    fc.assert(fc.property(noLetters, (s) => checkName(s) === 'field.no_letters'));
  });

  it('never throws and answers one of its keys for any string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
      expect([undefined, 'field.required', 'field.bad_characters', 'field.no_letters']).toContain(checkName(s));
    }));
  });
});

describe('free text and NUL', () => {
  it('free text may be anything printable, or empty', () => {
    for (const s of ['', '101', 'Kamar 7A', 'B-2/3', '#12']) expect(checkFreeText(s)).toBeUndefined();
    for (const s of ['1\u00000', '7\u202e', '\u200bA']) expect(checkFreeText(s)).toBe('field.bad_characters');
  });
  it('spots NUL anywhere (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => hasNul(`${a}\u0000${b}`) && hasNul(a + b) === (a + b).includes('\u0000')));
  });
});
