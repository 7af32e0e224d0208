import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseName, tokensText } from './normalise';
import { metaphone, skeleton, slavicKey } from './phonetic';
import { variantSimilarity } from './variants';

const text = (s: Parameters<typeof normaliseName>[0]) => tokensText(normaliseName(s));

describe('normaliseName', () => {
  it('transliterates other scripts to Latin tokens', () => {
    expect(text('Сергей Иванов')).toBe('SERGEY IVANOV');
    expect(text('Παπαδόπουλος Γεώργιος')).toBe('PAPADOPOULOS GEORGIOS');
    expect(text('张伟')).toBe('ZHANG WEI');
    expect(text('김민수')).toBe('GIM MIN SU');
    // Final consonants as names are written (any-ascii gives Bag, Seog).
    expect(text('박석')).toBe('BAK SEOK');
    expect(text('やまだ たろう')).toBe('YAMADA TAROU');
    expect(text('Nguyễn Thị Minh Khai')).toBe('NGUYEN THI MINH KHAI');
    expect(text('Müller-Lüdenscheidt')).toBe('MULLER LUDENSCHEIDT');
  });

  it('drops titles and flags particles', () => {
    const t = normaliseName('Dr. Jan van der Berg');
    expect(tokensText(t)).toBe('JAN VAN DER BERG');
    expect(t.filter((x) => x.particle).map((x) => x.text)).toEqual(['VAN', 'DER']);
    expect(text('Haji Abdullah bin Ahmad')).toBe('ABDULLAH BIN AHMAD');
    expect(text("Sean O'Brien")).toBe('SEAN OBRIEN');
  });

  it('splits abd- compounds the same way however written', () => {
    for (const s of ['Abdulrahman', 'Abdul Rahman', 'Abd al-Rahman', 'Abdurrahman', 'Abdel Rahman']) {
      expect(normaliseName(s).filter((t) => !t.particle).map((t) => t.text)).toEqual(['ABD', 'RAHMAN']);
    }
    expect(text('Abdullah')).toBe('ABDULLAH');
  });

  it('marks patronymics and the father after bin as optional', () => {
    const t = normaliseName('Sergei Petrovich Ivanov');
    expect(t.filter((x) => x.optional).map((x) => x.text)).toEqual(['PETROVICH']);
    expect(normaliseName('Ahmad bin Ali Hassan').filter((x) => x.optional).map((x) => x.text)).toEqual(['ALI']);
    expect(normaliseName('Ahmad bin Ismail').filter((x) => x.optional)).toEqual([]);
    expect(tokensText(normaliseName('عبدالعزيز'))).toBe('ABD ZYZ');
  });

  it('flags tokens from Arabic script and splits the assimilated article', () => {
    const t = normaliseName('عبد الرحمن الراشد');
    expect(tokensText(t)).toBe('ABD AL RHMN AL RSHD');
    expect(t.every((x) => x.abjad)).toBe(true);
  });

  it('keeps roles of structured names', () => {
    const t = normaliseName({ surname: 'Ivanov', given: 'Sergei Petrovich' });
    expect(t.map((x) => [x.text, x.role])).toEqual([
      ['IVANOV', 1],
      ['SERGEI', 2],
      ['PETROVICH', 2],
    ]);
  });

  it('is idempotent', () => {
    const name = fc.oneof(
      fc.string(),
      fc.constantFrom('Сергей Иванов', 'Abd al-Rahman', '张伟', 'Dr Jan van der Berg', 'Mr. Lee Young-hee', 'Ελένη'),
    );
    fc.assert(
      fc.property(name, (s) => {
        const once = text(s);
        expect(text(once)).toBe(once);
      }),
    );
  });
});

describe('phonetic keys and variants', () => {
  it('folds German, French and English transliterations of Cyrillic', () => {
    expect(slavicKey('TSVETKOV')).toBe(slavicKey('ZWETKOW'));
    expect(slavicKey('TSCHAIKOWSKI')).toBe(slavicKey('TCHAIKOVSKY'));
    expect(slavicKey('CHRUSCHTSCHOW')).toBe(slavicKey('KHRUSHCHEV'));
    expect(slavicKey('IVANOV')).not.toBe(slavicKey('PETROV'));
  });

  it('compares abjad consonant skeletons', () => {
    expect(skeleton('MHMD')).toBe(skeleton('MOHAMMED'));
    expect(skeleton('SWD')).toBe(skeleton('SAUD'));
    expect(skeleton('HSYN')).toBe(skeleton('HUSSEIN'));
  });

  it('gives double metaphone codes', () => {
    expect(metaphone('MOHAMMED')[0]).toBe(metaphone('MUHAMMAD')[0]);
  });

  it('knows variants, nicknames and romanisations', () => {
    expect(variantSimilarity('MOHAMMED', 'MUHAMMAD')).toBe(0.95);
    expect(variantSimilarity('ALEKSANDR', 'ALEXANDER')).toBe(0.95);
    expect(variantSimilarity('SASHA', 'ALEKSANDR')).toBe(0.9);
    expect(variantSimilarity('KIM', 'GIM')).toBe(0.95);
    expect(variantSimilarity('LEE', 'RHEE')).toBe(0.95);
    expect(variantSimilarity('YI', 'LEE')).toBe(0.95);
    expect(variantSimilarity('KIM', 'LEE')).toBe(0);
  });
});
