// The facts alert rules look at: one person, everything reported about them, on one day.
// Built by the server from stays, work reports and sightings; rules never do I/O.

import type { PermitKind } from '../permits/kinds';

export type ReportKind = 'lodging' | 'work' | 'residence';

export interface StayFact {
  id: string;
  kind: ReportKind;
  /** the lodging, company or host that reported it */
  reporterId: string;
  regionCode: string;
  arrivalDate: string;
  plannedDeparture: string | null;
  /** null while present */
  departureDate: string | null;
  /** when the report reached the system (ISO timestamp, UTC) */
  reportedAt: string;
  /** the reported arrival as an instant when known (ISO, UTC); else the arrival date counts from its local midnight */
  arrivedAt?: string | null;
  permitKind: PermitKind | string;
  permitValidUntil: string | null;
  documentExpiry: string | null;
  cancelled?: boolean;
}

export interface SightingFact {
  id: string;
  regionCode: string;
  seenOn: string;
  /** what the field officer saw the person doing: work at a worksite is what matters to visa misuse */
  activity: 'work' | 'other';
}

/** One report's account of who holds a document: several reports with different names make a conflict. */
export interface IdentityClaim {
  stayId: string;
  documentNumber: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  dateOfBirth: string;
}

export interface PersonFacts {
  personId: string;
  /** the date in the person's region's time zone */
  today: string;
  /** offset of that zone from UTC in minutes (WITA: 480), to turn local arrival dates into instants */
  utcOffsetMinutes: number;
  stays: StayFact[];
  sightings: SightingFact[];
  identityClaims: IdentityClaim[];
}

export const RULE_IDS = [
  'overstay', 'permit_expiring', 'passport_expired', 'frequent_mover', 'visa_activity_mismatch',
  'stay_not_closed', 'identity_conflict', 'unregistered_presence', 'late_report',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'low' | 'medium' | 'high';

export interface RuleHit {
  rule: RuleId;
  severity: Severity;
  regionCode: string;
  /** the report the alert is about, when there is one */
  stayId: string | null;
  /**
   * Stable while the facts behind the hit do not change: an alert resolved as a false positive is not
   * raised again for the same key, and is raised again when the facts (hence the key) change.
   */
  key: string;
  /** an i18n key and its values: the alert's explanation, readable by an officer */
  explanation: { key: string; params: Record<string, string | number> };
}
