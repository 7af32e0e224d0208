import { type PolicyRules, inArea } from '../../policies/rules';

// Reporter registrations are the immigration office's to decide: an immigration officer sees
// the registrations of its area (own and its teams' areas) and approves or rejects them.
// Registering and verifying an e-mail address are public (routes.ts), so no rule here.

/** A registration as the rules look at it: where the reporter is. */
export interface RegistrationRecord { village_code: string }

const officerOf = (actor: Parameters<typeof inArea>[0], r: RegistrationRecord) => actor.role === 'immigration_officer' && inArea(actor, r.village_code);

export const registrationPolicy = {
  registration: {
    list: (actor) => actor.role === 'immigration_officer',
    approve: (actor, r: RegistrationRecord) => officerOf(actor, r),
    reject: (actor, r: RegistrationRecord) => officerOf(actor, r),
  },
} satisfies PolicyRules;
