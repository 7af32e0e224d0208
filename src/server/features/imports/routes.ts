import Ajv from 'ajv';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { ColumnMapping } from '../../../domain/imports/fields';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { languageOf } from '../../i18n/messages';
import type { RowError } from './check';
import { createImport, dryRun, headersOf, loadImport } from './commands';
import { presentImport, presentRowError } from './presenters';
import { CONTENT_TYPES, type FileFormat, MAX_FILE_BYTES } from './read';
import { screenReported } from '../screening/raise';
import { beginImport, failInterruptedImports, performImport } from './run';
import { errorsPage, idParams, importJson, mappingBody, pageOnly, receiptsPage, uploadQuery, uploadResult } from './schemas';

// Bulk import of guests: upload → mapping → dry run → import (progress polled) → receipts.
//
// The upload is the one API write that is not JSON: the file is the raw request body
// (text/csv or the XLSX type), parsed to bytes only inside this plugin, with its own body
// limit. Neither type can be sent cross-site without a CORS preflight (unlike text/plain,
// which the app refuses for that reason), so the JSON-only rule's purpose still holds.

type Page = { page: number; pageSize: number };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE = { type: 'string', format: 'binary', description: 'the file itself' } as const;

// This route's body is bytes, which no JSON schema can check: its own compiler passes the
// bytes (the reader checks the file) and compiles the query string as the app does.
const queryAjv = new Ajv({ coerceTypes: 'array', useDefaults: true, strict: false, allErrors: true });
const uploadCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  httpPart === 'body' ? () => true : queryAjv.compile(schema as object);

export function importsRoutes(app: FastifyInstance, ctx: AppContext): void {
  if (ctx.dbKind === 'sqlite') app.addHook('onReady', () => failInterruptedImports(ctx.db));
  void app.register(async (scope) => {
    scope.addContentTypeParser(Object.keys(CONTENT_TYPES), { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    scope.post<{ Querystring: { lodgingId?: string; fileName?: string }; Body: Buffer }>('/api/v1/imports', {
      bodyLimit: MAX_FILE_BYTES, validatorCompiler: uploadCompiler,
      config: { access: gate('import', 'use', onRecord('import', 'create')) },
      schema: {
        tags: ['imports'], operationId: 'uploadImport', summary: 'Upload a guest file (CSV or XLSX) to import',
        description: `The file is the request body: Content-Type text/csv (UTF-8; comma, semicolon or tab) or ${XLSX}. At most 20 MB and 100,000 rows; the first row names the columns. Nothing is reported until the import is run.`,
        querystring: uploadQuery, body: { content: { 'text/csv': { schema: FILE }, [XLSX]: { schema: FILE } } },
        response: { 201: uploadResult, ...problems(400, 401, 403, 413, 415) },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format: FileFormat | undefined = CONTENT_TYPES[type];
      if (!format || !(request.body instanceof Uint8Array)) throw new AppError(415, 'unsupported_media_type', [{ field: 'file', key: 'field.file_type' }]);
      const name = request.query.fileName?.trim() || `upload.${format}`;
      const { imp, table, suggested } = await createImport(ctx.db, actor, { bytes: request.body, format, name, lodgingId: request.query.lodgingId });
      return reply.status(201).send({ ...presentImport(imp), sample: table.rows.slice(0, 5), suggested });
    });
  });

  app.get<{ Params: { id: string } }>('/api/v1/imports/:id', {
    config: { access: gate('import', 'use', onRecord('import', 'read')) },
    schema: { tags: ['imports'], operationId: 'getImport', summary: 'An import: state, progress and counts', params: idParams, response: { 200: importJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const imp = await loadImport(ctx.db, requireActor(request), request.params.id);
    return presentImport(imp);
  });

  app.post<{ Params: { id: string }; Body: { mapping: ColumnMapping } }>('/api/v1/imports/:id/dry-run', {
    config: { access: gate('import', 'use', onRecord('import', 'run')) },
    schema: {
      tags: ['imports'], operationId: 'dryRunImport', summary: 'Check every row without storing anything (remembers the mapping)',
      description: 'Answers the counts; the row errors are listed by GET /api/v1/imports/{id}/errors.',
      params: idParams, body: mappingBody, response: { 200: importJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const imp = await dryRun(ctx.db, requireActor(request), request.params.id, request.body.mapping);
    return presentImport(imp);
  });

  app.post<{ Params: { id: string }; Body: { mapping: ColumnMapping } }>('/api/v1/imports/:id/run', {
    config: { access: gate('import', 'use', onRecord('import', 'run')) },
    schema: {
      tags: ['imports'], operationId: 'runImport', summary: 'Store the valid rows; runs in the background (poll GET /api/v1/imports/{id})',
      description: 'Rows imported before (same lodging, passport and arrival date) are skipped, never stored twice. A row with a departure date is stored checked out.',
      params: idParams, body: mappingBody, response: { 202: importJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await beginImport(ctx.db, actor, request.params.id, request.body.mapping);
    // the import runs after the answer; its progress and its end are in the imports row
    void performImport(ctx.db, actor, request.params.id, { onChunk: () => void ctx.relay.kick(), screen: (ids) => screenReported(ctx, request.log, ids) })
      .catch((err) => request.log.error({ err }, 'import failed'));
    const imp = await loadImport(ctx.db, actor, request.params.id);
    return reply.status(202).send(presentImport(imp));
  });

  app.get<{ Params: { id: string }; Querystring: Page }>('/api/v1/imports/:id/errors', {
    config: { access: gate('import', 'use', onRecord('import', 'read')) },
    schema: {
      tags: ['imports'], operationId: 'listImportErrors', summary: 'The row errors of the last dry run or import, in the caller\'s language',
      params: idParams, querystring: pageOnly, response: { 200: errorsPage, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const imp = await loadImport(ctx.db, requireActor(request), request.params.id);
    const { page, pageSize } = request.query;
    const kept = imp.errors ? (JSON.parse(imp.errors) as { total: number; items: RowError[] }) : { total: 0, items: [] };
    const lang = languageOf(request.headers['accept-language']);
    const headers = headersOf(imp);
    const mapping = imp.mapping ? (JSON.parse(imp.mapping) as ColumnMapping) : {};
    const items = kept.items.slice((page - 1) * pageSize, page * pageSize).map((e) => presentRowError(e, lang, headers, mapping));
    return { items, total: kept.total, page, pageSize };
  });

  app.get<{ Params: { id: string }; Querystring: Page }>('/api/v1/imports/:id/receipts', {
    config: { access: gate('import', 'use', onRecord('import', 'read')) },
    schema: {
      tags: ['imports'], operationId: 'listImportReceipts', summary: 'The receipts of the stays an import stored, by row',
      params: idParams, querystring: pageOnly, response: { 200: receiptsPage, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const imp = await loadImport(ctx.db, requireActor(request), request.params.id);
    const { page, pageSize } = request.query;
    const base = ctx.db.selectFrom('import_rows').where('import_rows.import_id', '=', imp.id);
    const rows = await base.innerJoin('stays', 'stays.id', 'import_rows.stay_id')
      .select(['import_rows.row_number', 'stays.id', 'stays.receipt_number']).orderBy('import_rows.row_number')
      .limit(pageSize).offset((page - 1) * pageSize).execute();
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map((r) => ({ row: Number(r.row_number), stayId: r.id, receiptNumber: r.receipt_number })), total: Number(total.n), page, pageSize };
  });
}
