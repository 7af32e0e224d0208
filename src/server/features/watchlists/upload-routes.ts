import Ajv from 'ajv';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { AppContext } from '../../context';
import { AppError, fieldInvalid } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { authorize } from '../../policies';
import { presentImport } from './presenters';
import { ensureNoImportRunning, loadImport, loadWatchlist, recentImports } from './queries';
import { listChanged } from './routes';
import { idParams, importJson, problems, uploadQuery } from './schemas';
import { beginUpload, failInterruptedUploads, performUpload } from './upload';

// Uploading a watchlist file: the file is the raw request body (text/csv or FollowTheMoney JSON
// lines as application/x-ndjson), as in the guest import; neither type can be sent cross-site
// without a CORS preflight. The import runs after the answer (202); the screen polls its row.

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl'];
const FILE = { type: 'string', format: 'binary', description: 'the file itself' } as const;
const queryAjv = new Ajv({ coerceTypes: 'array', useDefaults: true, strict: false, allErrors: true });
const uploadCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  httpPart === 'body' ? () => true : queryAjv.compile(schema as object);

export function watchlistUploadRoutes(app: FastifyInstance, ctx: AppContext): void {
  if (ctx.dbKind === 'sqlite') app.addHook('onReady', () => failInterruptedUploads(ctx.db));
  void app.register(async (scope) => {
    scope.addContentTypeParser(TYPES, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    scope.post<{ Params: { id: string }; Querystring: { fileName?: string }; Body: Buffer }>('/api/v1/watchlists/:id/imports', {
      bodyLimit: MAX_FILE_BYTES, validatorCompiler: uploadCompiler,
      config: { access: gate('watchlist', 'edit', onRecord('watchlist', 'manage')) },
      schema: {
        tags: ['watchlists'], operationId: 'uploadWatchlistFile', summary: 'Import a CSV or FollowTheMoney file into a watchlist (runs in the background)',
        description: 'The file is the request body: text/csv (columns id, name, aliases, birthDate, nationality, passportNumber, reason) or application/x-ndjson '
          + '(FollowTheMoney Person entities). Entries are keyed by the source id: a re-import updates them, adds new ones and removes those no longer in the file '
          + '(entries added by hand stay). Poll GET /api/v1/watchlist-imports/{id} for progress and the per-line error report.',
        params: idParams, querystring: uploadQuery,
        body: { content: { 'text/csv': { schema: FILE }, 'application/x-ndjson': { schema: FILE } } },
        response: { 202: importJson, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const list = await loadWatchlist(ctx.db, request.params.id);
      authorize(actor, 'watchlist', 'manage', list);
      const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!TYPES.includes(type) || !(request.body instanceof Uint8Array)) throw new AppError(415, 'unsupported_media_type', [{ field: 'file', key: 'field.watchlist_file_type' }]);
      const text = Buffer.from(request.body).toString('utf8');
      if (text.trim() === '') throw fieldInvalid('file', 'field.watchlist_file_empty');
      await ensureNoImportRunning(ctx.db, list.id);
      const fileName = request.query.fileName?.trim() || (type === 'text/csv' ? 'upload.csv' : 'upload.jsonl');
      const id = await beginUpload(ctx.db, actor, list, fileName);
      // runs after the answer; the list version it writes makes the screening service re-screen
      void performUpload(ctx.db, actor, list, id, fileName, text).then(() => listChanged(ctx, request.log));
      return reply.status(202).send(presentImport(await loadImport(ctx.db, id)));
    });
  });

  app.get<{ Params: { id: string } }>('/api/v1/watchlist-imports/:id', {
    config: { access: gate('watchlist', 'list', onRecord('watchlist', 'readImport')) },
    schema: {
      tags: ['watchlists'], operationId: 'getWatchlistImport', summary: 'An uploaded file\'s import: progress, counts and the per-line error report',
      params: idParams, response: { 200: importJson, ...problems(401, 403, 404) },
    },
  }, async (request) => {
    const imp = await loadImport(ctx.db, request.params.id);
    authorize(requireActor(request), 'watchlist', 'readImport', imp);
    return presentImport(imp);
  });

  app.get<{ Params: { id: string } }>('/api/v1/watchlists/:id/imports', {
    config: { access: gate('watchlist', 'list', onRecord('watchlist', 'manage')) },
    schema: {
      tags: ['watchlists'], operationId: 'listWatchlistImports', summary: 'The latest file imports of a watchlist',
      params: idParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: importJson } } }, ...problems(401, 403, 404) },
    },
  }, async (request) => {
    const list = await loadWatchlist(ctx.db, request.params.id);
    authorize(requireActor(request), 'watchlist', 'manage', list);
    return { items: (await recentImports(ctx.db, list.id)).map(presentImport) };
  });
}
