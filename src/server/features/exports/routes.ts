import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { AppError, conflict, fieldInvalid, notFound } from '../../errors';
import { gate } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { languageOf } from '../../i18n/messages';
import { ensureVisible } from '../../policies';
import { type ExportRequest, exportFile, failInterruptedExports, requestExport, runExport } from './commands';
import { presentExport } from './presenters';
import { publicPresentByDistrict } from './public-stats';
import { exportBody, exportIdParams, exportJson, publicStatsJson, publicStatsQuery } from './schemas';

// Exports of any list or figure as CSV or XLSX: asked for with a purpose, made in the background
// (progress by polling), downloaded by the user who asked. And the optional public page of
// present counts per district (SINERGI_PUBLIC_STATS).

const MIME = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function exportsRoutes(app: FastifyInstance, ctx: AppContext): void {
  if (ctx.dbKind === 'sqlite') app.addHook('onReady', () => failInterruptedExports(ctx.db));

  app.post<{ Body: ExportRequest }>('/api/v1/exports', {
    config: { access: gate('export', 'create') },
    schema: {
      tags: ['exports'], operationId: 'createExport', summary: 'Start an export of a list or figure as CSV or XLSX (audited, with a purpose)',
      description: 'Runs in the background; poll GET /api/v1/exports/{id} for progress, then download fileUrl. Columns follow the field matrix (docs/access.md).',
      body: exportBody, response: { 202: exportJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const purpose = request.body.purpose.trim();
    if (purpose.length < 3) throw fieldInvalid('purpose', 'field.too_short', { limit: 3 });
    const job = await requestExport(ctx.db, actor, { ...request.body, purpose, filter: request.body.filter ?? {} }, languageOf(request.headers['accept-language']));
    void runExport(ctx.db, ctx.config.dataDir, actor, job.id).catch((err) => request.log.error({ err, exportId: job.id }, 'export failed'));
    return reply.status(202).send(presentExport(job));
  });

  /** The job, only for the user who asked for it: anyone else learns nothing (404). */
  const ownJob = async (userId: string, id: string) => {
    const job = await ctx.db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirst();
    ensureVisible(job !== undefined && job.user_id === userId);
    return job!;
  };

  app.get<{ Params: { id: string } }>('/api/v1/exports/:id', {
    config: { access: gate('export', 'create') },
    schema: {
      tags: ['exports'], operationId: 'getExport', summary: 'An export\'s progress (only for the user who asked for it)',
      params: exportIdParams, response: { 200: exportJson, ...problems(401, 403, 404) },
    },
  }, async (request) => presentExport(await ownJob(requireActor(request).id, request.params.id)));

  app.get<{ Params: { id: string } }>('/api/v1/exports/:id/file', {
    config: { access: gate('export', 'create') },
    schema: {
      tags: ['exports'], operationId: 'downloadExport', summary: 'The finished export file (only for the user who asked for it)',
      params: exportIdParams, produces: [MIME.csv, MIME.xlsx],
      response: { 200: { type: 'string', format: 'binary' }, ...problems(401, 403, 404, 409, 410) },
    },
  }, async (request, reply) => {
    const job = await ownJob(requireActor(request).id, request.params.id);
    if (job.status !== 'done') throw conflict('detail.export_not_ready');
    if (!job.file_path || !fs.existsSync(exportFile(ctx.config.dataDir, job))) {
      throw new AppError(410, 'not_found', [], 'detail.export_expired');
    }
    reply.header('content-disposition', `attachment; filename="${job.file_name}"`).header('cache-control', 'private, no-store');
    return reply.type(MIME[job.format]).send(fs.createReadStream(exportFile(ctx.config.dataDir, job)));
  });

  app.get<{ Querystring: { region: string } }>('/api/v1/public/stats', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'], operationId: 'getPublicStats', summary: 'Foreigners present now per district of a province or regency, without personal data (when enabled)',
      description: 'Only when the server runs with SINERGI_PUBLIC_STATS=1 (404 otherwise). Counts of 1 to 4 are shown as "<5".',
      security: [], querystring: publicStatsQuery, response: { 200: publicStatsJson, ...problems(400, 404) },
    },
  }, async (request, reply) => {
    if (!ctx.config.publicStats) throw notFound();
    const stats = await publicPresentByDistrict(ctx.db, request.query.region);
    if (!stats) throw notFound();
    reply.header('cache-control', 'public, max-age=60');
    return stats;
  });
}
