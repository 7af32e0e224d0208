import type { FastifyInstance } from 'fastify';
import { SESSION_ENDED, isInternalEvent } from '../../auth/session-events';
import { SESSION_COOKIE, sessionAlive } from '../../auth/sessions';
import type { AppContext } from '../../context';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize, can } from '../../policies';
import { fieldGroups } from '../../policies/fields';
import type { DomainEvent } from '../../events/bus';
import { presentEventData } from './presenters';
import { gate, onRecord } from '../../http/access';
import { StreamRegistry } from './streams';

// Server-Sent Events: each officer's dashboard gets the events of its own area, as they commit.
// A stream lives no longer than its session: session.ended on the bus closes it at once, and
// each ping re-checks the session (expiry, deactivated user, a missed notification).

const PING_MS = 15_000;
/**
 * A stream's frames go out together at most this often: a screen needs no more, and a write per
 * group commit per dashboard (fifty dashboards at 2,000 check-ins a second) was a tenth of the
 * server's time in socket writes.
 */
const FLUSH_MS = 100;

/** An event's SSE frame for one set of visible field groups, built once and shared by every stream with that set. */
const frames = new WeakMap<DomainEvent, Map<string, string>>();
function frameOf(event: DomainEvent, view: string, build: () => string): string {
  let byView = frames.get(event);
  if (!byView) frames.set(event, (byView = new Map()));
  let frame = byView.get(view);
  if (frame === undefined) byView.set(view, (frame = build()));
  return frame;
}

export function eventsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const registry = new StreamRegistry();
  const stopListening = ctx.bus.subscribe((event) => {
    if (event.name === SESSION_ENDED) registry.endSessions((event.data.sessionIds as string[] | undefined) ?? []);
  });
  // end every stream when the server closes, or close() would wait for them forever
  app.addHook('onClose', async () => { stopListening(); registry.endAll(); });

  app.get('/api/v1/events', {
    config: { access: gate('event', 'subscribe', onRecord('event', 'receive')) },
    schema: {
      tags: ['dashboard'], operationId: 'streamEvents', summary: 'Live events of the caller\'s area (text/event-stream); officers only',
      description: 'Events: stay.checked_in, stay.checked_out. data is JSON { stayId, regionCode, lodgingId, nationality, permitKind, at }. '
        + 'Team channel: channel.message_posted|message_edited|message_deleted|thread_resolved { teamId, messageId, parentId } to the team\'s readers; '
        + 'notification.created { notificationId, userId, teamId } to its user alone. '
        + 'The stream closes when its session ends; a user holds at most 5 streams (the oldest is closed).',
      produces: ['text/event-stream'], response: { 200: { type: 'string' }, ...problems(401, 403) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'event', 'subscribe');
    const token = request.cookies[SESSION_COOKIE]!;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive', 'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    // Events arrive in bursts (a group of check-ins commits at once): frames are queued and
    // written at most every FLUSH_MS, and a frame is built once per event for all streams that
    // see the same fields, so fifty dashboards cost fifty writes a flush, not thousands.
    const view = [...fieldGroups(actor)].sort().join(',');
    let queued: string[] = [];
    const flush = () => { const out = queued.join(''); queued = []; if (!ended) res.write(out); };
    const unsubscribe = ctx.bus.subscribe((event) => {
      if (isInternalEvent(event.name) || !can(actor, 'event', 'receive', event)) return;
      if (queued.length === 0) setTimeout(flush, FLUSH_MS).unref();
      queued.push(frameOf(event, view, () => `id: ${event.id}\nevent: ${event.name}\ndata: ${JSON.stringify(presentEventData(actor, event))}\n\n`));
    });
    const ping = setInterval(() => {
      void sessionAlive(ctx.db, token).then((alive) => (alive ? res.write(': ping\n\n') : stream.end()), () => undefined);
    }, PING_MS);
    let ended = false;
    const stream = {
      sessionId: request.sessionId!, userId: actor.id,
      end: () => {
        if (ended) return;
        ended = true;
        clearInterval(ping); unsubscribe(); registry.remove(stream); res.end();
      },
    };
    registry.add(stream);
    request.raw.on('close', stream.end);
  });
}
