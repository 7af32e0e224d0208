import type { FastifyInstance } from 'fastify';
import { localDate } from '../../../domain/regions';
import { recordRead } from '../../audit/pending';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { problems } from '../../http/schemas';
import { authorize, ensureVisible, inArea } from '../../policies';
import { regionTimeZone } from '../reference/queries';
import { presentPersonAtPlace, presentPlace, workerAtPlace, worksitePlace } from './presenters';
import { type Place, type PlaceKind, findLodging, findSighting, findWorksite, listPlaces, regionNames } from './queries';
import { mapConfigJson, personsAtPlaceJson, placeParams, placesJson, placesQuery } from './schemas';

// The supervision map: places with counts (aggregates, not audited), and who is at one place
// now (an audited read). Tiles come from a configured server; without one the web draws the
// markers on a plain background or lists the places by village.

export function mapRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/map/config', {
    config: { access: gate('map', 'view') },
    schema: {
      tags: ['map'], operationId: 'getMapConfig', summary: 'Where the map\'s tiles come from (none: no background map)',
      response: { 200: mapConfigJson, ...problems(401, 403) },
    },
  }, async () => ({ tileUrl: ctx.config.mapTileUrl ?? null, attribution: ctx.config.mapAttribution ?? null }));

  app.get<{ Querystring: { region?: string } }>('/api/v1/map/places', {
    config: { access: gate('map', 'view') },
    schema: {
      tags: ['map'], operationId: 'listMapPlaces',
      summary: 'Lodgings, worksites and sightings in the caller\'s area, each with the number of foreigners present (no personal data)',
      querystring: placesQuery, response: { 200: placesJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const region = request.query.region;
    if (region) ensureVisible(inArea(actor, region));
    const { lodgings, worksites, sightings } = await listPlaces(ctx.db, actor, region);
    const places: Place[] = [...lodgings, ...worksites.map((s) => worksitePlace(actor, s)), ...sightings];
    const names = await regionNames(ctx.db, places.map((p) => p.villageCode));
    return {
      region: region ?? null,
      places: places.map((p) => presentPlace(p, names)),
      totals: { lodging: sum(lodgings), worksite: sum(worksites.map((s) => ({ count: s.workers.length }))), sighting: sum(sightings) },
    };
  });

  app.get<{ Params: { kind: PlaceKind; id: string } }>('/api/v1/map/places/:kind/:id/persons', {
    config: { access: gate('map', 'view', onRecord('map', 'readPlace')) },
    schema: {
      tags: ['map'], operationId: 'listPersonsAtPlace',
      summary: 'Who is at one place of the map now, as the field matrix allows (audited)',
      params: placeParams, response: { 200: personsAtPlaceJson, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { place, rows } = await personsAt(ctx, actor, request.params.kind, request.params.id);
    await recordRead(ctx.db, actor, {
      action: 'map.place.persons', resourceType: place.kind, resourceId: place.id, regionCode: place.villageCode,
      detail: { returned: rows.map((r) => r.person_id).filter(Boolean) },
    });
    const today = localDate(new Date(), await regionTimeZone(ctx.db, place.villageCode));
    const names = await regionNames(ctx.db, [place.villageCode]);
    return { place: presentPlace(place, names), items: rows.map((r) => presentPersonAtPlace(actor, r, today)) };
  });
}

const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);

/** Loads a place in the actor's area (404 outside it), checks the rule, and lists who is there. */
async function personsAt(ctx: AppContext, actor: Actor, kind: PlaceKind, id: string) {
  if (kind === 'lodging') {
    const found = await findLodging(ctx.db, actor, id);
    ensureVisible(found !== undefined);
    const { org, guests } = found;
    authorize(actor, 'map', 'readPlace', { regionCode: org.village_code });
    const place: Place = { kind, id, name: org.name, detail: org.lodging_type ?? org.kind, villageCode: org.village_code, lat: null, lng: null, count: guests.length };
    return { place, rows: guests.map((g) => ({ ...g, since: g.arrival_date })) };
  }
  if (kind === 'worksite') {
    const site = await findWorksite(ctx.db, actor, id);
    ensureVisible(site !== undefined);
    authorize(actor, 'map', 'readPlace', { regionCode: site.villageCode });
    return { place: worksitePlace(actor, site), rows: site.workers.map(workerAtPlace) };
  }
  const s = await findSighting(ctx.db, actor, id);
  ensureVisible(s !== undefined);
  authorize(actor, 'map', 'readPlace', { regionCode: s.village_code });
  authorize(actor, 'sighting', 'read', s);
  const place: Place = { kind, id, name: s.category, detail: s.observed_at, villageCode: s.village_code, lat: null, lng: null, count: 1 };
  // a linked sighting names the person as registered; an unlinked one, the subject as reported
  const linked = s.person_id !== null;
  return {
    place,
    rows: [{
      person_id: s.person_id, surname: linked ? s.surname : s.subject_name, given_names: linked ? s.given_names : null,
      sex: linked ? s.sex : null, nationality: linked ? s.nationality : s.subject_nationality, since: s.observed_at,
    }],
  };
}
