import type { PermitKind } from '../permits/kinds';
import type { RuleId } from './types';

// Each rule's settings, with the defaults a new installation starts from. An office may change
// them (the server keeps its copy in settings); rules read nothing else.

export interface RuleSettings {
  enabled: Record<RuleId, boolean>;
  /** permit ending within these many days: the first raises a medium alert, the second a low one */
  permitExpiring: { soonDays: number; warnDays: number };
  /** this many different lodgings with arrivals inside a window of this many days */
  frequentMover: { lodgings: number; withinDays: number };
  /** present this many days after the planned departure (or after the permit's end when none was given) */
  stayNotClosed: { graceDays: number };
  /** permits that do not allow work; a work report or a work sighting during one is a mismatch */
  visitPermits: readonly (PermitKind | string)[];
  /** a work sighting counts against a visit permit for this many days */
  sightingWindowDays: number;
  /** a report is late when it reaches the system more than this many hours after arrival */
  lateReport: { afterHours: number };
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  enabled: {
    overstay: true, permit_expiring: true, passport_expired: true, frequent_mover: true, visa_activity_mismatch: true,
    stay_not_closed: true, identity_conflict: true, unregistered_presence: true, late_report: true,
  },
  permitExpiring: { soonDays: 7, warnDays: 30 },
  frequentMover: { lodgings: 3, withinDays: 7 },
  stayNotClosed: { graceDays: 3 },
  visitPermits: ['visa_free_visit', 'visa_on_arrival', 'visit_visa'],
  sightingWindowDays: 30,
  lateReport: { afterHours: 24 },
};
