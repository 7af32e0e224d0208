import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, toInput } from './form';

const now = new Date('2026-06-01T04:00:00Z');
const filled = { ...emptyForm('73.12.04.1001'), observedAt: '2026-06-01T10:30', lat: '-4,3505', lon: '119.8857', category: 'working' as const, rw: '2', note: '  bata ' };

describe('field form', () => {
  it('accepts a complete report and builds the API body (comma decimals, trimmed, empty fields left out)', () => {
    expect(checkForm(filled, new Date(Date.parse('2026-06-01T10:30') + 60_000))).toEqual({});
    const input = toInput(filled);
    expect(input.location).toEqual({ lat: -4.3505, lon: 119.8857, villageCode: '73.12.04.1001', rw: '2' });
    expect(input.subject).toEqual({});
    expect(input.activity).toEqual({ category: 'working', note: 'bata' });
    expect(input.observedAt).toBe(new Date('2026-06-01T10:30').toISOString());
  });
  it('names what is missing or impossible', () => {
    const e = checkForm({ ...emptyForm(), observedAt: '2030-01-01T00:00', lat: '40.7', lon: '', rt: 'x' }, now);
    expect(e).toEqual({
      observedAt: 'sightings.errors.future', lat: 'sightings.errors.outsideIndonesia', lon: 'sightings.errors.required',
      villageCode: 'sightings.errors.required', rt: 'sightings.errors.rtRw', category: 'sightings.errors.required',
    });
    expect(checkForm({ ...filled, observedAt: '2026-04-01T00:00' }, now).observedAt).toBe('sightings.errors.tooOld');
  });
});
