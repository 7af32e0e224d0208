import type { Actor } from '../../auth/actor';
import { isInternalEvent } from '../../auth/session-events';
import type { DomainEvent, EventBus } from '../../events/bus';
import { can } from '../../policies';
import { receivedByRegionAlone } from './policy';
import { presentEventData } from './presenters';

// Every open event stream of this instance hangs off one subscription to the bus. Events arrive
// in bursts (a group of check-ins commits at once) and go out together at most every flushMs:
// a screen needs no more. The streams that saw the same events with the same visible fields get
// the very same bytes, built and encoded once: fifty dashboards at 2,000 check-ins a second had
// each joined and encoded its own copy of the same 60 KB every flush, a burst of work that held
// every request queued behind it.

export interface HubStream {
  actor: Actor;
  /** the actor's visible field groups, sorted and joined: streams with the same view get the same frames */
  view: string;
  write(chunk: Buffer): void;
}

interface Member extends HubStream {
  events: DomainEvent[];
  /** the receive rule's answer per region, for events it decides by region alone (the actor is fixed for the stream's life) */
  regions: Map<string, boolean>;
}
/** a stream forgets its answers beyond this many regions (a national officer seeing every village) */
const REMEMBERED_REGIONS = 5_000;

export class StreamHub {
  private readonly members = new Set<Member>();
  /** events that reached at least one stream since the last flush */
  private delivered = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;

  constructor(bus: EventBus, private readonly flushMs: number) {
    this.unsubscribe = bus.subscribe((event) => this.deliver(event));
  }

  /** Adds a stream; the returned function removes it. */
  add(stream: HubStream): () => void {
    const member: Member = { ...stream, events: [], regions: new Map() };
    this.members.add(member);
    return () => { this.members.delete(member); };
  }

  close(): void {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.members.clear();
  }

  private deliver(event: DomainEvent): void {
    if (isInternalEvent(event.name)) return;
    let reached = false;
    const byRegion = event.regionCode !== null && receivedByRegionAlone(event.name);
    for (const m of this.members) {
      if (!(byRegion ? receivesInRegion(m, event) : can(m.actor, 'event', 'receive', event))) continue;
      m.events.push(event);
      reached = true;
    }
    if (!reached) return;
    this.delivered++;
    this.timer ??= setTimeout(() => this.flush(), this.flushMs).unref();
  }

  private flush(): void {
    this.timer = null;
    const everything = this.delivered;
    this.delivered = 0;
    // a stream that received every event of the window received them in the same order as every
    // other such stream: its chunk depends on its view alone
    const shared = new Map<string, Buffer>();
    const frames = new Map<string, Map<DomainEvent, string>>();
    for (const m of this.members) {
      if (m.events.length === 0) continue;
      const events = m.events;
      m.events = [];
      const key = events.length === everything ? m.view : null;
      let chunk = key === null ? undefined : shared.get(key);
      if (!chunk) {
        let byEvent = frames.get(m.view);
        if (!byEvent) frames.set(m.view, (byEvent = new Map()));
        chunk = Buffer.from(events.map((e) => frameOf(e, m.actor, byEvent)).join(''));
        if (key !== null) shared.set(key, chunk);
      }
      m.write(chunk);
    }
  }
}

/** The receive rule for an event it decides by region alone, asked once per stream and region. */
function receivesInRegion(m: Member, event: DomainEvent): boolean {
  let allowed = m.regions.get(event.regionCode!);
  if (allowed === undefined) {
    if (m.regions.size >= REMEMBERED_REGIONS) m.regions.clear();
    m.regions.set(event.regionCode!, (allowed = can(m.actor, 'event', 'receive', event)));
  }
  return allowed;
}

/** An event's SSE frame for one view (built once per flush for all streams with that view). */
function frameOf(event: DomainEvent, actor: Actor, byEvent: Map<DomainEvent, string>): string {
  let frame = byEvent.get(event);
  if (frame === undefined) byEvent.set(event, (frame = `id: ${event.id}\nevent: ${event.name}\ndata: ${JSON.stringify(presentEventData(actor, event))}\n\n`));
  return frame;
}
