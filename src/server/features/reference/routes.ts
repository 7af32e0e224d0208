import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { requireActor } from '../../http/actor';
import { REGION_CODE, problems } from '../../http/schemas';
import { getRegion, listCountries, listRegions, presentRegion, regionAncestors } from './queries';

const regionJson = {
  type: 'object',
  properties: { code: { type: 'string' }, name: { type: 'string' }, level: { type: 'integer' }, parentCode: { type: ['string', 'null'] }, timeZone: { type: 'string' } },
} as const;

// Public reference data (regions with official codes, countries by ICAO code); signed-in users only.
export function referenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { parent?: string } }>('/api/v1/regions', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['reference'], operationId: 'listRegions', summary: 'Regions below a parent (no parent: the provinces)',
      querystring: { type: 'object', additionalProperties: false, properties: { parent: REGION_CODE } },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: regionJson } } }, ...problems(400, 401) },
    },
  }, async (request, reply) => {
    requireActor(request);
    reply.header('cache-control', 'private, max-age=3600');
    return { items: (await listRegions(ctx.db, request.query.parent)).map(presentRegion) };
  });

  app.get<{ Params: { code: string } }>('/api/v1/regions/:code', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['reference'], operationId: 'getRegion', summary: 'One region with its ancestors',
      params: { type: 'object', required: ['code'], properties: { code: REGION_CODE } },
      response: { 200: { type: 'object', properties: { ...regionJson.properties, ancestors: { type: 'array', items: regionJson } } }, ...problems(400, 401, 404) },
    },
  }, async (request) => {
    requireActor(request);
    const region = await getRegion(ctx.db, request.params.code);
    if (!region) throw notFound();
    return { ...presentRegion(region), ancestors: (await regionAncestors(ctx.db, region.code)).map(presentRegion) };
  });

  app.get('/api/v1/countries', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['reference'], operationId: 'listCountries', summary: 'Countries and ICAO document codes',
      response: {
        200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, nameId: { type: 'string' }, nameEn: { type: 'string' } } } } } },
        ...problems(401),
      },
    },
  }, async (request, reply) => {
    requireActor(request);
    reply.header('cache-control', 'private, max-age=3600');
    return { items: (await listCountries(ctx.db)).map((c) => ({ code: c.code, nameId: c.name_id, nameEn: c.name_en })) };
  });
}
