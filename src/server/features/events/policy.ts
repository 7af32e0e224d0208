import type { DomainEvent } from '../../events/bus';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';
import { alertsPolicy } from '../alerts/policy';

// Only officers open the live stream; each event reaches those whose area covers its region.
// Alert events reach only those who may read the alert itself (a watchlist hit is not even
// announced to agencies it does not go to).
type EventLike = Pick<DomainEvent, 'regionCode'> & Partial<Pick<DomainEvent, 'name' | 'data'>>;

export const eventsPolicy = {
  event: {
    /** open the live stream at all */
    subscribe: (actor) => isOfficer(actor),
    receive: (actor, event: EventLike) => isOfficer(actor) && event.regionCode !== null && inArea(actor, event.regionCode)
      && (!event.name?.startsWith('alert.')
        || alertsPolicy.alert.receive(actor, { region_code: event.regionCode, source: event.data?.source === 'watchlist' ? 'watchlist' : 'rule' })),
  },
} satisfies PolicyRules;
