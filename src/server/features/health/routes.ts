import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../context';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', {
    schema: {
      tags: ['health'], operationId: 'getHealth', summary: 'Liveness and database check',
      response: { 200: { type: 'object', properties: { status: { type: 'string' }, db: { type: 'string' }, version: { type: 'string' } } } },
    },
  }, async () => {
    await sql`select 1`.execute(ctx.db);
    return { status: 'ok', db: ctx.dbKind, version: ctx.version };
  });
}
