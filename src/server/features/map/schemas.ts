import { ID, REGION_CODE } from '../../http/schemas';

// The map's wire shapes. Places: counts, no personal data. Persons at a place: each field
// null when the field matrix withholds it.

export const PLACE_KINDS = ['lodging', 'worksite', 'sighting'] as const;

export const placesQuery = {
  type: 'object', additionalProperties: false,
  properties: { region: { ...REGION_CODE, description: 'a region inside the caller\'s area (default: the whole area)' } },
} as const;

const nullableString = { type: ['string', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;

const placeJson = {
  type: 'object',
  required: ['kind', 'id', 'name', 'villageCode', 'count'],
  properties: {
    kind: { type: 'string', enum: PLACE_KINDS }, id: { type: 'string' },
    name: { type: 'string', description: 'lodging name; worksite employer (or address without the employment group); sighting category' },
    detail: { ...nullableString, description: 'lodging type; worksite address; sighting time' },
    villageCode: { type: 'string' }, villageName: nullableString, districtName: nullableString,
    lat: { ...nullableNumber, description: 'null: no coordinates (listed under its village)' }, lng: nullableNumber,
    count: { type: 'integer', description: 'foreigners present there now (a sighting: its one subject)' },
  },
} as const;

export const placesJson = {
  type: 'object',
  properties: {
    region: nullableString,
    places: { type: 'array', items: placeJson },
    totals: { type: 'object', properties: { lodging: { type: 'integer' }, worksite: { type: 'integer' }, sighting: { type: 'integer' } } },
  },
  examples: [{
    region: '73.12', totals: { lodging: 3, worksite: 0, sighting: 0 },
    places: [{ kind: 'lodging', id: '7f0c…', name: 'Hotel Maryam', detail: 'hotel', villageCode: '73.12.04.1001', villageName: 'Lalabata Rilau',
      districtName: 'Lalabata', lat: -4.3497, lng: 119.8874, count: 3 }],
  }],
} as const;

export const placeParams = {
  type: 'object', additionalProperties: false, required: ['kind', 'id'],
  properties: { kind: { type: 'string', enum: PLACE_KINDS }, id: ID },
} as const;

export const personsAtPlaceJson = {
  type: 'object',
  properties: {
    place: placeJson,
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          personId: { ...nullableString, description: 'null: a sighting not (yet) linked to a person' },
          surname: nullableString, givenNames: nullableString, sex: nullableString, nationality: nullableString,
          since: { ...nullableString, description: 'arrival date, or when a sighting was observed' }, room: nullableString,
          permit: { type: ['object', 'null'], properties: { kind: { type: 'string' }, validUntil: nullableString, status: nullableString } },
          employment: { type: ['object', 'null'], properties: { position: nullableString, employer: nullableString } },
        },
      },
    },
  },
} as const;

export const mapConfigJson = {
  type: 'object',
  properties: {
    tileUrl: { ...nullableString, description: 'tile URL template ({z}/{x}/{y}); null: no tiles (markers on a plain background, or the list)' },
    attribution: nullableString,
  },
} as const;
