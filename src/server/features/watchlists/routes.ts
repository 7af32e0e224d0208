import type { FastifyInstance } from 'fastify';
import { recordRead } from '../../audit/pending';
import type { AppContext } from '../../context';
import { gate, onRecord } from '../../http/access';
import { requireActor } from '../../http/actor';
import { authorize } from '../../policies';
import { type CreateListInput, type EntryInput, addEntry, createWatchlist, removeEntry } from './commands';
import { WATCHLIST_KINDS } from './import';
import { presentEntry, presentList, presentVersion } from './presenters';
import { ensureNoImportRunning, listEntries, listVersions, listWatchlists, loadEntry, loadWatchlist } from './queries';
import {
  addEntryBody, createListBody, entriesPage, entriesQuery, entryJson, idParams, listJson, listsPage, problems, removeBody, versionsPage,
} from './schemas';
import { watchlistUploadRoutes } from './upload-routes';

// Watchlists by hand: the lists, their entries (paged, searched), manual entry and removal,
// versions. Every change is audited in its command; after it the screening service is told,
// which rebuilds its index on the new list version and re-screens everyone present.

/** After a change: the index notices the new version at once (not within its 5 s stamp check) and re-screens. */
export function listChanged(ctx: AppContext, log: FastifyInstance['log']): void {
  ctx.screening.invalidate();
  void ctx.screening.current().catch((err) => log.error({ err }, 'watchlist index after a change'));
}

export function watchlistsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/watchlists', {
    config: { access: gate('watchlist', 'list') },
    schema: {
      tags: ['watchlists'], operationId: 'listWatchlists', summary: 'The watchlists, with entry counts and current versions',
      response: { 200: listsPage, ...problems(401, 403) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return { items: (await listWatchlists(ctx.db)).map((l) => presentList(actor, l)), kinds: [...WATCHLIST_KINDS] };
  });

  app.post<{ Body: CreateListInput }>('/api/v1/watchlists', {
    config: { access: gate('watchlist', 'edit') },
    schema: {
      tags: ['watchlists'], operationId: 'createWatchlist', summary: 'Create a watchlist (empty; add entries or upload a file)',
      body: createListBody, response: { 201: listJson, ...problems(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const id = await createWatchlist(ctx.db, actor, request.body);
    return reply.status(201).send(presentList(actor, await loadWatchlist(ctx.db, id)));
  });

  app.get<{ Params: { id: string } }>('/api/v1/watchlists/:id', {
    config: { access: gate('watchlist', 'list', onRecord('watchlist', 'read')) },
    schema: { tags: ['watchlists'], operationId: 'getWatchlist', summary: 'One watchlist', params: idParams, response: { 200: listJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const list = await loadWatchlist(ctx.db, request.params.id);
    authorize(actor, 'watchlist', 'read', list);
    return presentList(actor, list);
  });

  app.get<{ Params: { id: string }; Querystring: { q?: string; removed: boolean; page: number; pageSize: number } }>('/api/v1/watchlists/:id/entries', {
    config: { access: gate('watchlist', 'view', onRecord('watchlist', 'readEntries')) },
    schema: {
      tags: ['watchlists'], operationId: 'listWatchlistEntries', summary: 'A watchlist\'s entries, paged, searchable by name (audited read)',
      params: idParams, querystring: entriesQuery, response: { 200: entriesPage, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const list = await loadWatchlist(ctx.db, request.params.id);
    authorize(actor, 'watchlist', 'readEntries', list);
    const { q, removed, page, pageSize } = request.query;
    const { items, total } = await listEntries(ctx.db, list.id, { q, removed, page, pageSize });
    await recordRead(ctx.db, actor, {
      action: 'watchlist.entries_read', resourceType: 'watchlist', resourceId: list.id, regionCode: list.region_code,
      detail: { q: q ?? null, removed, page, shown: items.length },
    });
    return { items: items.map((e) => presentEntry(actor, { ...e, region_code: list.region_code })), total, page, pageSize };
  });

  app.post<{ Params: { id: string }; Body: EntryInput }>('/api/v1/watchlists/:id/entries', {
    config: { access: gate('watchlist', 'editEntries', onRecord('watchlist', 'addEntry')) },
    schema: {
      tags: ['watchlists'], operationId: 'addWatchlistEntry', summary: 'Add an entry by hand (a new list version; everyone present is re-screened)',
      params: idParams, body: addEntryBody, response: { 201: entryJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const list = await loadWatchlist(ctx.db, request.params.id);
    authorize(actor, 'watchlist', 'addEntry', list);
    await ensureNoImportRunning(ctx.db, list.id);
    const id = await addEntry(ctx.db, actor, list, request.body);
    listChanged(ctx, request.log);
    return reply.status(201).send(presentEntry(actor, await loadEntry(ctx.db, id)));
  });

  app.get<{ Params: { id: string } }>('/api/v1/watchlist-entries/:id', {
    config: { access: gate('watchlist', 'view', onRecord('watchlist', 'readEntry')) },
    schema: { tags: ['watchlists'], operationId: 'getWatchlistEntry', summary: 'One watchlist entry (audited read)', params: idParams, response: { 200: entryJson, ...problems(401, 403, 404) } },
  }, async (request) => {
    const actor = requireActor(request);
    const entry = await loadEntry(ctx.db, request.params.id);
    authorize(actor, 'watchlist', 'readEntry', entry);
    await recordRead(ctx.db, actor, { action: 'watchlist.entry_read', resourceType: 'watchlist_entry', resourceId: entry.id, regionCode: entry.region_code });
    return presentEntry(actor, entry);
  });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/watchlist-entries/:id/remove', {
    config: { access: gate('watchlist', 'editEntries', onRecord('watchlist', 'removeEntry')) },
    schema: {
      tags: ['watchlists'], operationId: 'removeWatchlistEntry', summary: 'Remove an entry, with a reason (kept in the history; a new list version)',
      params: idParams, body: removeBody, response: { 200: entryJson, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const entry = await loadEntry(ctx.db, request.params.id);
    authorize(actor, 'watchlist', 'removeEntry', entry);
    const list = await loadWatchlist(ctx.db, entry.watchlist_id);
    await ensureNoImportRunning(ctx.db, list.id);
    await removeEntry(ctx.db, actor, entry, list, request.body.reason);
    listChanged(ctx, request.log);
    return presentEntry(actor, await loadEntry(ctx.db, entry.id));
  });

  app.get<{ Params: { id: string } }>('/api/v1/watchlists/:id/versions', {
    config: { access: gate('watchlist', 'list', onRecord('watchlist', 'read')) },
    schema: {
      tags: ['watchlists'], operationId: 'listWatchlistVersions', summary: 'A watchlist\'s versions: what each added, updated or removed, who and why',
      params: idParams, response: { 200: versionsPage, ...problems(401, 403, 404) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const list = await loadWatchlist(ctx.db, request.params.id);
    authorize(actor, 'watchlist', 'read', list);
    return { items: (await listVersions(ctx.db, list.id)).map(presentVersion) };
  });

  watchlistUploadRoutes(app, ctx);
}
