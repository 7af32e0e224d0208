import type { Actor } from '../../auth/actor';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Entity resolution. Every officer of an area sees the proposals (who may be the same person);
// deciding them (merge, split, dismiss) is for immigration and the police of the area, the
// agencies that act on a person's identity. Both persons of a merge must be in the actor's scope
// (the route checks the second one). Identity conflicts stay with immigration (features/identity).

interface PersonLike { region_codes: readonly string[] }
interface MergeLike { region_code: string }

/** Immigration and police officers decide; other agencies only see proposals. */
const decides = (actor: Actor) =>
  isOfficer(actor) && (actor.role === 'immigration_officer' || actor.agencyKind === 'imigrasi' || actor.agencyKind === 'polres');

export const personLinksPolicy = {
  person_link: {
    list: (actor) => isOfficer(actor),
    decide: decides,
    merge: (actor, p: PersonLike) => decides(actor) && p.region_codes.some((code) => inArea(actor, code)),
    dismiss: (actor, p: PersonLike) => decides(actor) && p.region_codes.some((code) => inArea(actor, code)),
    split: (actor, m: MergeLike) => decides(actor) && inArea(actor, m.region_code),
  },
} satisfies PolicyRules;
