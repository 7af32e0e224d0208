import { type PermitStatus, permitStatus } from './kinds';

// The permit status a person's profile shows: that of the latest stay, warned a month ahead.

export const PROFILE_WARN_DAYS = 30;

/** valid / expiring (within 30 days) / expired on `today`; null when there is no stay to judge. */
export function latestPermitStatus(latest: { permitValidUntil: string | null } | null, today: string): PermitStatus | null {
  return latest ? permitStatus(latest.permitValidUntil, today, PROFILE_WARN_DAYS) : null;
}
