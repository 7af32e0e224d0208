import type { Actor } from '../../auth/actor';
import { abilities, can } from '../../policies';
import { ifSees } from '../../policies/fields';
import { seesExactLocation } from './policy';
import type { SightingView } from './queries';

// What a sighting shows to whom (docs/access.md, "Sightings"):
// - the reporting officer: everything it typed, and what became of it (status, reason, case);
// - the triage team (officers of the area who see whereabouts): the report; who was seen
//   (identity group); the exact GPS and RT/RW only for agencies that see documents or
//   screening, the village for the others; the linked person's name only with identity.

export function presentSighting(actor: Actor, s: SightingView) {
  const own = s.reported_by === actor.id;
  const exact = seesExactLocation(actor, s);
  const identity = <T>(v: T) => (own ? v : ifSees(actor, 'identity', v));
  const triager = can(actor, 'sighting', 'triage');
  const record = { village_code: s.village_code, status: s.status, reported_by: s.reported_by };
  return {
    id: s.id, observedAt: s.observed_at, createdAt: s.created_at, status: s.status,
    location: {
      villageCode: s.village_code, villageName: s.village_name ?? null, exact,
      lat: exact ? Number(s.lat) : null, lon: exact ? Number(s.lon) : null, rw: exact ? s.rw : null, rt: exact ? s.rt : null,
    },
    subject: { name: identity(s.subject_name), nationality: identity(s.subject_nationality), description: identity(s.subject_description) },
    activity: { category: s.category, note: s.note },
    reporter: { name: s.reporter_name ?? null, agencyName: s.agency_name ?? null },
    outcome: {
      // which person a report turned out to be is for the team, not for the village officer
      personId: triager ? s.person_id : null,
      personName: triager && s.person_surname ? ifSees(actor, 'identity', [s.person_surname, s.person_given_names].filter(Boolean).join(', ')) : null,
      caseId: s.case_id, reason: s.outcome_reason, at: s.triaged_at, by: triager ? s.triager_name ?? null : null,
    },
    hasPhoto: s.photo_type !== null,
    abilities: abilities(actor, 'sighting', { link: 'link', dismiss: 'dismiss', openCase: 'openCase', attachPhoto: 'attachPhoto' }, record),
  };
}
