// Shapes of the HTTP API (docs/api.md). Field names are stable: extend, never rename.

export type Role = 'admin' | 'immigration_officer' | 'timpora_member' | 'field_officer' | 'reporter' | 'auditor';

export interface Abilities {
  checkIn: boolean;
  viewDashboard: boolean;
  manageAgencies: boolean;
  manageUsers: boolean;
  viewAudit: boolean;
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
  reporterOrg: { id: string; kind: string; lodgingType: string | null; name: string; villageCode: string; verified: boolean } | null;
  abilities: Abilities;
}

export interface Country { code: string; nameId: string; nameEn: string }

export type Sex = 'M' | 'F' | 'X';
export const PERMIT_KINDS = ['visa_free_visit', 'visa_on_arrival', 'visit_visa', 'itas', 'itap', 'diplomatic', 'official'] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];

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

export interface StayCreated { id: string; receiptNumber: string; personId: string }

export interface Stay {
  id: string;
  receiptNumber: string;
  personId: string;
  regionCode: string;
  guest: {
    surname: string;
    givenNames: string;
    sex: Sex;
    /** null for agencies whose mandate does not need identifying details */
    dateOfBirth: string | null;
    nationality: string;
    document: { type: string; number: string | null; issuingState: string; expiryDate: string | null };
  };
  permit: { kind: PermitKind; number: string | null; validFrom: string; validUntil: string | null };
  arrivalDate: string;
  plannedDeparture: string | null;
  departureDate: string | null;
  room: string | null;
  lodging: { id: string; name: string };
  createdAt: string;
  abilities: { checkOut: boolean };
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
}

export interface StayEvent { stayId: string; regionCode: string; lodgingId: string; nationality: string; permitKind: string; at: string }

export const AGENCY_KINDS = ['imigrasi', 'kesbangpol', 'polres', 'kodim', 'kejaksaan', 'bin', 'disnaker', 'disdik', 'dukcapil', 'kemenag', 'pemerintah_desa', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
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

export const ROLES: Role[] = ['admin', 'immigration_officer', 'timpora_member', 'field_officer', 'reporter', 'auditor'];
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  areaCode: string | null;
  reporterOrgId: string | null;
  active: boolean;
}

export interface Region { code: string; name: string; level: string; parentCode: string | null; timeZone: string }
