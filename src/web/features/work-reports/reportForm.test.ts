import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates';
import { emptyPerson, emptyWork, splitReportErrors, toResidenceInput, toWorkInput, validateReport } from './reportForm';

const t = (key: string) => key;
const TODAY = '2026-11-30';

function filled() {
  const person = {
    ...emptyPerson(TODAY, 'work'),
    'guest.surname': 'KOWALSKA', 'guest.sex': 'F', 'guest.dateOfBirth': '1986-07-02', 'guest.nationality': 'POL',
    'guest.document.number': 'AB123456', 'guest.document.issuingState': 'POL', 'guest.document.expiryDate': '2031-01-01',
    'guest.permit.validUntil': addDays(TODAY, 300), plannedDeparture: addDays(TODAY, 300),
  };
  const work = { ...emptyWork('73.12.03.1001'), position: 'Teknisi', 'worksite.address': 'Pabrik', 'worksite.lat': '-4,33', 'worksite.lng': '119.87', workPermitRef: 'RPTKA-1' };
  return { person, work };
}

describe('work report form', () => {
  it('starts a worker on ITAS at the company village and sends the period and a decimal comma as numbers', () => {
    const { person, work } = filled();
    expect(emptyPerson(TODAY, 'work')['guest.permit.kind']).toBe('itas');
    expect(validateReport('work', person, work, TODAY, t)).toEqual({ person: {}, work: {} });
    const input = toWorkInput(person, work);
    expect(input.worksite).toEqual({ address: 'Pabrik', villageCode: '73.12.03.1001', lat: -4.33, lng: 119.87 });
    expect(input.period).toEqual({ from: TODAY, until: addDays(TODAY, 300) });
    expect(toResidenceInput({ ...person, plannedDeparture: '' }).period).toEqual({ from: TODAY });
  });

  it('names the employment fields and the period on the form', () => {
    const { person, work } = filled();
    const found = validateReport('work', { ...person, plannedDeparture: addDays(TODAY, -5) }, { ...work, 'worksite.lat': '48.8', 'worksite.villageCode': '', position: ' ' }, TODAY, t);
    expect(found.person.plannedDeparture).toBe('workReports.periodOrder');
    expect(found.work).toMatchObject({ 'worksite.lat': 'workReports.outsideIndonesia', 'worksite.villageCode': 'validation.required', position: 'validation.required' });
    expect(validateReport('residence', { ...person, plannedDeparture: '' }, work, TODAY, t).person.plannedDeparture).toBeUndefined();
  });

  it('maps the server\'s field names back onto the form', () => {
    const split = splitReportErrors([
      { field: 'worker.dateOfBirth', message: 'a' }, { field: 'resident.nationality', message: 'b' }, { field: 'period.until', message: 'c' },
      { field: 'worksite.lng', message: 'd' }, { field: 'period.from', message: 'e' }, { field: 'somethingElse', message: 'f' },
    ]);
    expect(split.person).toMatchObject({ 'guest.dateOfBirth': 'a', 'guest.nationality': 'b', plannedDeparture: 'c', arrivalDate: 'e' });
    expect(split.work).toEqual({ 'worksite.lng': 'd' });
    expect(split.other).toEqual(['somethingElse: f']);
  });
});
