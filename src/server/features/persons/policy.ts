import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// A person is an officer's picture: lodgings see the stays they reported, never persons.
// An officer may read a person who has at least one stay in one of its areas.

interface PersonLike { region_codes: readonly string[] }

export const personPolicy = {
  person: {
    list: (actor) => isOfficer(actor),
    read: (actor, person: PersonLike) => isOfficer(actor) && person.region_codes.some((code) => inArea(actor, code)),
  },
} satisfies PolicyRules;
