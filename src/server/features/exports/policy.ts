import { type PolicyRules, isOfficer } from '../../policies/rules';

// Export jobs: whoever may export some list may ask for a job; each source then checks the
// rule of the screen it mirrors (stays: stay.export, persons: person.list, figures: stats.view),
// and a job (its progress, its file) is seen only by the user who asked for it (else 404).
export const exportsPolicy = {
  export: { create: (actor) => actor.role === 'reporter' || isOfficer(actor) },
} satisfies PolicyRules;
