// Shapes of the HTTP API (docs/api.md). Field names are stable: extend, never rename.
// Only wire shapes live here: code tables, shared types and validation come from src/domain.
import type { AgencyKind } from '../../domain/access/field-matrix';
import type { Finding } from '../../domain/access/findings';
import type { Role } from '../../domain/access/roles';
import type { PermitKind } from '../../domain/permits/kinds';
import type { ReportKind } from '../../domain/reports/kinds';

// Re-exported for modules that still import them from here (checkInForm.ts).
export type { PermitKind };

export interface Abilities {
  checkIn: boolean;
  /** the guest list: reporters (their own) and officers (their area) */
  listStays: boolean;
  viewDashboard: boolean;
  manageAgencies: boolean;
  manageUsers: boolean;
  viewAudit: boolean;
  /** identity conflicts (screening); optional until every server sends it */
  viewIdentityConflicts?: boolean;
  /** the list of everyone present in the area (officers) */
  viewPresent?: boolean;
  /** person search (officers) */
  searchPersons?: boolean;
  /** the alert inbox (screening agencies of the area) */
  viewAlerts?: boolean;
  /** the registration queue (immigration officers of an area) */
  reviewRegistrations?: boolean;
  /** a lodging's guest pre-registrations (drafts, link, poster) */
  preregistration?: boolean;
  /** a verified company reports its foreign workers */
  reportWorkers?: boolean;
  /** the workers list: a company's own, an officer's area */
  listWorkers?: boolean;
  /** a verified private host reports a foreigner living with them */
  reportResidence?: boolean;
  /** field officers and Timpora officers report sightings (the PWA field form) */
  reportSightings?: boolean;
  /** the team's triage list of sightings in its area */
  triageSightings?: boolean;
  /** the Timpora team pages (members, field officers, administrators) */
  viewTeams?: boolean;
  /** follow-up tasks of the caller's teams (officers) */
  myTasks?: boolean;
  /** cases (temuan dan tindak lanjut) and joint operations: officers */
  viewCases?: boolean;
  viewOperations?: boolean;
  planOperations?: boolean;
  /** the team channel and the notification bell (officers) */
  teamChannel?: boolean;
  /** API keys for hotel software (reporters, signed in) */
  manageApiKeys?: boolean;
  /** probable links (possibly the same person): officers see them; immigration and police merge */
  viewProbableLinks?: boolean;
  mergePersons?: boolean;
  /** the supervision map of the area (officers who see whereabouts) */
  viewMap?: boolean;
  /** watchlists: immigration, police and intelligence see them; immigration and administrators keep them */
  viewWatchlists?: boolean;
  editWatchlists?: boolean;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale?: string | null;
  totpEnabled?: boolean;
  agency: { id: string; kind: string; name: string } | null;
  area: { code: string; name: string; level: string; timeZone: string } | null;
  reporterOrg: {
    id: string; kind: string; lodgingType: string | null; name: string; villageCode: string; verified: boolean;
    /** self-registered reporters: pending | approved | rejected (null: entered by an administrator) */
    registrationStatus?: 'pending' | 'approved' | 'rejected' | null; rejectedReason?: string | null;
  } | null;
  /** every area supervised: own plus active Timpora teams' */
  areas?: { code: string; name: string }[];
  /** field groups this account sees (docs/access.md) */
  fieldGroups?: string[];
  abilities: Abilities;
}

export interface Country { code: string; nameId: string; nameEn: string }

export type Sex = 'M' | 'F' | 'X';

export interface StayInput {
  guest: {
    surname: string;
    givenNames: string;
    sex: Sex;
    dateOfBirth: string;
    nationality: string;
    document: { type: 'passport'; number: string; issuingState: string; expiryDate: string };
    permit: { kind: PermitKind; number?: string; validFrom: string; validUntil?: string };
  };
  arrivalDate: string;
  plannedDeparture?: string;
  room?: string;
  lodgingId?: string;
}

export interface StayCreated { id: string; receiptNumber: string; personId: string; verifyUrl?: string }

/**
 * A stay as its reporter gave it. Every personal field is null when the field matrix
 * (src/domain/access/field-matrix.ts) withholds its group from the caller's agency.
 */
export interface Stay {
  id: string;
  receiptNumber: string;
  /** the linked person; only for agencies that work screening */
  personId: string | null;
  regionCode: string;
  guest: {
    surname: string | null;
    givenNames: string | null;
    sex: Sex | null;
    dateOfBirth: string | null;
    nationality: string | null;
    document: { type: string | null; number: string | null; issuingState: string | null; expiryDate: string | null };
  };
  permit: { kind: PermitKind | null; number: string | null; validFrom: string | null; validUntil: string | null };
  arrivalDate: string | null;
  plannedDeparture: string | null;
  departureDate: string | null;
  /** still staying (known even when the dates are withheld) */
  present: boolean;
  room: string | null;
  lodging: { id: string; name: string } | null;
  findings: Finding[];
  /** lodging guest, foreign worker or resident with a private host */
  reportKind?: ReportKind;
  /** a worker's employment; null unless the caller sees the `employment` group */
  employment?: Employment | null;
  createdAt: string;
  /** a report cancelled as mistaken: kept and shown, never present */
  cancelled?: boolean;
  cancelReason?: string | null;
  arrivalTime?: string | null;
  receiptGroup?: string;
  abilities: { checkOut: boolean; change?: boolean; move?: boolean; correct?: boolean; cancel?: boolean; reopen?: boolean };
}

export interface Employment {
  employer: { id: string; name: string };
  position: string;
  worksite: { address: string; villageCode: string; lat: number; lng: number };
  workPermitRef: string;
  period: { from: string; until: string };
}

export interface Lodging {
  id: string; name: string; kind: 'lodging' | 'company'; lodgingType: string | null; address: string;
  villageCode: string; villageName: string; verified: boolean;
}

export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

export interface PresentStats {
  region: string | { code: string; name?: string };
  presentCount: number;
  byNationality: Record<string, number>;
  byPermitKind: Record<string, number>;
  /** present by report kind: lodging, work, residence */
  byReportKind?: Record<string, number>;
}

export interface StayEvent { stayId: string; regionCode: string; lodgingId: string; nationality: string; permitKind: string; at: string }

export interface Agency { id: string; kind: AgencyKind; name: string; regionCode: string }

export const REPORTER_KINDS = ['lodging', 'company', 'private'] as const;
export const LODGING_TYPES = ['hotel', 'villa', 'homestay', 'guest_house', 'kos', 'other'] as const;
export interface ReporterOrg {
  id: string;
  kind: (typeof REPORTER_KINDS)[number];
  lodgingType: string | null;
  name: string;
  address?: string | null;
  villageCode: string;
  verified: boolean;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  areaCode: string | null;
  reporterOrgId: string | null;
  active: boolean;
  /** the two-person rule: an account that can see personal data waits for a second administrator */
  approval: 'approved' | 'pending' | 'rejected';
  abilities: { approve: boolean; reject: boolean };
}

export interface Region { code: string; name: string; level: string; parentCode: string | null; timeZone: string }

export type ConflictDecision = 'keep_person' | 'take_reported';

/** A report whose identity differs from its person's: field → { person, reported }. */
export interface IdentityConflict {
  id: string;
  personId: string;
  stayId: string;
  regionCode: string;
  fields: Record<string, { person: string; reported: string }>;
  status: 'open' | 'resolved';
  resolution: ConflictDecision | null;
  reason: string | null;
  resolvedAt: string | null;
  createdAt: string;
  abilities: { resolve: boolean };
}
