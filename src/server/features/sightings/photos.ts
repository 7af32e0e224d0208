import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SIGHTING_PHOTO_MAX_BYTES, sniffImage } from '../../../domain/sightings';
import { appendAudit, lockWrites } from '../../audit/log';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { AppError, fieldInvalid, notFound } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { visibleSighting } from './commands';
import { idParams } from './schemas';

// The optional photo of a sighting: sent by its reporter as the raw image (image/jpeg or
// image/png, at most 5 MB, the type decided by the bytes, not the header), kept under the data
// directory, never in the database; every download is audited. PUT: sending it again (a phone
// retrying) replaces it with the same bytes.

/** The parsed image sits under a symbol so the input guard's walk over bodies does not count its bytes. */
const BYTES = Symbol('photo');
type PhotoBody = { [BYTES]: Buffer };
const MB = 1024 * 1024;

export const photoPath = (dataDir: string, id: string) => path.join(dataDir, 'sightings', `${id}.img`);

export function photoRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    // a little over the limit so a photo just too large gets a 400 naming it, not a bare 413
    scope.addContentTypeParser(['image/jpeg', 'image/png'], { parseAs: 'buffer', bodyLimit: SIGHTING_PHOTO_MAX_BYTES + MB }, (_req, body, done) => {
      done(null, { [BYTES]: body as Buffer } satisfies PhotoBody);
    });

    scope.put<{ Params: { id: string } }>('/api/v1/sightings/:id/photo', {
      config: { access: gate('sighting', 'create', onRecord('sighting', 'attachPhoto')) },
      schema: {
        tags: ['sightings'], operationId: 'putSightingPhoto', summary: 'Attach the photo of one\'s own sighting (JPEG or PNG, at most 5 MB)',
        description: 'Send the image itself as the body with Content-Type image/jpeg or image/png. Sending it again replaces it.',
        params: idParams, response: { 204: { type: 'null' }, ...problems(400, 401, 403, 404, 413, 415) },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const row = await visibleSighting(ctx.db, actor, request.params.id);
      authorize(actor, 'sighting', 'attachPhoto', row);
      const bytes = (request.body as PhotoBody | undefined)?.[BYTES];
      if (!bytes) throw new AppError(415, 'unsupported_media_type');
      if (bytes.length > SIGHTING_PHOTO_MAX_BYTES) throw fieldInvalid('photo', 'field.photo_too_large', { limit: SIGHTING_PHOTO_MAX_BYTES / MB });
      const type = sniffImage(bytes);
      if (!type) throw fieldInvalid('photo', 'field.photo_type');
      const file = photoPath(ctx.config.dataDir, row.id);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(`${file}.tmp`, bytes);
      await fs.rename(`${file}.tmp`, file); // whole or nothing: a download never sees half a photo
      await ctx.db.transaction().execute(async (trx) => {
        await lockWrites(trx);
        const at = new Date().toISOString();
        await trx.updateTable('sightings').set({ photo_type: type, photo_size: bytes.length, updated_at: at }).where('id', '=', row.id).execute();
        await appendAudit(trx, actor, { action: 'sighting.photo', resourceType: 'sighting', resourceId: row.id, regionCode: row.village_code, detail: { type, size: bytes.length } });
      });
      return reply.status(204).send();
    });
  });

  app.get<{ Params: { id: string } }>('/api/v1/sightings/:id/photo', {
    config: { access: gate('sighting', 'list', onRecord('sighting', 'read')) },
    schema: {
      tags: ['sightings'], operationId: 'getSightingPhoto', summary: 'The photo of a sighting (audited download)',
      params: idParams, response: problems(401, 403, 404),
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await visibleSighting(ctx.db, actor, request.params.id);
    authorize(actor, 'sighting', 'read', row);
    if (!row.photo_type) throw notFound();
    const bytes = await fs.readFile(photoPath(ctx.config.dataDir, row.id)).catch(() => null);
    if (!bytes) throw notFound();
    await recordRead(ctx.db, actor, { action: 'sighting.photo_download', resourceType: 'sighting', resourceId: row.id, regionCode: row.village_code });
    return reply.type(row.photo_type).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(bytes);
  });
}
