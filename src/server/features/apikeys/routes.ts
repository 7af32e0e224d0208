import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { gate } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { createApiKey, revokeApiKey } from './commands';
import { listApiKeys, presentApiKey } from './queries';
import { createdKey, createKeyBody, keyIdParams, keyList } from './schemas';

// API keys for hotel software (docs/api.md). Managed from a signed-in session only.

export function apiKeysRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { name: string } }>('/api/v1/api-keys', {
    config: { access: gate('apiKey', 'manage') },
    schema: {
      tags: ['api-keys'], operationId: 'createApiKey', summary: 'Create an API key for hotel software (the key is shown once)',
      description: 'Send the key as `Authorization: Bearer <key>`. It acts as the reporter who made it. Only a signed-in session may create keys.',
      body: createKeyBody, response: { 201: createdKey, ...problems(400, 401, 403) },
    },
  }, async (request, reply) => {
    const { row, key } = await createApiKey(ctx.db, requireActor(request), request.body);
    return reply.status(201).send({ ...presentApiKey(row), key });
  });

  app.get('/api/v1/api-keys', {
    config: { access: gate('apiKey', 'manage') },
    schema: { tags: ['api-keys'], operationId: 'listApiKeys', summary: 'The caller\'s API keys (never the keys themselves)', response: { 200: keyList, ...problems(401, 403) } },
  }, async (request) => ({ items: (await listApiKeys(ctx.db, requireActor(request))).map(presentApiKey) }));

  app.delete<{ Params: { id: string } }>('/api/v1/api-keys/:id', {
    config: { access: gate('apiKey', 'manage') },
    schema: {
      tags: ['api-keys'], operationId: 'revokeApiKey', summary: 'Revoke an API key: refused from the next request on',
      params: keyIdParams, response: { 200: keyList.properties.items.items, ...problems(401, 403, 404) },
    },
  }, async (request) => presentApiKey(await revokeApiKey(ctx.db, requireActor(request), request.params.id)));
}
