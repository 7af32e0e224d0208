import { type PolicyRules, inArea } from '../../policies/rules';
import { sees } from '../../policies/fields';

// Identity conflicts (a report that differs from its person) are screening material:
// listed for agencies that work screening, decided only by immigration in its area.
interface ConflictLike { region_code: string; status: string }

export const identityPolicy = {
  identity_conflict: {
    list: (actor) => (actor.role === 'immigration_officer' || actor.role === 'timpora_member') && sees(actor, 'screening'),
    read: (actor, c: ConflictLike) => (actor.role === 'immigration_officer' || actor.role === 'timpora_member') && sees(actor, 'screening') && inArea(actor, c.region_code),
    resolve: (actor, c: ConflictLike) => actor.role === 'immigration_officer' && c.status === 'open' && inArea(actor, c.region_code),
  },
} satisfies PolicyRules;
