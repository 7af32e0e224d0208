import { describe, expect, it } from 'vitest';
import { type RegistrationInput, checkRegistration, insideIndonesia, isNib, isNik, isPhone } from './registration';

const lodging: RegistrationInput = {
  kind: 'lodging', name: 'Penginapan Uji', lodgingType: 'homestay', nib: '9120001234567', address: 'Jl. Uji No. 1',
  villageCode: '73.12.04.1001', lat: -4.35, lng: 119.88, personInCharge: 'Sitti Uji', phone: '0812 3456 7890',
  email: 'uji@example.id', username: 'penginapan.uji', password: 'kata-sandi-panjang',
};
const fields = (input: RegistrationInput) => checkRegistration(input).map((p) => `${p.field}:${p.key}`);

describe('registration rules', () => {
  it('accepts a complete lodging, company and private person', () => {
    expect(fields(lodging)).toEqual([]);
    expect(fields({ ...lodging, kind: 'company', lodgingType: undefined, lat: undefined, lng: undefined })).toEqual([]);
    expect(fields({ ...lodging, kind: 'private', nib: undefined, nik: '7312044512900001', personInCharge: undefined, phone: undefined, lat: undefined, lng: undefined })).toEqual([]);
  });
  it('names each bad field with its own message', () => {
    expect(fields({ ...lodging, nib: '12345' })).toEqual(['nib:field.nib_format']);
    expect(fields({ ...lodging, lat: 35.68, lng: 139.69 })).toEqual(['lat:field.gps_outside_indonesia']);
    expect(fields({ ...lodging, lat: -4.35, lng: 150 })).toEqual(['lng:field.gps_outside_indonesia']);
    expect(fields({ ...lodging, lng: undefined })).toEqual(['lng:field.gps_pair']);
    expect(fields({ ...lodging, lat: undefined, lng: undefined })).toEqual(['lat:field.required']);
    expect(fields({ ...lodging, villageCode: '73.12' })).toEqual(['villageCode:field.not_village']);
    expect(fields({ ...lodging, password: 'short' })).toEqual(['password:field.password_weak']);
    expect(fields({ ...lodging, password: 'Penginapan.Uji' })).toEqual(['password:field.password_is_username']);
    expect(fields({ ...lodging, username: 'A B' })).toEqual(['username:field.username_format']);
    expect(fields({ ...lodging, email: 'not-an-address' })).toEqual(['email:field.email_format']);
    expect(fields({ ...lodging, kind: 'private', nib: undefined, nik: '7312041390000001' })).toContain('nik:field.nik_format');
  });
  it('knows NIB, NIK, phone and Indonesia\'s box', () => {
    expect(isNib('912 0001 234567')).toBe(true);
    expect(isNib('91200012345678')).toBe(false);
    expect(isNik('7312045512900001')).toBe(true); // a woman born 15.12.90
    expect(isNik('7312043212900001')).toBe(false); // day 32
    expect(isNik('731204151290000')).toBe(false);
    expect(isPhone('+62 484 000101')).toBe(true);
    expect(isPhone('12345')).toBe(false);
    expect(insideIndonesia(-8.65, 115.22)).toBe(true); // Denpasar
    expect(insideIndonesia(1.29, 103.85)).toBe(true); // Singapore lies inside the box: a box is only a first check
    expect(insideIndonesia(14.6, 121.0)).toBe(false); // Manila
  });
});
