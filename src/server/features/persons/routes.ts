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
import { regionTimeZone } from '../reference/queries';
import { presentPerson, presentPersonListItem } from './presenters';
import { loadPersonInScope } from './queries';
import { type PersonSearch, searchPersons } from './search';
import { personIdParams, personJson, personListJson, personListQuery, purposeHeaders } from './schemas';

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
    const { rows, total } = await searchPersons(ctx.db, actor, request.query);
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
      description: `The ${PURPOSE} header is required and kept in the audit log.`,
      params: personIdParams, headers: purposeHeaders, response: { 200: personJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const record = await loadPersonInScope(ctx.db, actor, request.params.id);
    ensureVisible(record !== undefined && record.stays.length > 0);
    authorize(actor, 'person', 'read', record!);
    const purpose = purposeOf(request.headers['x-access-purpose']);
    const latest = record!.stays[0]!;
    await recordRead(ctx.db, actor, {
      action: 'person.read', resourceType: 'person', resourceId: record!.person.id, regionCode: latest.region_code, detail: { purpose },
    });
    const today = localDate(new Date(), await regionTimeZone(ctx.db, latest.region_code));
    return presentPerson(actor, record!, latestPermitStatus({ permitValidUntil: latest.permit_valid_until }, today));
  });
}
