import type { PolicyRules } from '../../policies/rules';

// One's own account (sessions, password, second factor): being signed in is enough, but the
// routes still ask the policy module, so every route has a policy check.
export const authPolicy = {
  account: {
    manage: (actor) => actor.id !== '',
  },
} satisfies PolicyRules;
