import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// The area picture (aggregates only) is for officers, of a region inside their area.
export const statsPolicy = {
  dashboard: { view: (actor) => isOfficer(actor) },
  stats: { view: (actor, regionCode: string) => isOfficer(actor) && inArea(actor, regionCode) },
} satisfies PolicyRules;
