// Need to know, as a table: which role and agency kind sees which group of a person's
// fields. Every output (JSON, PDF, export, live event, search) asks this table; a field
// outside the actor's groups is sent as null, printed masked, and never matched in search.
// docs/access.md is rendered from this file (npm run docs:access); a test keeps it current.

export const FIELD_GROUPS = ['identity', 'document', 'whereabouts', 'permit', 'employment', 'study', 'religion', 'screening'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** What each group holds (English; docs/access.md prints it). */
export const GROUP_FIELDS: Record<FieldGroup, { fields: string[]; why: string }> = {
  identity: { fields: ['surname', 'given names', 'sex', 'nationality'], why: 'to recognise the person at all' },
  document: {
    fields: ['date of birth', 'passport number', 'issuing state', 'passport expiry'],
    why: 'identifiers that find the person in other registers (SIMKIM, police, prosecution); only agencies that act on a person need them',
  },
  whereabouts: { fields: ['lodging', 'village', 'room', 'arrival and departure dates'], why: 'where the person is and was' },
  permit: { fields: ['stay permit kind', 'permit number', 'valid from / until'], why: 'whether the stay is lawful' },
  employment: { fields: ['employer / sponsor', 'position', 'worksite', 'work permit / RPTKA'], why: 'manpower supervision (Disnaker)' },
  study: { fields: ['school / university', 'study permit'], why: 'foreign students and teachers (Disdik)' },
  religion: { fields: ['religious activity', 'religious organisation'], why: 'foreign religious workers (Kemenag)' },
  screening: { fields: ['watchlist hits', 'alerts', 'identity conflicts', 'findings'], why: 'early warning is worked by enforcement agencies' },
};

export const AGENCY_KINDS = ['imigrasi', 'kesbangpol', 'polres', 'kodim', 'kejaksaan', 'bin', 'disnaker', 'disdik', 'dukcapil', 'kemenag', 'pemerintah_desa', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

const BASE: FieldGroup[] = ['identity', 'whereabouts', 'permit'];

/** A Timpora member's groups, by the kind of its agency. */
export const AGENCY_FIELD_GROUPS: Record<AgencyKind, readonly FieldGroup[]> = {
  imigrasi: FIELD_GROUPS,
  polres: [...BASE, 'document', 'screening'],
  kejaksaan: [...BASE, 'document', 'screening'],
  bin: [...BASE, 'document', 'screening'],
  kodim: [...BASE, 'document'],
  kesbangpol: BASE,
  disnaker: [...BASE, 'employment'],
  disdik: [...BASE, 'study'],
  dukcapil: BASE,
  kemenag: [...BASE, 'religion'],
  pemerintah_desa: ['identity', 'whereabouts'],
  other: ['identity'],
};

/** Groups by role; timpora_member is decided by agency kind (above). */
export const ROLE_FIELD_GROUPS = {
  immigration_officer: FIELD_GROUPS,
  /** its own reports only: what it typed itself */
  reporter: ['identity', 'document', 'whereabouts', 'permit', 'employment'],
  field_officer: ['identity', 'whereabouts'],
  admin: [],
  auditor: [],
} as const satisfies Record<string, readonly FieldGroup[]>;

export interface FieldViewer { role: string; agencyKind: string | null }

export function fieldGroupsOf(viewer: FieldViewer): ReadonlySet<FieldGroup> {
  if (viewer.role === 'timpora_member') {
    return new Set(AGENCY_FIELD_GROUPS[(viewer.agencyKind ?? 'other') as AgencyKind] ?? AGENCY_FIELD_GROUPS.other);
  }
  return new Set((ROLE_FIELD_GROUPS as Record<string, readonly FieldGroup[]>)[viewer.role] ?? []);
}

/** Masks all but the last `keep` characters: a receipt may show "•••••4567". */
export function maskTail(value: string, keep = 3): string {
  return value.length <= keep ? '•'.repeat(value.length) : '•'.repeat(value.length - keep) + value.slice(-keep);
}
