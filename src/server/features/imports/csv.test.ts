import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseCsvTable } from './csv';

describe('guest CSV', () => {
  it('guesses the delimiter from the header line', () => {
    expect(guessDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(guessDelimiter('a,b,c\n')).toBe(',');
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
  });

  it('reads quotes, doubled quotes, line breaks in fields, CRLF, a BOM, and keeps each record\'s line', () => {
    const text = '\uFEFFnama;catatan\r\n"DE VRIES";"kamar ""atas""; dekat tangga"\r\nSMITH;"baris\nkedua"\r\n\r\nLEE;\r\n';
    const t = parseCsvTable(text);
    expect(t.problem).toBeNull();
    expect(t.records).toEqual([['nama', 'catatan'], ['DE VRIES', 'kamar "atas"; dekat tangga'], ['SMITH', 'baris\nkedua'], ['LEE', '']]);
    expect(t.lines).toEqual([1, 2, 3, 6]);
  });

  it('names an unterminated quote', () => {
    expect(parseCsvTable('a,b\n"open,2\n').problem).toMatch(/unterminated quoted field starting on line 2/);
  });
});
