import type { Actor } from '../../auth/actor';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Officers choose how they hear of alerts; a team's webhooks (its own messaging gateway) are set
// up by the immigration office of the team's area, which forms the team by decree.
export const notificationsPolicy = {
  notification: {
    preferences: (actor) => isOfficer(actor),
    listWebhooks: (actor) => actor.role === 'immigration_officer',
    manageWebhook: (actor: Actor, team: { region_code: string }) => actor.role === 'immigration_officer' && inArea(actor, team.region_code),
  },
} satisfies PolicyRules;
