import type { FastifyInstance } from 'fastify';
import { localDate, timeZoneOfRegion } from '../../../domain/regions';
import type { Actor } from '../../auth/actor';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize, ensureVisible, inArea } from '../../policies';
import { presentPresentRow } from './presenters';
import { type PresentFilter, listPresent } from './queries';
import { presentListJson, presentQuery } from './schemas';

// Who is present: everyone present in the officer's area (or a region of it), from every source.

/** Today in the zone of the region the list is about (Soppeng: WITA). */
export function todayFor(actor: Actor, region: string | undefined, now = new Date()): string {
  const code = region ?? actor.areaCode ?? actor.areas[0] ?? '31';
  return localDate(now, timeZoneOfRegion(code));
}

export function presentRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: PresentFilter }>('/api/v1/present', {
    config: { access: gate('present', 'list', onRecord('present', 'region')) },
    schema: {
      tags: ['persons'], operationId: 'listPresent',
      summary: 'Everyone present in the caller\'s area, from every source, filtered by status and field (audited)',
      description: 'Statuses: present (all), overstaying (permit ended), expiring7 / expiring30 (permit ends within 7 / 30 days), '
        + 'late (late report), conflict (open identity conflict). Dates are in the region\'s own zone. '
        + 'Fields follow the field matrix; a filter on a field group the caller does not see matches nothing.',
      querystring: presentQuery, response: { 200: presentListJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const f = request.query;
    if (f.region) {
      ensureVisible(inArea(actor, f.region));
      authorize(actor, 'present', 'region', f.region);
    }
    const today = todayFor(actor, f.region);
    const { rows, total } = await listPresent(ctx.reads, actor, f, today);
    await recordRead(ctx.db, actor, {
      action: 'present.list', resourceType: 'stay', regionCode: f.region ?? actor.areaCode,
      detail: { query: f, today, returned: rows.map((r) => r.stay_id) },
    });
    return { items: rows.map((r) => presentPresentRow(actor, r, today)), total, page: f.page, pageSize: f.pageSize, today };
  });
}
