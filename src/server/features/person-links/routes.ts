import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import type { Kysely } from 'kysely';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize, ensureVisible } from '../../policies';
import { dismissLink, mergePersons, splitMerge } from './commands';
import { presentCandidate, presentMerge, presentPair } from './presenters';
import { type QueueFilter, candidatesFor, mergesOf, probableQueue, summariesInScope } from './queries';
import {
  candidatesJson, decisionBody, dismissalJson, idParams, mergeJson, mergesJson, queueJson, queueQuery, splitBody,
} from './schemas';

// Entity resolution: probable links (same name key, birth date and nationality) proposed with
// their score and reasons; merge, split and dismiss as audited decisions.

type Decision = { otherPersonId: string; reason: string };

/** The person in the actor's scope (404 outside), readable by it (403). */
async function personFor(db: Kysely<Database>, actor: Actor, id: string) {
  const person = (await summariesInScope(db, actor, [id])).get(id);
  ensureVisible(person !== undefined);
  authorize(actor, 'person', 'read', { region_codes: person.regionCodes });
  return person;
}

export function personLinksRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>('/api/v1/persons/:id/probable-links', {
    config: { access: gate('person_link', 'list', onRecord('person', 'read')) },
    schema: {
      tags: ['persons'], operationId: 'listProbableLinksOfPerson',
      summary: 'Persons in the caller\'s scope that may be this one (same name in any order, birth date and nationality), scored, with reasons (audited)',
      params: idParams, response: { 200: candidatesJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const person = await personFor(ctx.db, actor, request.params.id);
    const candidates = await candidatesFor(ctx.db, actor, person);
    await recordRead(ctx.db, actor, {
      action: 'person_link.list', resourceType: 'person', resourceId: person.person.id, regionCode: person.regionCodes[0],
      detail: { returned: candidates.map((c) => c.summary.person.id) },
    });
    return { items: candidates.map((c) => presentCandidate(actor, person, c)) };
  });

  app.get<{ Querystring: QueueFilter }>('/api/v1/probable-links', {
    config: { access: gate('person_link', 'list') },
    schema: {
      tags: ['persons'], operationId: 'listProbableLinks',
      summary: 'Undecided pairs of persons in the caller\'s area that may be one person (audited)',
      querystring: queueQuery, response: { 200: queueJson, ...problems(400, 401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { items, total } = await probableQueue(ctx.db, actor, request.query);
    await recordRead(ctx.db, actor, {
      action: 'person_link.queue', resourceType: 'person', regionCode: request.query.region ?? actor.areaCode,
      detail: { query: request.query, returned: items.map((p) => [p.a.person.id, p.b.person.id]) },
    });
    return { items: items.map((p) => presentPair(actor, p)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id/merges', {
    config: { access: gate('person_link', 'list', onRecord('person', 'read')) },
    schema: {
      tags: ['persons'], operationId: 'listPersonMerges', summary: 'The person\'s merge history (merged in, split again), newest first',
      params: idParams, response: { 200: mergesJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const person = await personFor(ctx.db, actor, request.params.id);
    const merges = await mergesOf(ctx.db, person.person.id);
    return { items: merges.map((m) => presentMerge(actor, m)) };
  });

  app.post<{ Params: { id: string }; Body: Decision }>('/api/v1/persons/:id/merge', {
    config: { access: gate('person_link', 'decide', onRecord('person_link', 'merge')) },
    schema: {
      tags: ['persons'], operationId: 'mergePersons',
      summary: 'Merge another person into this one (immigration or police of the area): its stays, documents and every reference move here; audited, reversible by a split',
      description: 'Both persons must have a stay in the caller\'s scope. The absorbed person\'s id then answers 404 with `mergedInto` on GET /api/v1/persons/{id}.',
      params: idParams, body: decisionBody({ otherPersonId: 'a7c1e9d0-0000-4000-8000-000000000002', reason: 'Paspor baru setelah perpanjangan; nama, tanggal lahir dan kebangsaan sama' }),
      response: { 200: mergeJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await mergePersons(ctx.db, actor, request.params.id, request.body);
    return presentMerge(actor, (await mergesOf(ctx.db, row.kept_person_id)).find((m) => m.id === row.id)!);
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/person-merges/:id/split', {
    config: { access: gate('person_link', 'decide', onRecord('person_link', 'split')) },
    schema: {
      tags: ['persons'], operationId: 'splitPersonMerge',
      summary: 'Split a wrong merge: exactly the rows it moved go back to the absorbed person (audited)',
      params: idParams, body: splitBody, response: { 200: mergeJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await splitMerge(ctx.db, actor, request.params.id, request.body);
    return presentMerge(actor, (await mergesOf(ctx.db, row.kept_person_id)).find((m) => m.id === row.id)!);
  });

  app.post<{ Params: { id: string }; Body: Decision }>('/api/v1/persons/:id/probable-links/dismiss', {
    config: { access: gate('person_link', 'decide', onRecord('person_link', 'dismiss')) },
    schema: {
      tags: ['persons'], operationId: 'dismissProbableLink',
      summary: 'Decide that another person is not this one: the pair is not proposed again (audited)',
      params: idParams, body: decisionBody({ otherPersonId: 'a7c1e9d0-0000-4000-8000-000000000002', reason: 'Tanda tangan dan foto paspor berbeda: dua orang' }),
      response: { 200: dismissalJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await dismissLink(ctx.db, actor, request.params.id, request.body);
    return { personId: request.params.id, otherPersonId: row.person_a === request.params.id ? row.person_b : row.person_a, reason: row.reason, dismissedAt: row.dismissed_at };
  });
}
