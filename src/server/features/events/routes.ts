import type { FastifyInstance } from 'fastify';
import { SESSION_ENDED } from '../../auth/session-events';
import { SESSION_COOKIE, sessionAlive } from '../../auth/sessions';
import type { AppContext } from '../../context';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { fieldGroups } from '../../policies/fields';
import { gate, onRecord } from '../../http/access';
import { StreamHub } from './hub';
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

export function eventsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const registry = new StreamRegistry();
  const hub = new StreamHub(ctx.bus, FLUSH_MS);
  const stopListening = ctx.bus.subscribe((event) => {
    if (event.name === SESSION_ENDED) registry.endSessions((event.data.sessionIds as string[] | undefined) ?? []);
  });
  // end every stream when the server closes, or close() would wait for them forever
  app.addHook('onClose', async () => { stopListening(); registry.endAll(); hub.close(); });

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
    // the events this actor may receive, with the fields it may see, written together (hub.ts)
    const unsubscribe = hub.add({ actor, view: [...fieldGroups(actor)].sort().join(','), write: (chunk) => { if (!ended) res.write(chunk); } });
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
