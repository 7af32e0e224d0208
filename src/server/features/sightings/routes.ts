import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { createSighting, dismissSighting, linkSighting, visibleSighting } from './commands';
import { photoRoutes } from './photos';
import { presentSighting } from './presenters';
import { listSightings, listsOwn, loadSightingView } from './queries';
import {
  createdJson, dismissBody, idempotencyHeaders, idParams, linkBody, listQuery, type SightingInput, type SightingListFilter, sightingBody, sightingJson, sightingList,
} from './schemas';

// Early-detection reports (laporan deteksi dini): field officers report from a phone, often
// offline, with an Idempotency-Key per report; the team triages them: link to a known person
// (the alert rules then look at the sighting), open a case (POST /api/v1/cases), or dismiss.

export function sightingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: SightingInput }>('/api/v1/sightings', {
    config: { access: gate('sighting', 'create') },
    schema: {
      tags: ['sightings'], operationId: 'createSighting', summary: 'Report a sighting of a foreigner (laporan deteksi dini)',
      description: 'For field officers and Timpora officers, inside their area. The Idempotency-Key header is required: a replay with the '
        + 'same key and body answers the first answer and stores nothing; the same key with another body answers 409.',
      headers: idempotencyHeaders, body: sightingBody, response: { 201: createdJson, ...problems(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await createSighting(ctx.db, actor, request.headers['idempotency-key'] as string, request.body);
    void ctx.relay.kick();
    return reply.status(result.status).send(result.body);
  });

  app.get<{ Querystring: SightingListFilter }>('/api/v1/sightings', {
    config: { access: gate('sighting', 'list') },
    schema: {
      tags: ['sightings'], operationId: 'listSightings',
      summary: 'Sightings: the caller\'s own with their status (mine=true), or the triage list of the caller\'s area, newest first (audited)',
      querystring: listQuery, response: { 200: sightingList, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { rows, total } = await listSightings(ctx.db, actor, request.query);
    if (!listsOwn(actor, request.query)) {
      await recordRead(ctx.db, actor, {
        action: 'sighting.list', resourceType: 'sighting', regionCode: request.query.village ?? actor.areaCode,
        detail: { query: request.query, returned: rows.map((r) => r.id) },
      });
    }
    return { items: rows.map((r) => presentSighting(actor, r)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get<{ Params: { id: string } }>('/api/v1/sightings/:id', {
    config: { access: gate('sighting', 'list', onRecord('sighting', 'read')) },
    schema: { tags: ['sightings'], operationId: 'getSighting', summary: 'One sighting (audited)', params: idParams, response: { 200: sightingJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await visibleSighting(ctx.db, actor, request.params.id);
    authorize(actor, 'sighting', 'read', row);
    if (row.reported_by !== actor.id) {
      await recordRead(ctx.db, actor, { action: 'sighting.read', resourceType: 'sighting', resourceId: row.id, regionCode: row.village_code });
    }
    return presentSighting(actor, await loadSightingView(ctx.db, row.id));
  });

  app.post<{ Params: { id: string }; Body: { personId: string; note?: string } }>('/api/v1/sightings/:id/link', {
    config: { access: gate('sighting', 'triage', onRecord('sighting', 'link')) },
    schema: {
      tags: ['sightings'], operationId: 'linkSighting', summary: 'Link a sighting to a known person of the area (the alert rules then consider it)',
      params: idParams, body: linkBody, response: { 200: sightingJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await linkSighting(ctx.db, actor, request.params.id, request.body);
    void ctx.relay.kick();
    return presentSighting(actor, await loadSightingView(ctx.db, row.id));
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/sightings/:id/dismiss', {
    config: { access: gate('sighting', 'triage', onRecord('sighting', 'dismiss')) },
    schema: {
      tags: ['sightings'], operationId: 'dismissSighting', summary: 'Dismiss a sighting with a reason (the reporting officer reads it)',
      params: idParams, body: dismissBody, response: { 200: sightingJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await dismissSighting(ctx.db, actor, request.params.id, request.body.reason);
    void ctx.relay.kick();
    return presentSighting(actor, await loadSightingView(ctx.db, row.id));
  });

  photoRoutes(app, ctx);
}
