import { randomUUID } from 'node:crypto';
import type { EventBus } from '../events/bus';

// When a session ends (logout, revocation, password change) its event streams must close at
// once, on every app instance: a `session.ended` event on the bus (PostgreSQL NOTIFY reaches
// the other instances). Internal: the SSE route never forwards it to a client.

export const SESSION_ENDED = 'session.ended';
const INTERNAL_PREFIX = 'session.';
const IDS_PER_EVENT = 100; // NOTIFY payloads stay far below 8000 bytes

export const isInternalEvent = (name: string) => name.startsWith(INTERNAL_PREFIX);

/** Tells every instance that these sessions (public ids) ended. Never rejects: streams also re-check on each ping. */
export async function announceSessionsEnded(bus: EventBus, sessionIds: string[], onError: (err: unknown) => void = () => undefined): Promise<void> {
  for (let i = 0; i < sessionIds.length; i += IDS_PER_EVENT) {
    const data = { sessionIds: sessionIds.slice(i, i + IDS_PER_EVENT) };
    await bus.publish({ id: randomUUID(), name: SESSION_ENDED, regionCode: null, data, at: new Date().toISOString() }).catch(onError);
  }
}
