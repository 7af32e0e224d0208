import { type PolicyRules } from '../../policies/rules';

// API keys for hotel software: a reporter manages its own, and only when signed in. A call
// made with a key cannot manage keys, so a leaked key cannot mint others that outlive it.
export const apiKeyPolicy = {
  apiKey: {
    manage: (actor) => actor.role === 'reporter' && actor.reporterOrg !== null && !actor.apiKeyId,
  },
} satisfies PolicyRules;
