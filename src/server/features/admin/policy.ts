import type { PolicyRules } from '../../policies/rules';

/** An account as the two-person rule looks at it. */
export interface AccountRecord { createdBy: string | null; approval: string }

// Administration is the administrator's. An account that can see personal data needs a
// second administrator: nobody approves an account he created himself.
export const adminPolicy = {
  agency: { manage: (actor) => actor.role === 'admin' },
  user: {
    manage: (actor) => actor.role === 'admin',
    approve: (actor, record: AccountRecord) => actor.role === 'admin' && record.approval === 'pending' && record.createdBy !== actor.id,
    reject: (actor, record: AccountRecord) => actor.role === 'admin' && record.approval === 'pending',
    listPending: (actor) => actor.role === 'admin' || actor.role === 'auditor',
  },
} satisfies PolicyRules;
