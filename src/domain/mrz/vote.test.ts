import { describe, expect, it } from 'vitest';
import { voteMrz } from './vote';
import { checkDigitChar } from './checkdigit';
import type { MrzFieldName, MrzReading } from './types';

// A synthetic TD3 (ICAO's specimen person), with valid check digits.
function td3(): string[] {
  const doc = 'L898902C3', birth = '740812', expiry = '120415', personal = 'ZE184226B<<<<<';
  const body = doc + checkDigitChar(doc) + 'UTO' + birth + checkDigitChar(birth) + 'F' + expiry + checkDigitChar(expiry) + personal + checkDigitChar(personal);
  return ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', body + checkDigitChar(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43))];
}
const TRUE = td3();

/** One frame's reading: the true lines with changes at "line,index", each with its confidence. */
function frame(changes: Record<string, [string, number]> = {}, uncertain: MrzFieldName[] = []): MrzReading {
  const lines = TRUE.map((line, l) => [...line].map((ch, i) => changes[`${l},${i}`]?.[0] ?? ch).join(''));
  const confidences = TRUE.map((line, l) => [...line].map((_, i) => changes[`${l},${i}`]?.[1] ?? 0.99));
  return { valid: false, kind: 'TD3', lines, fields: null, uncertain, confidences, ms: 100 };
}

describe('voteMrz', () => {
  it('settles a character one frame doubts when two others read it surely', () => {
    // line 0, index 7 is the I of ERIKSSON; the first frame half-sees an L there
    const v = voteMrz([frame({ '0,7': ['L', 0.55] }, ['lastName', 'firstName']), frame(), frame()])!;
    expect(v.settled).toBe(true);
    expect(v.lines).toEqual(TRUE);
    expect(v.support[0][7]).toBe(2);
    expect(v.reading.valid).toBe(true);
    expect(v.reading.fields).toMatchObject({ lastName: 'ERIKSSON', firstName: 'ANNA MARIA', documentNumber: 'L898902C3' });
    expect(v.reading.uncertain).toEqual([]);
  });

  it('keeps a name letter that flips between frames uncertain instead of accepting it', () => {
    // the A of ANNA (line 0, index 15) is read surely as A, then R, then A again
    const v = voteMrz([frame(), frame({ '0,15': ['R', 0.97] }), frame()])!;
    expect(v.settled).toBe(false);
    expect(v.unsettled).toEqual([[0, 15]]);
    expect(v.reading.valid).toBe(false);
    expect(v.reading.uncertain).toEqual(expect.arrayContaining(['lastName', 'firstName']));
  });

  it('does not settle a letter that more frames doubted than read surely', () => {
    // a worn letter: the reader is fooled into a sure B in two frames, doubts it in three
    const wrong = { '0,7': ['B', 0.97] as [string, number] };
    const doubt = { ...frame(wrong), doubtful: [[0, 7]] as Array<[number, number]> };
    expect(voteMrz([frame(wrong), doubt, doubt, frame(wrong), doubt])!.unsettled).toEqual([[0, 7]]);
    // as many sure as doubting frames settle it
    expect(voteMrz([doubt, doubt, frame(), frame()])!.settled).toBe(true);
  });

  it('needs two frames: one valid frame alone is not settled', () => {
    const v = voteMrz([{ ...frame(), valid: true }])!;
    expect(v.settled).toBe(false);
    expect(v.unsettled.length).toBe(TRUE.join('').length);
  });

  it('outvotes a single sure misreading when enough frames agree', () => {
    const v = voteMrz([frame(), frame({ '0,15': ['R', 0.95] }), frame(), frame(), frame()])!;
    expect(v.settled).toBe(true);
    expect(v.lines).toEqual(TRUE);
  });

  it('counts the rest of a field whose one character the reader doubted', () => {
    // the frames doubt different letters of the name, each naming only that one
    const a = { ...frame({}, ['lastName', 'firstName']), doubtful: [[0, 7]] as Array<[number, number]> };
    const b = { ...frame({}, ['lastName', 'firstName']), doubtful: [[0, 9]] as Array<[number, number]> };
    const v = voteMrz([a, b, a, b])!;
    expect(v.settled).toBe(true);
    expect(v.support[0][7]).toBe(2);
    // with only field-level doubt, no frame could vouch for any letter of the name
    const w = voteMrz([frame({}, ['lastName', 'firstName']), frame({}, ['lastName', 'firstName'])])!;
    expect(w.settled).toBe(false);
    expect(w.unsettled).toContainEqual([0, 5]);
  });

  it('does not settle a field the reader doubted in every frame', () => {
    // the reader's check-digit blind spot (8/B) in the document number, in both frames
    const v = voteMrz([frame({}, ['documentNumber']), frame({}, ['documentNumber'])])!;
    expect(v.settled).toBe(false);
    expect(v.reading.uncertain).toEqual(['documentNumber']);
  });

  it('leaves out frames whose grid is off (most checks failing) and frames with nothing read', () => {
    const shifted = frame();
    shifted.lines = [TRUE[0], TRUE[1].slice(1) + '<'];
    const none: MrzReading = { valid: false, kind: null, lines: [], fields: null, uncertain: [], confidences: [], ms: 50 };
    const v = voteMrz([shifted, none, frame(), frame()])!;
    expect(v.frames).toBe(2);
    expect(v.settled).toBe(true);
    expect(voteMrz([none])).toBeNull();
  });

  it('reports failing checks of the voted lines', () => {
    // both frames surely read a wrong birth-date digit: the check digit catches it
    const wrong = { '1,14': ['5', 0.99] as [string, number] };
    const v = voteMrz([frame(wrong), frame(wrong), frame(wrong)])!;
    expect(v.failing).toContain('birthDate');
    expect(v.settled).toBe(false);
  });
});
