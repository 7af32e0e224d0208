// Stay-permit kinds a report can carry (GLOSSARY: bebas visa kunjungan, VoA, ITK, ITAS, ITAP, diplomatik/dinas).

export const PERMIT_KINDS = ['visa_free_visit', 'visa_on_arrival', 'visit_visa', 'itas', 'itap', 'diplomatic', 'official'] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];

/** Kinds whose permit always ends on a known date (ITAP is permanent; diplomatic/official follow the posting). */
export const PERMIT_KINDS_WITH_END: readonly PermitKind[] = ['visa_free_visit', 'visa_on_arrival', 'visit_visa', 'itas'];

export type PermitStatus = 'valid' | 'expiring' | 'expired';

/** Status on a given date; 'expiring' within the warning window (default 14 days). */
export function permitStatus(validUntil: string | null, today: string, warnDays = 14): PermitStatus {
  if (!validUntil) return 'valid';
  if (validUntil < today) return 'expired';
  const warnFrom = new Date(`${validUntil}T00:00:00Z`);
  warnFrom.setUTCDate(warnFrom.getUTCDate() - warnDays);
  return today >= warnFrom.toISOString().slice(0, 10) ? 'expiring' : 'valid';
}
