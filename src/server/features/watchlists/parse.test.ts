import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { parseWatchlistFile, toAlpha3 } from './parse';
import { parsePeopleFile } from './screen';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and newlines inside quotes, CRLF, a BOM and blank lines', () => {
    const text = '\uFEFFid,name\r\n1,"Doe, ""Jack"""\r\n\r\n2,"two\r\nlines"\n3,plain\n';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Doe, "Jack"'] },
      { line: 4, fields: ['2', 'two\r\nlines'] },
      { line: 6, fields: ['3', 'plain'] },
    ]);
  });

  it('keeps empty fields and a last line without a newline', () => {
    expect(parseCsv('a,,""\n,b').records.map((r) => r.fields)).toEqual([['a', '', ''], ['', 'b']]);
  });

  it('reports an unterminated quote and text after a closing quote on their line', () => {
    expect(parseCsv('id,name\n1,"ok"x\n2,"open\n').errors).toEqual([
      { line: 2, reason: 'text after a closing quote' },
      { line: 3, reason: 'unterminated quoted field' },
    ]);
  });
});

describe('watchlist files', () => {
  it('reads a CSV list with aliases, mapping alpha-2 nationalities to alpha-3', () => {
    const csv = 'id,name,aliases,birthDate,nationality,passportNumber,reason\r\n'
      + 'W1,Сергей Иванов,Sergei Ivanov; Sergey Ivanov,1980-04-03,ru,P1234567,fraud\r\n'
      + 'W2,,,,,,\r\n'
      + 'W3,Anna Test,,03/04/1980,DEU,,\r\n'
      + 'W4,Budi Contoh,,1975,XYZ,,\r\n';
    const parsed = parseWatchlistFile(csv);
    expect(parsed.items).toEqual([
      { line: 2, externalId: 'W1', names: ['Сергей Иванов', 'Sergei Ivanov', 'Sergey Ivanov'], birthDates: ['1980-04-03'], nationalities: ['RUS'], documentNumbers: ['P1234567'], reason: 'fraud' },
      { line: 5, externalId: 'W4', names: ['Budi Contoh'], birthDates: ['1975'], nationalities: ['XYZ'], documentNumbers: [], reason: null },
    ]);
    expect(parsed.errors).toEqual([
      { line: 3, reason: 'missing name' },
      { line: 4, reason: 'birthDate "03/04/1980" is not YYYY-MM-DD or YYYY' },
    ]);
  });

  it('reports a CSV without the required columns', () => {
    expect(parseWatchlistFile('ident,fullname\n1,x\n').errors).toEqual([{ line: 1, reason: 'missing column(s): id, name' }]);
  });

  it('reads FtM persons, skips other schemas and reports a bad JSON line without stopping', () => {
    const lines = [
      JSON.stringify({ id: 'ftm-1', schema: 'Person', properties: { name: ['Иван Петров'], alias: ['Ivan Petrov'], birthDate: ['1970'], nationality: ['ru', 'zz'], passportNumber: ['X1'], idNumber: ['I9'], topics: ['wanted', 'crime'] } }),
      '',
      '{"id": "broken", ',
      JSON.stringify({ id: 'org-1', schema: 'Company', properties: { name: ['Contoh PT'] } }),
      JSON.stringify({ id: 'ftm-2', schema: 'Person', properties: { alias: ['Only Alias'] } }),
      JSON.stringify({ schema: 'Person', properties: { name: ['No Id'] } }),
    ].join('\r\n');
    const parsed = parseWatchlistFile(lines);
    expect(parsed.items).toEqual([
      { line: 1, externalId: 'ftm-1', names: ['Иван Петров', 'Ivan Petrov'], birthDates: ['1970'], nationalities: ['RUS', 'zz'], documentNumbers: ['X1', 'I9'], reason: 'wanted; crime' },
      { line: 5, externalId: 'ftm-2', names: ['Only Alias'], birthDates: [], nationalities: [], documentNumbers: [], reason: null },
    ]);
    expect(parsed.skipped).toBe(1);
    expect(parsed.total).toBe(5);
    expect(parsed.errors).toEqual([{ line: 3, reason: 'not valid JSON' }, { line: 6, reason: 'missing id' }]);
  });

  it('maps known alpha-2 codes only', () => {
    expect([toAlpha3('id'), toAlpha3('GB'), toAlpha3('RUS'), toAlpha3('xx')]).toEqual(['IDN', 'GBR', 'RUS', 'xx']);
  });
});

describe('people files', () => {
  it('reads a people CSV into queries with surname and given names apart', () => {
    const parsed = parsePeopleFile('id,surname,givenNames,dateOfBirth,nationality,documentNumber\nP1,IVANOV,SERGEY,1980-04-03,RUS,\nP2,,,,,\n');
    expect(parsed.items).toEqual([{ line: 2, id: 'P1', query: { names: [{ surname: 'IVANOV', given: 'SERGEY' }], dateOfBirth: '1980-04-03', nationality: 'RUS', documentNumbers: [] } }]);
    expect(parsed.errors).toEqual([{ line: 3, reason: 'no name' }]);
  });

  it('reads FtM people, alpha-2 nationality mapped, the first birth date used', () => {
    const line = JSON.stringify({ id: 'p-1', schema: 'Person', properties: { name: ['Ольга Смирнова'], alias: ['Olga Smirnova'], birthDate: ['1988-09-09'], nationality: ['by'], passportNumber: ['MP0000001'] } });
    const parsed = parsePeopleFile(`${line}\n{"id":\n`);
    expect(parsed.items).toEqual([{ line: 1, id: 'p-1', query: { names: ['Ольга Смирнова', 'Olga Smirnova'], dateOfBirth: '1988-09-09', nationality: ['BLR'], documentNumbers: ['MP0000001'] } }]);
    expect(parsed.errors).toEqual([{ line: 2, reason: 'not valid JSON' }]);
  });
});
