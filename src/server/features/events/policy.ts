import type { DomainEvent } from '../../events/bus';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Live events reach officers whose area covers the event's region.
export const eventsPolicy = {
  event: {
    /** open the live stream at all */
    subscribe: (actor) => isOfficer(actor),
    receive: (actor, event: Pick<DomainEvent, 'regionCode'>) => isOfficer(actor) && event.regionCode !== null && inArea(actor, event.regionCode),
  },
} satisfies PolicyRules;
