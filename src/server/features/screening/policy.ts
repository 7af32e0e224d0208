import { sees } from '../../policies/fields';
import { type PolicyRules, isOfficer } from '../../policies/rules';

// Checking a name against the watchlists by hand is screening work (field matrix): officers of
// the agencies that see screening, always with a stated purpose that goes into the audit log.
export const screeningPolicy = {
  screening: {
    match: (actor) => isOfficer(actor) && sees(actor, 'screening'),
    status: (actor) => isOfficer(actor) && sees(actor, 'screening'),
  },
} satisfies PolicyRules;
