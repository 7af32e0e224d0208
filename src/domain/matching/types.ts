// Types of the screening matcher: watchlist entries, queries (a reported person) and hits.
// Pure data, no I/O: the server, the CLI and the web share them.

/** A name as written: a single string, or surname and given names kept apart. Any script. */
export type NameInput = string | { surname?: string; given?: string };

/**
 * A date of birth: "YYYY-MM-DD" (full) or "YYYY" (year only). "YYYY-MM" counts as year only.
 * Anything else is ignored (treated as unknown), never refused.
 */
export type BirthDate = string;

export interface WatchlistEntry {
  /** The entry's stable id (reported as `entity` on a hit). */
  id: string;
  /** Which list the entry belongs to (thresholds are per list). */
  list: string;
  /** Primary name first, then aliases; any script. */
  names: NameInput[];
  datesOfBirth?: BirthDate[];
  /** ISO 3166 alpha-2 or alpha-3 / ICAO codes; compared upper-case as given. */
  nationalities?: string[];
  documentNumbers?: string[];
  reason?: string;
  /** Validity as ISO dates (inclusive); an entry outside it is not matched when `at` is given. */
  validFrom?: string;
  validTo?: string;
}

export interface ScreeningQuery {
  /** The person's name(s) as reported (passport name, other spellings). */
  names: NameInput[];
  dateOfBirth?: BirthDate;
  nationality?: string | string[];
  documentNumbers?: string[];
}

export type HitStrength = 'strong' | 'weak';

export interface Hit {
  /** The watchlist entry id. */
  entity: string;
  list: string;
  /** 0..1 */
  score: number;
  /**
   * strong: the name matches and a date of birth or document number agrees;
   * weak: the name alone matches (the entry or the query has no date of birth to compare).
   */
  strength: HitStrength;
  /** Readable by an officer, e.g. "surname IVANOV=IVANOV, given SERGEY≈SERGEI (0.93), birth date equal". */
  explanation: string;
  /** The same evidence, piece by piece, for a screen to say in its reader's language. */
  reasons: MatchReason[];
  /** The entry name that matched best, as normalised tokens. */
  matchedName: string;
}

export interface MatchOptions {
  /** Default threshold for lists without their own (see DEFAULT_THRESHOLD). */
  threshold?: number;
  /** Threshold per list id; overrides `threshold` for that list. */
  thresholds?: Record<string, number>;
  /**
   * A weak hit (nothing but the name to go on) must also reach this (default
   * DEFAULT_WEAK_THRESHOLD); set it to 0 to report every weak hit above the list threshold.
   */
  weakThreshold?: number;
  /** Most hits returned, best first (default 10). */
  limit?: number;
  /** ISO date: entries whose validity excludes it are skipped. */
  at?: string;
}

export type NameRole = 'surname' | 'given' | 'name';

/**
 * One piece of evidence behind a hit. `how` says how two name tokens were found alike (equal,
 * variant, nickname, spelling, phonetic, transliteration, initial, joined); `birth_date` carries
 * the comparison's outcome (equal, swapped, offByOne, yearEqual, yearOffByOne, sameYearOtherDay,
 * yearNear, differs).
 */
export type MatchReason =
  | { kind: 'name'; role: NameRole; query: string; entry: string; similarity: number; how: string }
  | { kind: 'name_not_reported'; role: NameRole; token: string }
  | { kind: 'name_not_listed'; role: NameRole; token: string }
  | { kind: 'birth_date'; result: string }
  | { kind: 'no_birth_date' }
  | { kind: 'nationality'; result: 'equal' | 'differs' }
  | { kind: 'document' };
