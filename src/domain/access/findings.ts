// Findings: facts officers must know about a report, stored with it and never a reason to
// refuse it (DESIGN.md "Errors versus findings"). Each belongs to the field group it speaks of.
import type { FieldGroup } from './field-matrix';

export const FINDINGS = ['passport_expired', 'permit_ended', 'stay_beyond_permit', 'late_report'] as const;
export type Finding = (typeof FINDINGS)[number];

/** A finding is shown only to those who see its field group. */
export const FINDING_GROUPS: Record<Finding, FieldGroup> = {
  passport_expired: 'document', permit_ended: 'permit', stay_beyond_permit: 'permit', late_report: 'whereabouts',
};
