// The work and residence report forms' model. The foreigner's part is the check-in form's own
// (values, checks and messages from ../stays/checkInForm, keyed `guest.*`); this module adds the
// worker's employment and maps the server's field names (`worker.*`, `resident.*`, `period.*`).
import { addDays } from '../../../domain/dates';
import { lngInsideIndonesia, latInsideIndonesia } from '../../../domain/reports/kinds';
import { isValidRegionCode } from '../../../domain/regions/codes';
import type { StayInput } from '../../api/types';
import { type Errors, type Translate, type Values, emptyValues, splitServerErrors, toInput, validate } from '../stays/checkInForm';

export type GuestInput = StayInput['guest'];
export type Mode = 'work' | 'residence';

export const WORK_KEYS = ['position', 'worksite.address', 'worksite.villageCode', 'worksite.lat', 'worksite.lng', 'workPermitRef'] as const;
export type WorkKey = (typeof WORK_KEYS)[number];
export type WorkValues = Record<WorkKey, string>;
export type WorkErrors = Partial<Record<WorkKey, string>>;

/** Stable test ids for browser tests. */
export const WORK_TEST_IDS: Record<WorkKey, string> = {
  position: 'work-position', 'worksite.address': 'work-worksite-address', 'worksite.villageCode': 'work-worksite-village',
  'worksite.lat': 'work-worksite-lat', 'worksite.lng': 'work-worksite-lng', workPermitRef: 'work-permit-ref',
};

/** The foreigner's part: a check-in's values; arrival and planned departure are the period. */
export function emptyPerson(today: string, mode: Mode): Values {
  const v = emptyValues(today);
  if (mode === 'work') v['guest.permit.kind'] = 'itas';
  return v;
}

export function emptyWork(villageCode: string): WorkValues {
  const v = Object.fromEntries(WORK_KEYS.map((k) => [k, ''])) as WorkValues;
  v['worksite.villageCode'] = villageCode;
  return v;
}

const VILLAGE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const number = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

/** The check-in's checks for the foreigner and the period, and the employment's own. */
export function validateReport(mode: Mode, person: Values, work: WorkValues, today: string, t: Translate): { person: Errors; work: WorkErrors } {
  const personErrors = validate({ ...person, room: '', lodgingId: '' }, today, t);
  // the period speaks of start and end, not of arrival and departure
  if (person.arrivalDate && person.arrivalDate > addDays(today, 1)) personErrors.arrivalDate = t('workReports.startFuture');
  if (person.plannedDeparture && person.arrivalDate && person.plannedDeparture < person.arrivalDate) personErrors.plannedDeparture = t('workReports.periodOrder');
  if (mode === 'residence') return { person: personErrors, work: {} };
  if (!person.plannedDeparture) personErrors.plannedDeparture = t('validation.required');

  const errors: WorkErrors = {};
  for (const key of ['position', 'worksite.address', 'workPermitRef', 'worksite.villageCode', 'worksite.lat', 'worksite.lng'] as const) {
    if (!work[key].trim()) errors[key] = t('validation.required');
  }
  const village = work['worksite.villageCode'].trim();
  if (village && !(VILLAGE.test(village) && isValidRegionCode(village))) errors['worksite.villageCode'] = t('workReports.villageCode');
  const lat = number(work['worksite.lat']);
  const lng = number(work['worksite.lng']);
  if (!errors['worksite.lat'] && !(Number.isFinite(lat) && latInsideIndonesia(lat))) errors['worksite.lat'] = t('workReports.outsideIndonesia');
  if (!errors['worksite.lng'] && !(Number.isFinite(lng) && lngInsideIndonesia(lng))) errors['worksite.lng'] = t('workReports.outsideIndonesia');
  if (work.position.length > 100) errors.position = t('validation.tooLong', { max: 100 });
  if (work['worksite.address'].length > 200) errors['worksite.address'] = t('validation.tooLong', { max: 200 });
  if (work.workPermitRef.length > 60) errors.workPermitRef = t('validation.tooLong', { max: 60 });
  return { person: personErrors, work: errors };
}

export function toWorkInput(person: Values, work: WorkValues) {
  const { guest, arrivalDate, plannedDeparture } = toInput(person);
  return {
    worker: guest, position: work.position.trim(), workPermitRef: work.workPermitRef.trim(),
    worksite: {
      address: work['worksite.address'].trim(), villageCode: work['worksite.villageCode'].trim(),
      lat: number(work['worksite.lat']), lng: number(work['worksite.lng']),
    },
    period: { from: arrivalDate, until: plannedDeparture ?? '' },
  };
}

export function toResidenceInput(person: Values) {
  const { guest, arrivalDate, plannedDeparture } = toInput(person);
  return { resident: guest, period: plannedDeparture ? { from: arrivalDate, until: plannedDeparture } : { from: arrivalDate } };
}

/** The server's field names back onto the form: `worker.x` / `resident.x` → `guest.x`, `period.*` → the dates. */
export function splitReportErrors(fieldErrors: { field: string; message: string }[]): { person: Errors; work: WorkErrors; other: string[] } {
  const work: WorkErrors = {};
  const rest: { field: string; message: string }[] = [];
  const workKeys = new Set<string>(WORK_KEYS);
  for (const e of fieldErrors) {
    const field = e.field === 'worksite' ? 'worksite.address' : e.field;
    if (workKeys.has(field)) work[field as WorkKey] ??= e.message;
    else {
      const mapped = field === 'period.from' || field === 'period' ? 'arrivalDate'
        : field === 'period.until' ? 'plannedDeparture'
          : field.replace(/^(worker|resident)(\.|$)/, 'guest$2');
      rest.push({ field: mapped, message: e.message });
    }
  }
  const { errors, other } = splitServerErrors(rest);
  return { person: errors, work, other };
}
