import type { DomainEvent } from '../../events/bus';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';
import { alertsPolicy } from '../alerts/policy';
import { casesPolicy } from '../cases/policy';
import { channelPolicy } from '../channel/policy';

// Only officers open the live stream; each event reaches those whose area covers its region.
// Narrower still:
// - alert events reach only those who may read the alert itself (a watchlist hit is not even
//   announced to agencies it does not go to);
// - case events, only those who may read the case;
// - team meeting and task events, only the users their command named in `audience`;
// - team channel events, the team's readers; a user's notification event, that user.
type EventLike = Pick<DomainEvent, 'regionCode'> & Partial<Pick<DomainEvent, 'name' | 'data'>>;

const TEAM_EVENTS = /^(meeting|task)\./;
const inAudience = (actor: { id: string }, event: EventLike) =>
  !TEAM_EVENTS.test(event.name ?? '') || (Array.isArray(event.data?.audience) && (event.data.audience as unknown[]).includes(actor.id));

/**
 * Whether receiving an event of this name depends on the actor and the event's region alone (not
 * its data): a stream may then remember its answer per region (hub.ts) instead of asking again
 * for every event of a busy area.
 */
export const receivedByRegionAlone = (name: string): boolean => !/^(channel|notification|alert|case|meeting|task)\./.test(name);

export const eventsPolicy = {
  event: {
    /** open the live stream at all */
    subscribe: (actor) => isOfficer(actor),
    // the region decides alone unless the event's kind looks at its data too: the predicate the hub
    // relies on to remember answers is the one this rule branches on, so the two cannot drift apart
    receive: (actor, event: EventLike) => (event.name?.startsWith('channel.') || event.name?.startsWith('notification.')
      ? teamOrUserEvent(actor, event)
      : isOfficer(actor) && event.regionCode !== null && inArea(actor, event.regionCode)
        && (receivedByRegionAlone(event.name ?? '') || receivesByData(actor, event))),
  },
} satisfies PolicyRules;

/** The narrower rules of alert, team (meeting, task) and case events, inside the area. */
function receivesByData(actor: Parameters<typeof isOfficer>[0], event: EventLike): boolean {
  return (!event.name?.startsWith('alert.')
      || alertsPolicy.alert.receive(actor, { region_code: event.regionCode!, source: event.data?.source === 'watchlist' ? 'watchlist' : 'rule' }))
    && inAudience(actor, event)
    && (!event.name?.startsWith('case.') || receivesCase(actor, event));
}

/** Case events reach only those who may read the case (its area's screening agencies, immigration, its own agencies). */
function receivesCase(actor: Parameters<typeof isOfficer>[0], event: EventLike): boolean {
  const id = (v: unknown) => (typeof v === 'string' ? v : null);
  return casesPolicy.case.receive(actor, {
    region_code: event.regionCode ?? '', status: 'open', assigned_agency_id: id(event.data?.assignedAgencyId), opened_by_agency_id: id(event.data?.openedByAgencyId),
  });
}

/** Team channel events reach the team's readers only; a user's notification event reaches that user only. */
function teamOrUserEvent(actor: Parameters<typeof isOfficer>[0], event: EventLike): boolean {
  if (event.name?.startsWith('notification.')) return isOfficer(actor) && event.data?.userId === actor.id;
  return channelPolicy.channel.receive(actor, event.data ?? {});
}
