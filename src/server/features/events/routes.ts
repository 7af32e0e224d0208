import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import type { DomainEvent } from '../../events/bus';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { can } from '../../policies';
import { presentEventData } from './presenters';
import { gate, onRecord } from '../../http/access';

// Server-Sent Events: each dashboard gets the events of its own area, as they commit.

const PING_MS = 15_000;

export function eventsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const open = new Set<() => void>();
  // end every stream when the server closes, or close() would wait for them forever
  app.addHook('onClose', async () => { for (const end of open) end(); });

  app.get('/api/v1/events', {
    config: { access: gate('event', 'subscribe', onRecord('event', 'receive')) },
    schema: {
      tags: ['dashboard'], summary: 'Live events of the caller\'s area (text/event-stream)',
      description: 'Events: stay.checked_in, stay.checked_out. data is JSON { stayId, regionCode, lodgingId, nationality, permitKind, at }.',
      produces: ['text/event-stream'], response: { 200: { type: 'string' }, ...problems(401) },
    },
  }, async (request, reply) => {
    const actor: Actor = requireActor(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive', 'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    const unsubscribe = ctx.bus.subscribe((event) => {
      if (!can(actor, 'event', 'receive', event)) return;
      res.write(`id: ${event.id}\nevent: ${event.name}\ndata: ${JSON.stringify(presentEventData(actor, event))}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    const end = () => { clearInterval(ping); unsubscribe(); open.delete(end); res.end(); };
    open.add(end);
    request.raw.on('close', end);
  });
}
