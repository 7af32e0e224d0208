import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import { type LoginInput, checkCredentials } from '../../auth/login';
import { announceSessionsEnded } from '../../auth/session-events';
import { SESSION_COOKIE, actorForToken, createSession, destroySession } from '../../auth/sessions';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { abilities, authorize } from '../../policies';
import { fieldGroups } from '../../policies/fields';

const nullableObject = (properties: Record<string, unknown>) => ({ type: ['object', 'null'], properties });

export const meJson = {
  type: 'object',
  properties: {
    id: { type: 'string' }, username: { type: 'string' }, displayName: { type: 'string' }, role: { type: 'string' }, locale: { type: 'string' },
    totpEnabled: { type: 'boolean' },
    agency: nullableObject({ id: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } }),
    area: nullableObject({ code: { type: 'string' }, name: { type: 'string' }, level: { type: 'integer' }, timeZone: { type: 'string' } }),
    areas: { type: 'array', description: 'every area the officer supervises: its own and its active Timpora teams\' areas', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } } },
    fieldGroups: { type: 'array', description: 'the field groups the caller sees (docs/access.md)', items: { type: 'string' } },
    reporterOrg: nullableObject({
      id: { type: 'string' }, kind: { type: 'string' }, lodgingType: { type: ['string', 'null'] }, name: { type: 'string' },
      villageCode: { type: 'string' }, verified: { type: 'boolean' },
      registrationStatus: { type: ['string', 'null'], description: 'pending | approved | rejected for a self-registered reporter; null when entered by an administrator' },
      rejectedReason: { type: ['string', 'null'] },
    }),
    abilities: {
      type: 'object',
      properties: { checkIn: { type: 'boolean' }, listStays: { type: 'boolean' }, viewDashboard: { type: 'boolean' }, manageAgencies: { type: 'boolean' }, manageUsers: { type: 'boolean' }, viewAudit: { type: 'boolean' }, viewIdentityConflicts: { type: 'boolean' }, viewAlerts: { type: 'boolean' }, reviewRegistrations: { type: 'boolean' }, preregistration: { type: 'boolean' },
        reportWorkers: { type: 'boolean' }, listWorkers: { type: 'boolean' }, reportResidence: { type: 'boolean' },
        reportSightings: { type: 'boolean' }, triageSightings: { type: 'boolean' },
        viewTeams: { type: 'boolean' }, myTasks: { type: 'boolean' },
        viewCases: { type: 'boolean' }, viewOperations: { type: 'boolean' }, planOperations: { type: 'boolean' }, teamChannel: { type: 'boolean' }, manageApiKeys: { type: 'boolean' },
        viewPresent: { type: 'boolean' }, searchPersons: { type: 'boolean' },
        viewProbableLinks: { type: 'boolean' }, mergePersons: { type: 'boolean' },
        viewMap: { type: 'boolean' },
        viewWatchlists: { type: 'boolean' }, editWatchlists: { type: 'boolean' } },
    },
  },
} as const;

export async function presentMe(db: Kysely<Database>, actor: Actor) {
  const agency = actor.agencyId ? await db.selectFrom('agencies').select(['id', 'kind', 'name']).where('id', '=', actor.agencyId).executeTakeFirst() : undefined;
  const area = actor.areaCode ? await db.selectFrom('regions').select(['code', 'name', 'level', 'time_zone']).where('code', '=', actor.areaCode).executeTakeFirst() : undefined;
  const org = actor.reporterOrg
    ? await db.selectFrom('reporter_orgs').select(['id', 'kind', 'lodging_type', 'name', 'village_code', 'verified_at', 'registration_status', 'rejected_reason']).where('id', '=', actor.reporterOrg.id).executeTakeFirst()
    : undefined;
  const totp = await db.selectFrom('users').select('totp_secret').where('id', '=', actor.id).executeTakeFirst();
  return {
    id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role, locale: actor.locale,
    totpEnabled: !!totp?.totp_secret,
    agency: agency ?? null,
    area: area ? { code: area.code, name: area.name, level: Number(area.level), timeZone: area.time_zone } : null,
    areas: actor.areas.length
      ? (await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', actor.areas).orderBy('code').execute())
      : [],
    fieldGroups: [...fieldGroups(actor)],
    reporterOrg: org ? { id: org.id, kind: org.kind, lodgingType: org.lodging_type, name: org.name, villageCode: org.village_code, verified: org.verified_at !== null,
      registrationStatus: org.registration_status ?? null, rejectedReason: org.rejected_reason ?? null,
    } : null,
    abilities: {
      ...abilities(actor, 'stay', { checkIn: 'report', listStays: 'list' }),
      ...abilities(actor, 'dashboard', { viewDashboard: 'view' }),
      ...abilities(actor, 'agency', { manageAgencies: 'manage' }),
      ...abilities(actor, 'user', { manageUsers: 'manage' }),
      ...abilities(actor, 'audit', { viewAudit: 'view' }),
      ...abilities(actor, 'identity_conflict', { viewIdentityConflicts: 'list' }),
      ...abilities(actor, 'alert', { viewAlerts: 'list' }),
      ...abilities(actor, 'registration', { reviewRegistrations: 'list' }),
      ...abilities(actor, 'preregistration', { preregistration: 'manage' }),
      ...abilities(actor, 'workReport', { reportWorkers: 'create', listWorkers: 'list' }),
      ...abilities(actor, 'residenceReport', { reportResidence: 'create' }),
      ...abilities(actor, 'sighting', { reportSightings: 'create', triageSightings: 'triage' }),
      ...abilities(actor, 'team', { viewTeams: 'list' }),
      ...abilities(actor, 'task', { myTasks: 'list' }),
      ...abilities(actor, 'case', { viewCases: 'list' }),
      ...abilities(actor, 'operation', { viewOperations: 'list', planOperations: 'plan' }),
      ...abilities(actor, 'channel', { teamChannel: 'use' }),
      ...abilities(actor, 'apiKey', { manageApiKeys: 'manage' }),
      ...abilities(actor, 'present', { viewPresent: 'list' }),
      ...abilities(actor, 'person', { searchPersons: 'list' }),
      ...abilities(actor, 'person_link', { viewProbableLinks: 'list', mergePersons: 'decide' }),
      ...abilities(actor, 'map', { viewMap: 'view' }),
      ...abilities(actor, 'watchlist', { viewWatchlists: 'list', editWatchlists: 'edit' }),
    },
  };
}

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: LoginInput }>('/api/v1/auth/login', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'], operationId: 'login', summary: 'Sign in; sets the session cookie',
      description: 'Accounts with TOTP send `totp` (6 digits) or, instead, a one-time `recoveryCode`. Too many attempts from one address '
        + 'or for one username (known or not) answer 429 for a while; there is no account lockout.',
      body: {
        type: 'object', required: ['username', 'password'], additionalProperties: false,
        properties: {
          username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 },
          totp: { type: 'string', pattern: '^\\d{6}$' }, recoveryCode: { type: 'string', minLength: 1, maxLength: 32 },
        },
      },
      response: { 200: { type: 'object', properties: { user: meJson } }, ...problems(400, 401, 429) },
    },
  }, async (request, reply) => {
    const userId = await checkCredentials(ctx.db, request.body, request.ip);
    const { token, expiresAt } = await createSession(ctx.db, userId, request.ip);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, expires: expiresAt,
    });
    const actor = (await actorForToken(ctx.db, token))!;
    return { user: await presentMe(ctx.db, actor) };
  });

  app.post('/api/v1/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['auth'], operationId: 'logout', summary: 'Sign out', response: { 204: { type: 'null' } } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await announceSessionsEnded(ctx.bus, [await destroySession(ctx.db, token)], (err) => request.log.error({ err }, 'session.ended'));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/me', {
    config: { access: 'signedIn' },
    schema: { tags: ['auth'], operationId: 'getMe', summary: 'The signed-in user, with abilities', response: { 200: meJson, ...problems(401) } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'account', 'manage');
    return presentMe(ctx.db, actor);
  });
}
