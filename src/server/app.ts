import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type Config, mapTileOrigin } from './config';
import type { AppContext } from './context';
import { type Db, openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { sqliteReadPool } from './db/read-pool';
import { loadReferenceData } from './db/reference';
import type { Database } from './db/schema';
import { seedDemoOnce } from './db/demo';
import { type EventBus, LocalBus, PostgresBus } from './events/bus';
import { OutboxRelay } from './events/relay';
import { housekeeping } from './jobs/housekeeping';
import { analyzeGrownTables } from './db/statistics';
import { exportsRoutes } from './features/exports/routes';
import { mailOpenStays, remindOpenStays } from './jobs/reminders';
import { registerActorResolution } from './http/actor';
import { clientErrorHandler, frameworkErrors, registerProblemHandler, sendProblem } from './http/problems';
import { registerInputGuard } from './http/input-guard';
import { registerValidatorCompiler } from './http/validator';
import { languageOf } from './i18n/messages';
import { problemSchema } from './http/schemas';
import { registerSecurityHeaders } from './http/security-headers';
import { mapRoutes } from './features/map/routes';
import { registerDocsGate } from './http/docs-gate';
import { startAuditJobs } from './audit/jobs';
import { startAlertJobs } from './features/alerts/jobs';
import { startNotifier } from './features/notifications/notifier';
import { notificationsRoutes } from './features/notifications/routes';
import { inboxRoutes } from './features/notifications/inbox-routes';
import { startTaskNotices } from './features/notifications/tasks';
import { channelRoutes } from './features/channel/routes';
import { rescreenRunner } from './features/screening/jobs';
import { screeningRoutes } from './features/screening/routes';
import { type ListChange, ScreeningService } from './features/screening/service';
import { alertsRoutes } from './features/alerts/routes';
import { casesRoutes } from './features/cases/routes';
import { operationsRoutes } from './features/operations/routes';
import { auditRoutes } from './features/audit/routes';
import { adminRoutes } from './features/admin/routes';
import { apiKeysRoutes } from './features/apikeys/routes';
import { accountRoutes } from './features/auth/account';
import { authRoutes } from './features/auth/routes';
import { totpRoutes } from './features/auth/totp';
import { eventsRoutes } from './features/events/routes';
import { healthRoutes } from './features/health/routes';
import { identityRoutes } from './features/identity/routes';
import { importsRoutes } from './features/imports/routes';
import { lodgingsRoutes } from './features/lodgings/routes';
import { referenceRoutes } from './features/reference/routes';
import { statsRoutes } from './features/stats/routes';
import { presentRoutes } from './features/present/routes';
import { personLinksRoutes } from './features/person-links/routes';
import { personsRoutes } from './features/persons/routes';
import { registrationsRoutes } from './features/registrations/routes';
import { preregPublicRoutes } from './features/preregistration/public-routes';
import { preregistrationRoutes } from './features/preregistration/routes';
import { staysRoutes } from './features/stays/routes';
import { workReportsRoutes } from './features/work-reports/routes';
import { watchlistsRoutes } from './features/watchlists/routes';
import { sightingsRoutes } from './features/sightings/routes';
import { meetingsRoutes } from './features/meetings/routes';
import { teamReportRoutes } from './features/teams/report-routes';
import { teamsRoutes } from './features/teams/routes';
import { verifyReceiptRoutes } from './features/stays/verify-receipt';
import { stayLifecycleRoutes } from './features/stays/lifecycle-routes';
import { receiptsRoutes } from './features/stays/receipts-routes';
import { registerAccessGate } from './http/access';
import { indexUnindexedPersons } from './features/persons/name-index';
import { raiseDemoAlerts } from './db/demo-alerts';
import { registerIdempotency } from './http/idempotency';
import { registerContentDecoding } from './http/content-encoding';
import { decodePathColons } from './http/rewrite-url';

/** how often PostgreSQL's grown tables are looked for (analyzeGrownTables) */
const STATISTICS_EVERY_MS = 10_000;

export const VERSION: string = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** Prepares the database: schema, reference data, and on an empty database in demo mode the Soppeng demo. */
export async function prepareDatabase(db: Kysely<Database>, config: Pick<Config, 'demo'>): Promise<void> {
  await migrateToLatest(db);
  await loadReferenceData(db);
  if (config.demo && (await seedDemoOnce(db))) await raiseDemoAlerts(db);
  await indexUnindexedPersons(db);
}

async function receiptKey(db: Kysely<Database>): Promise<Buffer> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'receipt_key').executeTakeFirst();
  if (row) return Buffer.from(row.value, 'base64');
  const key = randomBytes(32);
  await db.insertInto('settings').values({ key: 'receipt_key', value: key.toString('base64') })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
  const stored = await db.selectFrom('settings').select('value').where('key', '=', 'receipt_key').executeTakeFirstOrThrow();
  return Buffer.from(stored.value, 'base64');
}

/**
 * Builds the whole app on a database (opened from config unless given). Tests call this
 * directly and use app.inject() or listen on port 0. Closing the app closes a database it opened.
 */
export async function buildApp(config: Config, options: { db?: Db } = {}): Promise<FastifyInstance> {
  const db = options.db ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await prepareDatabase(db.kysely, config);
  const bus: EventBus = db.kind === 'postgres' ? new PostgresBus(db.url) : new LocalBus();
  if (bus instanceof PostgresBus) await bus.whenReady();
  let onListChange = (_change: ListChange) => undefined as void;
  const reads = db.kind === 'sqlite' && db.url !== ':memory:' && config.sqliteReaders > 0 ? sqliteReadPool(db.url, config.sqliteReaders) : db.kysely;
  const ctx: AppContext = {
    db: db.kysely, reads, dbKind: db.kind, config, bus, relay: new OutboxRelay(db.kysely, bus, (err) => console.error('outbox relay:', err)), receiptKey: await receiptKey(db.kysely), version: VERSION,
    screening: new ScreeningService(db.kysely, (change) => onListChange(change)),
  };

  const app = Fastify({
    logger: config.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    bodyLimit: 1024 * 1024 + 64 * 1024, // a bit over 1 MB so an oversized field gets a 400 naming it, not a bare 413
    // X-Forwarded-For only from the proxies named in SINERGI_TRUST_PROXY (default: none)
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    frameworkErrors, // router errors (bad URL, over-long param) as problem+json
    clientErrorHandler, // HTTP parser errors (headers or URL over 16 KB) as problem+json
    rewriteUrl: decodePathColons, // `stays%3Abatch` reaches `stays:batch`
  });
  registerValidatorCompiler(app); // bodies uncoerced, query/params coerced; one error per unknown-key object
  registerContentDecoding(app); // gzip, deflate and br bodies
  registerInputGuard(app); // NUL, width and depth checked once for every route
  // JSON only: a cross-site form can post text/plain without a CORS preflight, so refuse it
  app.removeContentTypeParser('text/plain');
  app.addSchema(problemSchema);
  registerProblemHandler(app);
  registerSecurityHeaders(app, { hsts: config.secureCookies, imgSources: [mapTileOrigin(config)].filter((o): o is string => !!o) });
  await app.register(cookie);
  registerDocsGate(app, ctx);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Sinergi API', version: VERSION, description: 'Reporting and supervision of foreign nationals (WNA). See docs/api.md.' },
      servers: [{ url: '/', description: 'this server' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sinergi_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'an API key (snrg_...) from POST /api/v1/api-keys, for hotel software' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  registerActorResolution(app, ctx);
  const accessTable = registerAccessGate(app);
  app.decorate('accessTable', accessTable);
  registerIdempotency(app, db.kysely); // every POST: Idempotency-Key replays
  app.decorate('screening', ctx.screening);
  app.decorate('context', ctx); // for benches that time a route's work without HTTP (bench/import.ts)

  for (const routes of [healthRoutes, authRoutes, accountRoutes, totpRoutes, referenceRoutes, lodgingsRoutes, staysRoutes, stayLifecycleRoutes, receiptsRoutes, verifyReceiptRoutes, statsRoutes, eventsRoutes, identityRoutes, personsRoutes, presentRoutes, personLinksRoutes, alertsRoutes, notificationsRoutes, registrationsRoutes, preregPublicRoutes, preregistrationRoutes, workReportsRoutes, importsRoutes, adminRoutes, auditRoutes, teamsRoutes, meetingsRoutes, teamReportRoutes, casesRoutes, operationsRoutes, channelRoutes, inboxRoutes, apiKeysRoutes, mapRoutes, exportsRoutes]) routes(app, ctx);
  sightingsRoutes(app, ctx);
  const rescreen = rescreenRunner(app, ctx);
  onListChange = (change) => void rescreen.start(change);
  screeningRoutes(app, ctx, rescreen.progress);
  watchlistsRoutes(app, ctx);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await serveWebApp(app, config.webDir);

  const relayTimer = setInterval(() => void ctx.relay.kick(), 2000);
  const housekeepingTimer = setInterval(() => void housekeeping(db.kysely, new Date(), { channelRetentionDays: config.channelRetentionDays, dataDir: config.dataDir, exportRetentionHours: config.exportRetentionHours }).catch((err) => app.log.error({ err }, 'housekeeping')), 3600_000);
  // hourly, reminding each lodging with stays to close once per local day, in the app and by e-mail
  const reminderTimer = setInterval(() => void remindOpenStays(db.kysely, new Date(), mailOpenStays(config)).catch((err) => app.log.error({ err }, 'reminders')), 3600_000);
  // PostgreSQL: the tables reports grow are analyzed once a tenth of them changed (db/statistics.ts),
  // within seconds and whether or not autovacuum runs; one catalog query a round when nothing grew
  let analyzing: Promise<unknown> | null = null;
  const statisticsTimer = db.kind === 'postgres'
    ? setInterval(() => {
      analyzing ??= analyzeGrownTables(db.kysely).catch((err) => app.log.error({ err }, 'statistics')).finally(() => { analyzing = null; });
    }, STATISTICS_EVERY_MS)
    : undefined;
  app.addHook('onClose', async () => {
    clearInterval(relayTimer);
    clearInterval(housekeepingTimer);
    clearInterval(reminderTimer);
    clearInterval(statisticsTimer);
    await analyzing;
    await rescreen.stop();
    await ctx.relay.stop();
    await bus.close();
    if (reads !== db.kysely) await reads.destroy();
    if (!options.db) await db.close(); // a database handed in belongs to the caller
  });
  // after the hook above: Fastify runs onClose hooks last-registered first, so each job stops
  // (and finishes its run) before the relay, the read workers and the database close under it
  await startAuditJobs(app, db.kysely, config);
  startAlertJobs(app, ctx);
  startNotifier(app, ctx);
  startTaskNotices(app, ctx);
  void ctx.screening.current().catch((err) => app.log.error({ err }, 'watchlist index')); // warm: the first check-in should not wait
  await ctx.relay.kick(); // anything committed before a crash goes out now
  return app;
}

/**
 * Serves the built web app (when built) and answers every unknown route: client-side
 * routes of the web app get index.html, anything else a problem+json 404.
 */
async function serveWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const index = path.join(webDir, 'index.html');
  const hasWebApp = fs.existsSync(index);
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: webDir, wildcard: false, index: ['index.html'], cacheControl: false,
      setHeaders: (reply, file) => {
        // hashed assets are immutable; the shell and the service worker must revalidate
        reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    const isPage = request.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/docs') && !path.extname(url);
    if (hasWebApp && isPage) return reply.type('text/html').header('cache-control', 'no-cache').send(fs.readFileSync(index));
    return sendProblem(reply, languageOf(request.headers['accept-language']), 404, 'not_found', []);
  });
}
