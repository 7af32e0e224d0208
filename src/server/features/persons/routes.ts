import type { FastifyInstance } from 'fastify';
import { localDate } from '../../../domain/regions';
import { latestPermitStatus } from '../../../domain/permits/status';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { fieldInvalid } from '../../errors';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize, ensureVisible, inArea } from '../../policies';
import { personNotFound } from '../person-links/queries';
import { regionTimeZone } from '../reference/queries';
import { presentPerson, presentPersonListItem } from './presenters';
import { loadPersonInScope } from './queries';
import { type PersonSearch, searchPersons } from './search';
import { personIdParams, personJson, personListJson, personListQuery, purposeHeaders } from './schemas';
import { loadProfileExtras, presentProfileExtras, profileExtrasJson } from './timeline';

// One person, one profile: the officer's picture of a person across the stays in its scope.

const PURPOSE = 'X-Access-Purpose';

/** The purpose of a profile read: required, 3–200 characters. */
function purposeOf(value: string | string[] | undefined): string {
  const purpose = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  if (purpose === '') throw fieldInvalid(PURPOSE, 'field.required');
  if (purpose.length < 3) throw fieldInvalid(PURPOSE, 'field.too_short', { limit: 3 });
  if (purpose.length > 200) throw fieldInvalid(PURPOSE, 'field.too_long', { limit: 200 });
  return purpose;
}

export function personsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: PersonSearch }>('/api/v1/persons', {
    config: { access: gate('person', 'list') },
    schema: {
      tags: ['persons'], operationId: 'listPersons', summary: 'Search persons with a stay in the caller\'s scope: name in any order (fuzzy), document number, filters (audited)',
      querystring: personListQuery, response: { 200: personListJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { region } = request.query;
    ensureVisible(region === undefined || inArea(actor, region));
    const { rows, total } = await searchPersons(ctx.reads, actor, request.query);
    await recordRead(ctx.db, actor, {
      action: 'person.list', resourceType: 'person', regionCode: actor.areaCode, detail: { query: request.query, returned: rows.map((r) => r.id) },
    });
    return { items: rows.map((r) => presentPersonListItem(actor, r)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get<{ Params: { id: string } }>('/api/v1/persons/:id', {
    config: { access: gate('person', 'list', onRecord('person', 'read')) },
    schema: {
      tags: ['persons'], operationId: 'getPerson',
      summary: 'One person: identity, documents, whereabouts, permit status and the stays in the caller\'s scope (audited, with a purpose)',
      description: `The ${PURPOSE} header is required and kept in the audit log. A person merged into another answers 404 with \`mergedInto\` (id, href) naming the person it became, when that one is in the caller's scope.`,
      params: personIdParams, headers: purposeHeaders,
      response: { 200: { ...personJson, properties: { ...personJson.properties, ...profileExtrasJson } }, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const record = await loadPersonInScope(ctx.db, actor, request.params.id);
    // an absorbed person answers 404 with a pointer to the person it was merged into (features/person-links)
    if (record === undefined || record.stays.length === 0) throw await personNotFound(ctx.db, actor, request.params.id);
    authorize(actor, 'person', 'read', record!);
    const purpose = purposeOf(request.headers['x-access-purpose']);
    const latest = record!.stays[0]!;
    await recordRead(ctx.db, actor, {
      action: 'person.read', resourceType: 'person', resourceId: record!.person.id, regionCode: latest.region_code, detail: { purpose },
    });
    const zone = await regionTimeZone(ctx.db, latest.region_code);
    const today = localDate(new Date(), zone);
    const extras = await loadProfileExtras(ctx.db, record!.person.id, record!.stays.map((s) => s.id));
    return {
      ...presentPerson(actor, record!, latestPermitStatus({ permitValidUntil: latest.permit_valid_until }, today)),
      ...presentProfileExtras(actor, record!, extras, zone, today),
    };
  });
}
