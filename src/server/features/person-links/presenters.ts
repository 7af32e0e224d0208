import type { Actor } from '../../auth/actor';
import type { PersonMergesTable } from '../../db/schema';
import { abilities } from '../../policies';
import { ifSees } from '../../policies/fields';
import { countsOf } from './commands';
import type { Candidate, MergeRow, MoveRecord, PersonSummary } from './queries';

// Every field a client receives about a probable link or a merge, each asked of the field matrix.

export function presentSummary(actor: Actor, s: PersonSummary) {
  const p = s.person;
  return {
    id: p.id,
    surname: ifSees(actor, 'identity', p.surname), givenNames: ifSees(actor, 'identity', p.given_names),
    sex: ifSees(actor, 'identity', p.sex), nationality: ifSees(actor, 'identity', p.nationality),
    dateOfBirth: ifSees(actor, 'document', p.date_of_birth),
    documents: ifSees(actor, 'document', s.documents.map((d) => ({ type: d.type, number: d.number, issuingState: d.issuing_state, expiryDate: d.expiry_date }))),
    staysCount: s.staysCount,
  };
}

const decisions = (actor: Actor, s: PersonSummary) =>
  abilities(actor, 'person_link', { merge: 'merge', dismiss: 'dismiss' }, { region_codes: s.regionCodes });

export function presentCandidate(actor: Actor, of: PersonSummary, c: Candidate) {
  return { person: presentSummary(actor, c.summary), score: c.score, reasons: c.reasons, abilities: decisions(actor, of) };
}

export function presentPair(actor: Actor, pair: { a: PersonSummary; b: PersonSummary; score: number; reasons: string[] }) {
  return { a: presentSummary(actor, pair.a), b: presentSummary(actor, pair.b), score: pair.score, reasons: pair.reasons, abilities: decisions(actor, pair.a) };
}

export function presentMerge(actor: Actor, m: MergeRow | (PersonMergesTable & Partial<MergeRow>)) {
  return {
    id: m.id, keptPersonId: m.kept_person_id, absorbedPersonId: m.absorbed_person_id,
    absorbedName: m.absorbed_surname === undefined ? null : ifSees(actor, 'identity', [m.absorbed_surname, m.absorbed_given_names].filter(Boolean).join(', ')),
    reason: m.reason, mergedAt: m.merged_at, mergedBy: m.merged_by_name ?? null, moved: countsOf(JSON.parse(m.moved) as MoveRecord),
    splitAt: m.split_at, splitBy: m.split_by_name ?? null, splitReason: m.split_reason,
    abilities: { split: m.split_at === null && abilities(actor, 'person_link', { split: 'split' }, m).split },
  };
}
