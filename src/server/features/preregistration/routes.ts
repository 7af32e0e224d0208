import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize } from '../../policies';
import { screenReported } from '../screening/raise';
import type { CheckInInput } from '../stays/schemas';
import { confirmDraft, discardDraft, draftFor, revokeLink, rotateLink } from './commands';
import { renderPosterPdf } from './poster';
import { presentDraft } from './presenters';
import { linkOf, listDrafts } from './queries';
import { confirmBody, confirmed, draftJson, draftList, idParams, linkJson } from './schemas';

// The clerk's side of pre-registration: the lodging's link and poster, and its drafts.

type Corrections = Partial<Pick<CheckInInput, 'guest' | 'arrivalDate' | 'plannedDeparture' | 'room'>>;

/** The guest's page for a token, on the address the clerk uses (so a poster printed here opens here). */
const formUrl = (request: FastifyRequest, token: string) => `${request.protocol}://${request.host}/pra-registrasi/${token}`;

export function preregistrationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/preregistrations', {
    config: { access: gate('preregistration', 'manage') },
    schema: {
      tags: ['preregistration'], operationId: 'listPreregistrations', summary: 'The lodging\'s guest pre-registrations awaiting the clerk (audited)',
      response: { 200: draftList, ...problems(401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { rows, total } = await listDrafts(ctx.db, actor, new Date());
    await recordRead(ctx.db, actor, {
      action: 'preregistration.list', resourceType: 'preregistration', regionCode: actor.reporterOrg?.villageCode ?? null,
      detail: { returned: rows.map((r) => r.id) },
    });
    return { items: rows.map(presentDraft), total };
  });

  app.get<{ Params: { id: string } }>('/api/v1/preregistrations/:id', {
    config: { access: gate('preregistration', 'manage', onRecord('preregistration', 'read')) },
    schema: {
      tags: ['preregistration'], operationId: 'getPreregistration', summary: 'One pre-registration with the guest\'s answers (audited)',
      params: idParams, response: { 200: draftJson, ...problems(401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const draft = await draftFor(ctx.db, actor, request.params.id);
    await recordRead(ctx.db, actor, { action: 'preregistration.read', resourceType: 'preregistration', resourceId: draft.id, regionCode: draft.village_code });
    return presentDraft(draft);
  });

  app.post<{ Params: { id: string }; Body: Corrections }>('/api/v1/preregistrations/:id/confirm', {
    config: { access: gate('preregistration', 'manage', onRecord('preregistration', 'confirm')) },
    schema: {
      tags: ['preregistration'], operationId: 'confirmPreregistration', summary: 'The clerk has seen the passport: check the guest in from the draft',
      description: 'The body may correct the draft with the check-in\'s own fields; a given part (e.g. the whole `guest`) replaces the draft\'s. '
        + 'The answer is the check-in\'s receipt; the draft is gone.',
      params: idParams, body: confirmBody, response: { 201: confirmed, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await confirmDraft(ctx.db, actor, request.params.id, request.body ?? {});
    // screened like every check-in, before the answer (which never shows the outcome)
    await screenReported(ctx, request.log, [result.id, ...result.members.map((m) => m.id)]);
    void ctx.relay.kick();
    return reply.status(201).send({ id: result.id, receiptNumber: result.receiptNumber });
  });

  app.delete<{ Params: { id: string } }>('/api/v1/preregistrations/:id', {
    config: { access: gate('preregistration', 'manage', onRecord('preregistration', 'discard')) },
    schema: {
      tags: ['preregistration'], operationId: 'discardPreregistration', summary: 'Throw a pre-registration away (audited)',
      params: idParams, response: { 204: { type: 'null' }, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    await discardDraft(ctx.db, requireActor(request), request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/v1/prereg-link', {
    config: { access: gate('preregistration', 'manage') },
    schema: {
      tags: ['preregistration'], operationId: 'getPreregistrationLink', summary: 'The lodging\'s pre-registration link (null before one is made)',
      response: { 200: linkJson, ...problems(401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const link = await linkOf(ctx.db, actor.reporterOrg!.id);
    return { link: link ? { token: link.token, url: formUrl(request, link.token), createdAt: link.created_at } : null };
  });

  app.post('/api/v1/prereg-link', {
    config: { access: gate('preregistration', 'manage') },
    schema: {
      tags: ['preregistration'], operationId: 'rotatePreregistrationLink', summary: 'Make a new pre-registration link; the old one and its posters stop working',
      response: { 201: linkJson, ...problems(401, 403) },
    },
  }, async (request, reply) => {
    const link = await rotateLink(ctx.db, requireActor(request));
    return reply.status(201).send({ link: { token: link.token, url: formUrl(request, link.token), createdAt: link.createdAt } });
  });

  app.delete('/api/v1/prereg-link', {
    config: { access: gate('preregistration', 'manage') },
    schema: {
      tags: ['preregistration'], operationId: 'revokePreregistrationLink', summary: 'Turn the pre-registration link off',
      response: { 204: { type: 'null' }, ...problems(401, 403) },
    },
  }, async (request, reply) => {
    await revokeLink(ctx.db, requireActor(request));
    return reply.status(204).send();
  });

  app.get('/api/v1/prereg-link/poster.pdf', {
    config: { access: gate('preregistration', 'manage') },
    schema: {
      tags: ['preregistration'], operationId: 'getPreregistrationPoster', summary: 'A4 poster with the link\'s QR code (PDF)',
      produces: ['application/pdf'], response: { 200: { type: 'string', format: 'binary' }, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'preregistration', 'manage');
    const link = await linkOf(ctx.db, actor.reporterOrg!.id);
    if (!link) throw notFound();
    const org = await ctx.db.selectFrom('reporter_orgs').select('name').where('id', '=', actor.reporterOrg!.id).executeTakeFirstOrThrow();
    const pdf = await renderPosterPdf(org.name, formUrl(request, link.token));
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="poster-pra-registrasi.pdf"').send(pdf);
  });
}
