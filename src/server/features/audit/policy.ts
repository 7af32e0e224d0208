import type { PolicyRules } from '../../policies/rules';

// The audit trail is the auditor's: who looked at what, and why; never the personal data itself.
export const auditPolicy = {
  audit: {
    view: (actor) => actor.role === 'auditor',
    verify: (actor) => actor.role === 'auditor',
  },
} satisfies PolicyRules;
