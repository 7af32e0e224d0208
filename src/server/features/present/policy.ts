import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Who is present: an officer's list of everyone present in its area, from every source.
export const presentPolicy = {
  present: {
    list: (actor) => isOfficer(actor),
    region: (actor, regionCode: string) => isOfficer(actor) && inArea(actor, regionCode),
  },
} satisfies PolicyRules;
