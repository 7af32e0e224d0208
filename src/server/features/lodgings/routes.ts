import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { requireActor } from '../../http/actor';
import { REGION_CODE, problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { regionWithin, scopeFor } from '../../policies/scope';
import { gate } from '../../http/access';

// Lodgings (and sponsors' premises) a guest can be reported at: an officer's area, or a
// reporter's own. Officers pick from this list when they report for a lodging.

const lodgingJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, lodgingType: { type: ['string', 'null'] },
    address: { type: 'string' }, villageCode: { type: 'string' }, villageName: { type: 'string' }, verified: { type: 'boolean' },
  },
} as const;

export function lodgingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { region?: string } }>('/api/v1/lodgings', {
    config: { access: gate('lodging', 'list') },
    schema: {
      tags: ['stays'], operationId: 'listLodgings', summary: 'Lodgings and sponsors in the caller\'s scope',
      querystring: { type: 'object', additionalProperties: false, properties: { region: REGION_CODE } },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: lodgingJson } } }, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'lodging', 'list');
    let q = ctx.db.selectFrom('reporter_orgs').innerJoin('regions', 'regions.code', 'reporter_orgs.village_code')
      .select(['reporter_orgs.id', 'reporter_orgs.name', 'reporter_orgs.kind', 'reporter_orgs.lodging_type', 'reporter_orgs.address',
        'reporter_orgs.village_code', 'regions.name as village_name', 'reporter_orgs.verified_at'])
      .where('reporter_orgs.kind', 'in', ['lodging', 'company'])
      .orderBy('reporter_orgs.name');
    const scope = scopeFor(actor);
    q = q.where((eb) => scope.where(eb, { region: 'reporter_orgs.village_code', org: 'reporter_orgs.id' }));
    if (request.query.region) q = q.where((eb) => regionWithin(eb, 'reporter_orgs.village_code', request.query.region!));
    const rows = await q.execute();
    return {
      items: rows.map((r) => ({
        id: r.id, name: r.name, kind: r.kind, lodgingType: r.lodging_type, address: r.address, villageCode: r.village_code,
        villageName: r.village_name, verified: r.verified_at !== null,
      })),
    };
  });
}
