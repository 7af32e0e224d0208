import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RegistrationInput } from '../../../domain/validation/registration';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { languageOf } from '../../i18n/messages';
import { type OutgoingMail, sendMail } from '../../mail';
import { authorize } from '../../policies';
import { type Decision, approveRegistration, register, rejectRegistration, verifyEmail } from './commands';
import { approvedMail, rejectedMail, verificationMail } from './mails';
import { presentRegistration } from './presenters';
import { type RegistrationFilter, listRegistrations, loadRegistration, regionsBelow } from './queries';
import {
  registeredJson, registrationBody, registrationJson, registrationListQuery, registrationParams, regionsQuery, rejectBody, verifyEmailBody,
} from './schemas';
import { VERIFY_EMAIL_HOURS, tokenKey } from './tokens';

const regionItem = { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, level: { type: 'integer' } } } as const;

export function registrationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Sends after commit; a refused mail is logged, never undoes what was stored. */
  const mail = async (request: FastifyRequest, message: OutgoingMail | null): Promise<boolean> => {
    if (!message) return false;
    try {
      await sendMail(ctx, message);
      return true;
    } catch (err) {
      request.log.error({ err }, 'mail not sent');
      return false;
    }
  };
  const decided = async (request: FastifyRequest, decision: Decision, message: OutgoingMail | null) => {
    await mail(request, message);
    const { row, names } = await loadRegistration(ctx.db, decision.id);
    return presentRegistration(requireActor(request), row, names);
  };

  app.post<{ Body: RegistrationInput }>('/api/v1/registrations', {
    config: { access: 'public' },
    schema: {
      tags: ['registrations'], operationId: 'createRegistration', security: [],
      summary: 'Register as a reporter (lodging, company or sponsor, private person); sends an e-mail verification link',
      description: 'Public. The account can sign in once the e-mail address is verified, and report once an immigration officer of the area '
        + 'approves the registration. At most about 10 registrations per client address per hour (429 beyond).',
      body: registrationBody, response: { 201: registeredJson, ...problems(400, 409, 429) },
    },
  }, async (request, reply) => {
    const key = await tokenKey(ctx.db);
    const locale = languageOf(request.headers['accept-language']);
    const done = await register(ctx.db, key, { ...request.body, locale }, request.ip);
    void ctx.relay.kick();
    const link = `${ctx.config.publicUrl}/verifikasi-email?token=${encodeURIComponent(done.token)}`;
    const emailSent = await mail(request, verificationMail(done.email, { name: done.name, username: done.username, link, hours: VERIFY_EMAIL_HOURS }));
    return reply.status(201).send({ id: done.id, status: 'pending', emailSent });
  });

  app.post<{ Body: { token: string } }>('/api/v1/registrations/verify-email', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['registrations'], operationId: 'verifyRegistrationEmail', security: [],
      summary: 'Verify the e-mail address with the token from the link (single use, expires)',
      body: verifyEmailBody,
      response: { 200: { type: 'object', properties: { verified: { type: 'boolean' }, username: { type: 'string' } } }, ...problems(400, 429) },
    },
  }, async (request) => {
    const { username } = await verifyEmail(ctx.db, await tokenKey(ctx.db), request.body.token);
    return { verified: true, username };
  });

  app.get<{ Querystring: { parent?: string } }>('/api/v1/registrations/regions', {
    config: { access: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
    schema: {
      tags: ['registrations'], operationId: 'listRegistrationRegions', security: [],
      summary: 'Regions below a parent (none: the provinces), for choosing the village on the public registration form',
      querystring: regionsQuery, response: { 200: { type: 'object', properties: { items: { type: 'array', items: regionItem } } }, ...problems(400, 429) },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return { items: (await regionsBelow(ctx.db, request.query.parent)).map((r) => ({ code: r.code, name: r.name, level: Number(r.level) })) };
  });

  app.get<{ Querystring: RegistrationFilter }>('/api/v1/registrations', {
    config: { access: gate('registration', 'list') },
    schema: {
      tags: ['registrations'], operationId: 'listRegistrations', summary: 'Registrations of the officer\'s area by status, oldest pending first (audited)',
      querystring: registrationListQuery,
      response: {
        200: { type: 'object', properties: { items: { type: 'array', items: registrationJson }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } } },
        ...problems(400, 401, 403),
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'registration', 'list');
    const { rows, names, total } = await listRegistrations(ctx.db, actor, request.query);
    await recordRead(ctx.db, actor, {
      action: 'registration.list', resourceType: 'reporter_org', regionCode: actor.areaCode, detail: { status: request.query.status, returned: rows.map((r) => r.id) },
    });
    return { items: rows.map((r) => presentRegistration(actor, r, names)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.post<{ Params: { id: string } }>('/api/v1/registrations/:id/approve', {
    config: { access: gate('registration', 'list', onRecord('registration', 'approve')) },
    schema: {
      tags: ['registrations'], operationId: 'approveRegistration',
      summary: 'Approve a registration whose e-mail is verified: the reporter is verified and may report; it is told by e-mail',
      params: registrationParams, response: { 200: registrationJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const decision = await approveRegistration(ctx.db, requireActor(request), request.params.id);
    void ctx.relay.kick();
    const loginUrl = `${ctx.config.publicUrl}/login`;
    return decided(request, decision, decision.to ? approvedMail(decision.to, { name: decision.name, username: decision.username, loginUrl, office: decision.office }) : null);
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/registrations/:id/reject', {
    config: { access: gate('registration', 'list', onRecord('registration', 'reject')) },
    schema: {
      tags: ['registrations'], operationId: 'rejectRegistration', summary: 'Reject a registration with a reason; the registrant is told by e-mail',
      params: registrationParams, body: rejectBody, response: { 200: registrationJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const decision = await rejectRegistration(ctx.db, requireActor(request), request.params.id, request.body.reason);
    void ctx.relay.kick();
    return decided(request, decision, decision.to ? rejectedMail(decision.to, { name: decision.name, reason: decision.reason!, office: decision.office }) : null);
  });
}
