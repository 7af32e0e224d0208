import { REGION_CODE, pageQuery } from '../../http/schemas';

// Shapes only; the rules with their own messages (NIB, NIK, GPS, ...) are in
// src/domain/validation/registration.ts so a 400 names the field in words a clerk understands.

const text = (maxLength: number) => ({ type: 'string', maxLength } as const);

export const registrationBody = {
  type: 'object', required: ['kind', 'name', 'address', 'villageCode', 'email', 'username', 'password'], additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['lodging', 'company', 'private'], description: 'lodging (hotel, villa, homestay, guest house, kos), company or sponsor, or private person' },
    name: text(150), lodgingType: text(20), nib: { ...text(30), description: 'Nomor Induk Berusaha, 13 digits (lodging, company)' },
    nik: { ...text(30), description: 'Nomor Induk Kependudukan, 16 digits (private person)' },
    address: text(300), villageCode: { ...text(20), description: 'village (desa/kelurahan) code, e.g. 73.12.04.1001' },
    lat: { type: 'number', minimum: -90, maximum: 90 }, lng: { type: 'number', minimum: -180, maximum: 180 },
    personInCharge: text(100), phone: text(30), email: text(200),
    username: text(40), password: { type: 'string', maxLength: 256 },
  },
  examples: [{
    kind: 'lodging', name: 'Penginapan Contoh', lodgingType: 'homestay', nib: '9120001234567', address: 'Jl. Contoh No. 1',
    villageCode: '73.12.04.1001', lat: -4.35, lng: 119.88, personInCharge: 'Sitti Contoh', phone: '0812 3456 7890',
    email: 'penginapan@example.id', username: 'penginapan.contoh', password: 'kata-sandi-panjang',
  }],
} as const;

export const registeredJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, status: { type: 'string', enum: ['pending'] },
    emailSent: { type: 'boolean', description: 'false when the mail server refused the verification mail' },
  },
} as const;

export const verifyEmailBody = {
  type: 'object', required: ['token'], additionalProperties: false, properties: { token: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const registrationJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, kind: { type: 'string' }, lodgingType: { type: ['string', 'null'] }, name: { type: 'string' },
    nib: { type: ['string', 'null'] }, nik: { type: ['string', 'null'] }, address: { type: 'string' },
    village: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, district: { type: 'string' }, regency: { type: 'string' }, province: { type: 'string' } } },
    lat: { type: ['number', 'null'] }, lng: { type: ['number', 'null'] }, personInCharge: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] }, email: { type: ['string', 'null'] }, emailVerified: { type: 'boolean' }, username: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['pending', 'approved', 'rejected'] }, rejectedReason: { type: ['string', 'null'] },
    submittedAt: { type: 'string' }, decidedAt: { type: ['string', 'null'] },
    abilities: { type: 'object', properties: { approve: { type: 'boolean' }, reject: { type: 'boolean' } } },
  },
} as const;

export const registrationListQuery = {
  type: 'object', additionalProperties: false,
  properties: { status: { type: 'string', enum: ['pending', 'approved', 'rejected'], default: 'pending' }, ...pageQuery },
} as const;

export const registrationParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;
export const rejectBody = { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } } } as const;
export const regionsQuery = { type: 'object', additionalProperties: false, properties: { parent: REGION_CODE } } as const;
