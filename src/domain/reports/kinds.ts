// What a stay reports: a guest at a lodging, a foreign worker of a company or sponsor, or a
// foreigner living with a private host. All three are stays: the same persons, dashboards and counts.

export const REPORT_KINDS = ['lodging', 'work', 'residence'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The kind a reporter's own reports are, by the reporter's kind (reporter_orgs.kind). */
export const REPORT_KIND_OF_REPORTER: Record<'lodging' | 'company' | 'private', ReportKind> = {
  lodging: 'lodging', company: 'work', private: 'residence',
};

/**
 * Indonesia's extent (with a margin for outer islands): a worksite's GPS point outside it is a
 * typo or swapped coordinates. Sabang ~5.9N 95.3E, Rote ~11.0S, Merauke ~141.0E, Miangas ~5.6N.
 */
export const INDONESIA_BOUNDS = { minLat: -11.2, maxLat: 6.3, minLng: 94.7, maxLng: 141.2 } as const;

export const latInsideIndonesia = (lat: number): boolean => lat >= INDONESIA_BOUNDS.minLat && lat <= INDONESIA_BOUNDS.maxLat;
export const lngInsideIndonesia = (lng: number): boolean => lng >= INDONESIA_BOUNDS.minLng && lng <= INDONESIA_BOUNDS.maxLng;
