import type { DomainEvent } from '../../events/bus';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Only officers open the live stream; each event reaches those whose area covers its region.
export const eventsPolicy = {
  event: {
    /** open the live stream at all */
    subscribe: (actor) => isOfficer(actor),
    receive: (actor, event: Pick<DomainEvent, 'regionCode'>) => isOfficer(actor) && event.regionCode !== null && inArea(actor, event.regionCode),
  },
} satisfies PolicyRules;
