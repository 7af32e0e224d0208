import type { Insertable } from 'kysely';
import { nameKey } from '../../../domain/identity/names';
import type { IdentityConflictsTable } from '../../db/schema';
import { newId } from '../../db/ids';

// A report is what its reporter said. A passport already known links the report to the same
// person (a certain link), but the person record is never rewritten by a report: where the
// report's name, sex, birth date, nationality or passport expiry differ from the person's,
// the difference is recorded as an identity conflict for immigration to decide. Linking
// reports to persons is record-guests.ts linkPersons.

export interface ReportedIdentity { surname: string; given_names: string; sex: string; date_of_birth: string; nationality: string }
export interface PersonFacts extends ReportedIdentity { id: string; document_id: string; document_expiry: string }

export type ConflictFields = Record<string, { person: string; reported: string }>;

/** The fields where a report differs from its person (names compared case- and space-insensitively). */
export function identityDifferences(person: PersonFacts, reported: ReportedIdentity & { document_expiry: string }): ConflictFields {
  const out: ConflictFields = {};
  const differs = (a: string, b: string, byName: boolean) => (byName ? nameKey(a) !== nameKey(b) : a !== b);
  const pairs: [keyof ConflictFields, string, string, boolean][] = [
    ['surname', person.surname, reported.surname, true], ['givenNames', person.given_names, reported.given_names, true],
    ['sex', person.sex, reported.sex, false], ['dateOfBirth', person.date_of_birth, reported.date_of_birth, false],
    ['nationality', person.nationality, reported.nationality, false], ['documentExpiry', person.document_expiry, reported.document_expiry, false],
  ];
  for (const [field, was, now, byName] of pairs) if (differs(was, now, byName)) out[field] = { person: was, reported: now };
  return out;
}

/** The conflict row when the report differs from its person, or null when they agree. */
export function identityConflictFor(
  person: PersonFacts, stayId: string, regionCode: string, reported: ReportedIdentity & { document_expiry: string }, at: string,
): Insertable<IdentityConflictsTable> | null {
  const fields = identityDifferences(person, reported);
  if (Object.keys(fields).length === 0) return null;
  return {
    id: newId(), person_id: person.id, stay_id: stayId, region_code: regionCode, fields: JSON.stringify(fields), status: 'open',
    resolution: null, reason: null, resolved_by: null, resolved_at: null, created_at: at,
  };
}
