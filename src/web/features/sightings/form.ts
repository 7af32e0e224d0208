// The field form's values, checks and the body they become (pure: unit-tested).
import { INDONESIA_BOUNDS } from '../../../domain/reports/kinds';
import { ACTIVITY_CATEGORIES, type ActivityCategory, SIGHTING_MAX_AGE_DAYS } from '../../../domain/sightings';
import type { SightingInput } from './types';

export interface FormValues {
  observedAt: string; // datetime-local, the phone's clock
  lat: string; lon: string; villageCode: string; rw: string; rt: string;
  name: string; nationality: string; description: string;
  category: ActivityCategory | ''; note: string;
}
export type FormKey = keyof FormValues;
export type FormErrors = Partial<Record<FormKey, string>>;

/** "2025-06-01T09:30" in the phone's own zone. */
export function localNow(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export const emptyForm = (villageCode = ''): FormValues => ({
  observedAt: localNow(), lat: '', lon: '', villageCode, rw: '', rt: '', name: '', nationality: '', description: '', category: '', note: '',
});

const number = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));

/** i18n keys of the problems, by field. */
export function checkForm(v: FormValues, now = new Date()): FormErrors {
  const e: FormErrors = {};
  const at = Date.parse(v.observedAt);
  if (!v.observedAt || Number.isNaN(at)) e.observedAt = 'sightings.errors.required';
  else if (at > now.getTime() + 10 * 60_000) e.observedAt = 'sightings.errors.future';
  else if (at < now.getTime() - SIGHTING_MAX_AGE_DAYS * 86_400_000) e.observedAt = 'sightings.errors.tooOld';
  const lat = number(v.lat);
  const lon = number(v.lon);
  if (Number.isNaN(lat)) e.lat = 'sightings.errors.required';
  else if (lat < INDONESIA_BOUNDS.minLat || lat > INDONESIA_BOUNDS.maxLat) e.lat = 'sightings.errors.outsideIndonesia';
  if (Number.isNaN(lon)) e.lon = 'sightings.errors.required';
  else if (lon < INDONESIA_BOUNDS.minLng || lon > INDONESIA_BOUNDS.maxLng) e.lon = 'sightings.errors.outsideIndonesia';
  if (!v.villageCode) e.villageCode = 'sightings.errors.required';
  if (v.rw && !/^\d{1,3}$/.test(v.rw)) e.rw = 'sightings.errors.rtRw';
  if (v.rt && !/^\d{1,3}$/.test(v.rt)) e.rt = 'sightings.errors.rtRw';
  if (!v.category || !ACTIVITY_CATEGORIES.includes(v.category)) e.category = 'sightings.errors.required';
  return e;
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

export function toInput(v: FormValues): SightingInput {
  const subject = { name: opt(v.name), nationality: opt(v.nationality), description: opt(v.description) };
  return {
    observedAt: new Date(v.observedAt).toISOString(),
    location: { lat: number(v.lat), lon: number(v.lon), villageCode: v.villageCode, ...(opt(v.rw) ? { rw: v.rw.trim() } : {}), ...(opt(v.rt) ? { rt: v.rt.trim() } : {}) },
    subject: Object.fromEntries(Object.entries(subject).filter(([, x]) => x !== undefined)),
    activity: { category: v.category as ActivityCategory, ...(opt(v.note) ? { note: v.note.trim() } : {}) },
  };
}

/** Server field paths (location.lat, subject.name, ...) to the form's keys. */
export const FIELD_OF: Record<string, FormKey> = {
  observedAt: 'observedAt', 'location.lat': 'lat', 'location.lon': 'lon', 'location.villageCode': 'villageCode', 'location.rw': 'rw', 'location.rt': 'rt',
  'subject.name': 'name', 'subject.nationality': 'nationality', 'subject.description': 'description', 'activity.category': 'category', 'activity.note': 'note',
};
