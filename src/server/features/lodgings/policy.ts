import { type PolicyRules, isOfficer } from '../../policies/rules';

// Lodgings list: officers (their area) and reporters (their own organisation).
export const lodgingsPolicy = {
  lodging: { list: (actor) => isOfficer(actor) || actor.role === 'reporter' },
} satisfies PolicyRules;
