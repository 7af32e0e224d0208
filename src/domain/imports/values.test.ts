import { describe, expect, it } from 'vitest';
import { headerKey, mappingByHeader, suggestMapping } from './fields';
import { readDate, readPermitKind, readSex } from './values';

describe('cell values of a guest file', () => {
  it('reads dd/mm/yyyy, yyyy-mm-dd and Excel serial dates, and refuses impossible ones', () => {
    expect(readDate('05/03/1990')).toBe('1990-03-05');
    expect(readDate('5-3-1990')).toBe('1990-03-05');
    expect(readDate('05.03.1990')).toBe('1990-03-05');
    expect(readDate('1990-03-05')).toBe('1990-03-05');
    expect(readDate('1990/3/5')).toBe('1990-03-05');
    expect(readDate('2024-01-31T00:00:00')).toBe('2024-01-31');
    expect(readDate('45292')).toBe('2024-01-01'); // Excel serial
    expect(readDate('45292.5')).toBe('2024-01-01');
    expect(readDate('31/02/1990')).toBeNull();
    expect(readDate('13/13/2020')).toBeNull();
    expect(readDate('segera')).toBeNull();
    expect(readDate('12')).toBeNull(); // before March 1900: Excel's calendar is wrong there
    expect(readDate('')).toBeNull();
  });

  it('reads sex and permit kinds as Indonesian and English files write them', () => {
    expect(['L', 'Laki-laki', 'pria', 'M', 'male'].map(readSex)).toEqual(['M', 'M', 'M', 'M', 'M']);
    expect(['P', 'Perempuan', 'wanita', 'F', 'Female'].map(readSex)).toEqual(['F', 'F', 'F', 'F', 'F']);
    expect(readSex('Q')).toBeNull();
    expect(readPermitKind('Bebas Visa')).toBe('visa_free_visit');
    expect(readPermitKind('VoA')).toBe('visa_on_arrival');
    expect(readPermitKind('KITAS')).toBe('itas');
    expect(readPermitKind('itap')).toBe('itap');
    expect(readPermitKind('visa_on_arrival')).toBe('visa_on_arrival');
    expect(readPermitKind('Tiket Emas')).toBeNull();
  });
});

describe('column mapping', () => {
  it('suggests fields from common Indonesian and English headers', () => {
    const headers = ['No.', 'Nama Belakang', 'Nama Depan', 'JK', 'Tgl. Lahir', 'Kewarganegaraan', 'No. Paspor', 'Passport Expiry', 'Jenis Visa', 'Check In', 'Check Out', 'Room No'];
    expect(suggestMapping(headers)).toEqual({
      surname: 1, givenNames: 2, sex: 3, dateOfBirth: 4, nationality: 5, documentNumber: 6, documentExpiry: 7, permitKind: 8, arrivalDate: 9, departureDate: 10, room: 11,
    });
    expect(suggestMapping(['Surname', 'Passport No', 'Arrival'])).toEqual({ surname: 0, documentNumber: 1, arrivalDate: 2 });
  });

  it('puts the lodging\'s remembered choice first, one column per field', () => {
    const headers = ['Nama', 'Kamar Tamu', 'Paspor'];
    const remembered = mappingByHeader({ room: 1, surname: 0 }, headers);
    expect(remembered).toEqual({ room: 'Kamar Tamu', surname: 'Nama' });
    expect(suggestMapping(headers, remembered)).toEqual({ surname: 0, room: 1, documentNumber: 2 }); // "Nama" not also given names
    expect(headerKey(' No. Paspor ')).toBe('nopaspor');
  });
});
