import type { PolicyRules } from '../../policies/rules';

// Administration is the administrator's; the audit trail is the auditor's.
export const adminPolicy = {
  agency: { manage: (actor) => actor.role === 'admin' },
  user: { manage: (actor) => actor.role === 'admin' },
  audit: { view: (actor) => actor.role === 'auditor' },
} satisfies PolicyRules;
