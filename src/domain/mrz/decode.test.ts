import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeMrz } from './decode';
import { MRZ_ALPHABET, checkDigitChar } from './checkdigit';
import { LAYOUTS, failingChecks } from './layouts';

/** Per-cell probabilities: the printed character gets `p`, the rest share 1 - p; overrides per cell. */
function probsOf(lines: string[], overrides: Record<string, Record<string, number>> = {}, p = 0.999): Float32Array[][] {
  return lines.map((line, l) => [...line].map((ch, i) => {
    const v = new Float32Array(37).fill((1 - p) / 36);
    v[MRZ_ALPHABET.indexOf(ch)] = p;
    const o = overrides[`${l},${i}`];
    if (o) {
      v.fill(1e-6);
      for (const [c, q] of Object.entries(o)) v[MRZ_ALPHABET.indexOf(c)] = q;
    }
    return v;
  }));
}

function td3(docNumber: string, opts: { birth?: string; expiry?: string; personal?: string } = {}): string[] {
  const doc = docNumber.padEnd(9, '<');
  const birth = opts.birth ?? '740812';
  const expiry = opts.expiry ?? '120415';
  const personal = (opts.personal ?? 'ZE184226B').padEnd(14, '<');
  const pcd = /^<*$/.test(personal) ? '<' : checkDigitChar(personal);
  const body = doc + checkDigitChar(doc) + 'UTO' + birth + checkDigitChar(birth) + 'F' + expiry + checkDigitChar(expiry) + personal + pcd;
  const composite = checkDigitChar(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', body + composite];
}

describe('decodeMrz', () => {
  it('reads a clean TD3 as valid with the ICAO fields', () => {
    const lines = td3('L898902C3');
    expect(lines[1]).toBe('L898902C36UTO7408122F1204159ZE184226B<<<<<10');
    const d = decodeMrz(probsOf(lines))!;
    expect(d.valid).toBe(true);
    expect(d.uncertain).toEqual([]);
    expect(d.fields).toMatchObject({ documentCode: 'P', issuingState: 'UTO', lastName: 'ERIKSSON', firstName: 'ANNA MARIA', documentNumber: 'L898902C3', birthDate: '740812', sex: 'F', expirationDate: '120415', personalNumber: 'ZE184226B' });
  });

  it('corrects a misread the check digit can see (O read for 0 in the birth date)', () => {
    const lines = td3('L898902C3', { birth: '740812' });
    const d = decodeMrz(probsOf(lines, { '1,14': { '4': 0.3, '9': 0.6, A: 0.1 } }))!;
    expect(d.lines[1]).toBe(lines[1]);
    expect(d.valid).toBe(true);
  });

  it('keeps a reading whose printed check digits fail invalid instead of forcing a correction', () => {
    const lines = td3('L898902C3');
    const bad = [lines[0], lines[1].slice(0, 9) + '1' + lines[1].slice(10)];
    const d = decodeMrz(probsOf(bad))!;
    expect(d.valid).toBe(false);
    expect(d.uncertain).toContain('documentNumber');
    expect(d.fields.documentNumber).toBe('L898902C3');
  });

  // ICAO check digits cannot tell these apart (same value mod 10 under every weight)
  const blind: Array<[string, string]> = [['S', '8'], ['B', '1'], ['I', '8'], ['G', '6'], ['Z', '5'], ['O', '4'], ['D', '3'], ['A', '0'], ['K', '<']];
  for (const [a, b] of blind) {
    it(`marks the document number uncertain on the blind spot ${a}<->${b}`, () => {
      // printed value has `a` at position 7; the model hesitates between `a` and `b`
      const printed = a === 'K' ? 'X1234567K' : `X12345${a}7`;
      const at = a === 'K' ? 8 : 6;
      const lines = td3(printed);
      for (const [pa, pb] of [[0.55, 0.45], [0.45, 0.55], [0.8, 0.2]]) {
        const d = decodeMrz(probsOf(lines, { [`1,${at}`]: { [a]: pa, [b]: pb } }))!;
        expect(d.uncertain).toContain('documentNumber');
        expect(d.valid).toBe(false);
        expect(failingChecks(LAYOUTS.TD3, d.lines)).toEqual([]);
      }
      // a negligible alternative does not block the reading
      const sure = decodeMrz(probsOf(lines, { [`1,${at}`]: { [a]: 0.9995, [b]: 0.0005 } }))!;
      expect(sure.valid).toBe(true);
      expect(sure.fields.documentNumber).toBe(printed.replace(/<+$/, ''));
    });
  }

  it('marks a name with a low-confidence letter uncertain', () => {
    const lines = td3('L898902C3');
    const d = decodeMrz(probsOf(lines, { '0,7': { I: 0.6, L: 0.4 } }))!; // ERIKSSON: the I
    expect(d.uncertain).toEqual(expect.arrayContaining(['lastName']));
    expect(d.valid).toBe(false);
    expect(d.doubtful).toEqual([[0, 7]]); // only that letter: the rest of the name is read surely
  });

  it('names the characters where two readings that pass the checks differ', () => {
    const lines = td3('L898902C3');
    // the document number's L could as well be a 1 (L = 21 and 1 weigh the same mod 10 at weight 7)
    const d = decodeMrz(probsOf(lines, { '1,0': { L: 0.5, '1': 0.5 } }))!;
    expect(d.uncertain).toEqual(['documentNumber']);
    expect(d.doubtful).toEqual([[1, 0]]);
    const clean = decodeMrz(probsOf(lines))!;
    expect(clean.doubtful).toEqual([]);
  });

  // names carry no check digit: a letter the model is not sure of must never be accepted,
  // even when its probability is high (photos make the model confidently wrong on one glyph)
  it('marks a name uncertain when a letter has a close runner-up, though above 0.9', () => {
    const lines = td3('L898902C3');
    for (const [l, i, a, b] of [[0, 7, 'I', 'Z'], [0, 5, 'E', 'F'], [0, 18, 'A', 'R']] as const) { // ERIKSSON: I, E; ANNA: the last A
      const d = decodeMrz(probsOf(lines, { [`${l},${i}`]: { [a]: 0.95, [b]: 0.05 } }))!;
      expect(d.lines[0]).toBe(lines[0]);
      expect(d.uncertain).toEqual(expect.arrayContaining(['lastName', 'firstName']));
      expect(d.valid).toBe(false);
    }
  });

  it('marks a name uncertain when another read of the cell (shifted crop, second model) disagrees, or the cell is washed out', () => {
    const lines = td3('L898902C3');
    const probs = probsOf(lines);
    const sure = (ch: string) => probsOf([ch])[0][0];
    const shifted = lines.map((ln) => new Array(ln.length).fill(undefined));
    const second = lines.map((ln) => new Array(ln.length).fill(undefined));
    for (let i = 0; i < 44; i++) { shifted[0][i] = [sure(lines[0][i]), sure(lines[0][i])]; second[0][i] = sure(lines[0][i]); }
    // every read agrees: accepted
    expect(decodeMrz(probs, {}, undefined, { shifted, second })!.valid).toBe(true);
    // the crop shifted by a fraction of the pitch sees Z where the centred one saw I
    shifted[0][7] = [sure('I'), sure('Z')];
    const d = decodeMrz(probs, {}, undefined, { shifted, second })!;
    expect(d.uncertain).toEqual(expect.arrayContaining(['lastName', 'firstName']));
    expect(d.valid).toBe(false);
    // the second-opinion model reads L where the primary read I
    shifted[0][7] = [sure('I'), sure('I')];
    second[0][7] = sure('L');
    const d2 = decodeMrz(probs, {}, undefined, { shifted, second })!;
    expect(d2.uncertain).toContain('lastName');
    expect(d2.valid).toBe(false);
    // a washed-out cell (glare) is not vouched for, however sure the model is
    second[0][7] = sure('I');
    const contrast = lines.map((ln) => new Array(ln.length).fill(120));
    expect(decodeMrz(probs, {}, undefined, { shifted, second, contrast })!.valid).toBe(true);
    contrast[0][7] = 30;
    expect(decodeMrz(probs, {}, undefined, { shifted, second, contrast })!.valid).toBe(false);
  });

  it('counts the runner-up the other model sees when that model\'s own reading was rejected', () => {
    const lines = td3('L898902C3');
    const probs = probsOf(lines);
    const shifted = lines.map((ln) => new Array(ln.length).fill(undefined));
    const second = lines.map((ln) => new Array(ln.length).fill(undefined));
    second[0][7] = probsOf(lines, { '0,7': { I: 0.96, Z: 0.04 } })[0][7]; // agrees, but torn
    expect(decodeMrz(probs, {}, undefined, { shifted, second })!.valid).toBe(true);
    const d = decodeMrz(probs, {}, undefined, { shifted, second, secondRivals: true })!;
    expect(d.uncertain).toContain('lastName');
    expect(d.valid).toBe(false);
  });

  it('marks the sex uncertain on a close runner-up, and a country letter only when the rival is a listed code', () => {
    const lines = td3('L898902C3');
    const sex = decodeMrz(probsOf(lines, { '1,20': { F: 0.95, M: 0.05 } }))!;
    expect(sex.uncertain).toContain('sex');
    expect(sex.valid).toBe(false);
    // VTO is no country: the U of UTO stands
    const code = decodeMrz(probsOf(lines, { '1,10': { U: 0.95, V: 0.05 } }))!;
    expect(code.fields.nationality).toBe('UTO');
    expect(code.valid).toBe(true);
  });

  it('accepts a clear reading with every letter unrivalled', () => {
    const d = decodeMrz(probsOf(td3('L898902C3'), { '0,7': { I: 0.995, Z: 0.005 } }))!;
    expect(d.uncertain).toEqual([]);
    expect(d.valid).toBe(true);
  });

  it('never accepts a country code that is not on the list, and prefers a listed alternative', () => {
    const lines = td3('L898902C3');
    // nationality UTO (line 2, 10-13): the O read as 0 with some doubt -> corrected, uncertain
    const d = decodeMrz(probsOf(lines, { '1,12': { '0': 0.99, O: 0.01 } }))!;
    expect(d.fields.nationality).toBe('UTO');
    expect(d.uncertain).toContain('nationality');
    expect(d.valid).toBe(false);
    // a confident read of an unknown code (KZR) stays as read but is uncertain
    const kzr = [lines[0], lines[1].slice(0, 10) + 'KZR' + lines[1].slice(13)];
    const d2 = decodeMrz(probsOf(kzr))!;
    expect(d2.fields.nationality).toBe('KZR');
    expect(d2.uncertain).toContain('nationality');
    expect(d2.valid).toBe(false);
  });

  it('decodes TD1 and TD2 shapes', () => {
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    const d1 = decodeMrz(probsOf(td1))!;
    expect(d1.kind).toBe('TD1');
    expect(d1.valid).toBe(true);
    expect(d1.fields.documentNumber).toBe('D23145890');
    const td2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
    const d2 = decodeMrz(probsOf(td2))!;
    expect(d2.kind).toBe('TD2');
    expect(d2.valid).toBe(true);
  });

  describe('a TD1 document number longer than 9 characters, continued into optional data', () => {
    // ICAO 9303-5: first 9 characters, '<' at the check digit, the rest and the check digit in optional data 1
    const long = (num: string, after = '') => {
      const l0 = ('I<UTO' + num.slice(0, 9) + '<' + num.slice(9) + checkDigitChar(num) + (after ? '<' + after : '')).padEnd(30, '<');
      const body = '7408122F1204159UTO' + '<'.repeat(11);
      const composite = checkDigitChar(l0.slice(5, 30) + body.slice(0, 7) + body.slice(8, 15) + body.slice(18, 29));
      return [l0, body + composite, 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    };

    it('joins the number and checks it whole', () => {
      const lines = long('D23145890734');
      expect(lines[0]).toBe('I<UTOD23145890<7349<<<<<<<<<<<');
      expect(failingChecks(LAYOUTS.TD1, lines)).toEqual([]);
      const d = decodeMrz(probsOf(lines))!;
      expect(d.lines).toEqual(lines);
      expect(d.valid).toBe(true);
      expect(d.fields.documentNumber).toBe('D23145890734');
      expect(d.fields.personalNumber).toBe('');
    });

    it('keeps optional data after the number apart from it', () => {
      const d = decodeMrz(probsOf(long('AB1234567890123', 'XY12')))!;
      expect(d.valid).toBe(true);
      expect(d.fields.documentNumber).toBe('AB1234567890123');
      expect(d.fields.personalNumber).toBe('XY12');
    });

    it('names a wrong digit of the continued part as a document-number failure', () => {
      const lines = long('D23145890734');
      const typo = [lines[0].slice(0, 16) + '9' + lines[0].slice(17), lines[1], lines[2]];
      expect(failingChecks(LAYOUTS.TD1, typo)).toContain('documentNumber');
    });

    it('leaves an ordinary number alone when its check digit is half-read as a filler', () => {
      // optional data 1 holds another number (as some ID cards do); position 14 is the 7, not '<'
      const l0 = 'I<UTOD231458907999999990<<<<<<';
      const body = '7408122F1204159UTO' + '<'.repeat(11);
      const lines = [l0, body + checkDigitChar(l0.slice(5, 30) + body.slice(0, 7) + body.slice(8, 15) + body.slice(18, 29)), 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
      expect(failingChecks(LAYOUTS.TD1, lines)).toEqual([]);
      const d = decodeMrz(probsOf(lines, { '0,14': { '<': 0.6, '7': 0.4 } }))!;
      expect(d.lines[0]).toBe(l0);
      expect(d.valid).toBe(true);
      expect(d.fields.documentNumber).toBe('D23145890');
      expect(d.fields.personalNumber).toBe('999999990');
    });

    it('corrects a misread in the continued part by the check digit, and reads the filler at the check position', () => {
      const lines = long('D23145890734');
      // the 3 of the continued part half-read as an 8; the '<' at position 14 seen as a K
      const d = decodeMrz(probsOf(lines, { '0,16': { '8': 0.55, '3': 0.45 }, '0,14': { '<': 0.6, K: 0.4 } }))!;
      expect(d.lines[0]).toBe(lines[0]);
      expect(d.fields.documentNumber).toBe('D23145890734');
    });
  });

  it('property: a reading reported valid always satisfies every check digit', () => {
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<');
    const digit = fc.constantFrom(...'0123456789');
    fc.assert(fc.property(
      fc.array(alnum, { minLength: 9, maxLength: 9 }),
      fc.array(digit, { minLength: 6, maxLength: 6 }),
      fc.array(fc.record({ pos: fc.integer({ min: 0, max: 43 }), a: alnum, b: alnum, p: fc.double({ min: 0.3, max: 0.99, noNaN: true }) }), { maxLength: 6 }),
      (doc, birth, noise) => {
        const lines = td3(doc.join(''), { birth: birth.join('') });
        const o: Record<string, Record<string, number>> = {};
        for (const n of noise) o[`1,${n.pos}`] = n.a === n.b ? { [n.a]: 1 } : { [n.a]: n.p, [n.b]: 1 - n.p };
        const d = decodeMrz(probsOf(lines, o));
        if (d && d.valid) expect(failingChecks(LAYOUTS.TD3, d.lines)).toEqual([]);
      },
    ), { numRuns: 300 });
  });
});
