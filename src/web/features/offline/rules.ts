// Pure rules of the offline queue: the legal deadline, when to retry, what a failure means.
import { localDate, utcOffsetHours } from '../../../domain/regions/timezones';
import type { TimeZoneName } from '../../../domain/regions/types';

/** A guest must be reported within 24 hours of arrival. */
export const REPORT_WITHIN_HOURS = 24;

/**
 * The instant (ISO, UTC) a report must reach the office by. The form knows the arrival day,
 * not the hour: a report made on the arrival day counts from the moment it was made (the guest
 * is at the desk); one about an earlier day counts from the end of that day, in the lodging's zone.
 */
export function reportDeadline(arrivalDate: string, createdAt: string, zone: TimeZoneName): string {
  const made = new Date(createdAt);
  let arrival: number;
  if (localDate(made, zone) === arrivalDate) arrival = made.getTime();
  else arrival = Date.parse(`${arrivalDate}T23:59:59Z`) - utcOffsetHours(zone) * 3_600_000;
  return new Date(arrival + REPORT_WITHIN_HOURS * 3_600_000).toISOString();
}

/** Wait before the next try: 2 s doubling to at most 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(300_000, 2_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * What an answer means for a queued report: 'retry' for no connection, a timeout, rate limit,
 * a server fault or an expired login (the clerk logs in again); 'refused' when the server
 * judged the report itself (it must be fixed by the clerk).
 */
export function outcomeOf(status: number): 'sent' | 'retry' | 'refused' {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status === 401 || status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}
