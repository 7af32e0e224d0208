import type { Actor } from '../../auth/actor';
import { type PolicyRules, ownOrg } from '../../policies/rules';

// Guest pre-registration belongs to the lodging alone: its verified reporter accounts (the
// clerks) keep the link and poster and confirm or discard drafts. Officers never see drafts:
// a draft is not a report until the clerk has checked the passport and confirmed it.

interface DraftLike { lodging_id: string }

const clerk = (actor: Actor) => actor.role === 'reporter' && actor.reporterOrg?.kind === 'lodging' && actor.reporterOrg.verified;
const ownDraft = (actor: Actor, draft: DraftLike) => clerk(actor) && ownOrg(actor, draft.lodging_id);

export const preregistrationPolicy = {
  preregistration: {
    /** the drafts list, the link and the poster */
    manage: clerk,
    read: ownDraft,
    confirm: ownDraft,
    discard: ownDraft,
  },
} satisfies PolicyRules;
