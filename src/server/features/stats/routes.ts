import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import { requireActor } from '../../http/actor';
import { REGION_CODE, problems } from '../../http/schemas';
import { authorize, ensureVisible, inArea } from '../../policies';
import { regionWithin } from '../../policies/scope';
import { gate, onRecord } from '../../http/access';
import { areaStatsRoutes } from './area-routes';

// The area picture: who is present now, by nationality and by permit kind. Aggregates only.

export async function presentStats(db: Kysely<Database>, region: string) {
  const present = db.selectFrom('stays').where('departure_date', 'is', null).where('cancelled_at', 'is', null)
    .where((eb) => regionWithin(eb, 'stays.region_code', region));
  // the nationality each report gave: answered from the present index, no join with persons
  const byNationality = await present.select(['stays.reported_nationality as key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('stays.reported_nationality').execute();
  const byPermit = await present.select(['permit_kind as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('permit_kind').execute();
  // lodging guests, workers (work reports) and residents with private hosts: all of them are present
  const byKind = await present.select(['report_kind as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('report_kind').execute();
  const toRecord = (rows: { key: string | null; n: number | string | bigint }[]) =>
    Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]).sort((a, b) => (b[1] as number) - (a[1] as number)));
  return {
    region,
    presentCount: byPermit.reduce((sum, r) => sum + Number(r.n), 0),
    byNationality: toRecord(byNationality),
    byPermitKind: toRecord(byPermit),
    byReportKind: { lodging: 0, work: 0, residence: 0, ...toRecord(byKind) },
  };
}

const counts = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export function statsRoutes(app: FastifyInstance, ctx: AppContext): void {
  areaStatsRoutes(app, ctx);
  app.get<{ Querystring: { region?: string } }>('/api/v1/stats/present', {
    config: { access: gate('dashboard', 'view', onRecord('stats', 'view')) },
    schema: {
      tags: ['dashboard'], operationId: 'getPresentStats', summary: 'Foreigners present now in a region (default: the caller\'s area)',
      querystring: { type: 'object', additionalProperties: false, properties: { region: REGION_CODE } },
      response: {
        200: { type: 'object', properties: { region: { type: 'string' }, presentCount: { type: 'integer' }, byNationality: counts, byPermitKind: counts,
          byReportKind: { ...counts, description: 'present by report kind: lodging (guests), work (foreign workers), residence (with private hosts)' },
        } },
        ...problems(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'dashboard', 'view');
    const region = request.query.region ?? actor.areaCode ?? actor.areas[0] ?? '';
    ensureVisible(inArea(actor, region));
    authorize(actor, 'stats', 'view', region);
    return presentStats(ctx.db, region);
  });
}

